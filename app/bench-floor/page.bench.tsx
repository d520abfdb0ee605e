// Only in the benchmark's build (BENCH_FLOORS=1, see next.config.mjs): the floor a page of this
// app cannot go below (proxy, headers, render of the root layout), for `npm run bench:http`.
export const dynamic = "force-dynamic";

export default function BenchFloorPage() {
  return <h1>Floor</h1>;
}
