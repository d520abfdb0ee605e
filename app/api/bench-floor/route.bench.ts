// Only in the benchmark's build (BENCH_FLOORS=1, see next.config.mjs): the floor of a route
// handler of this app (proxy and headers included), for `npm run bench:http`.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
