/**
 * `npm run bench:http`: the portal over HTTP, side by side in one run (not a test).
 *
 * Builds the app with BENCH_FLOORS=1 into .next-bench (an empty dynamic page and an empty route
 * handler exist only in that build, as floors), starts it as `npm start` does on a throwaway
 * PostgreSQL database `portal_bench_http` (DATABASE_URL's server, default
 * postgres://postgres@127.0.0.1:5432) with the demo data and 100 more patients, signs in, then
 * loads each target with autocannon (req/s, p50, p99, non-2xx), sums the gzip size of the
 * JavaScript each patient page loads (the service worker's script where it is installed), and weighs the caseload's HTML (two pages of 25 patients).
 * The load generator runs on the same machine.
 * Options: --duration S (default 10), --connections N (default 10), --keep-build.
 */
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import postgres from "postgres";
import { buildWithFloors, PATIENT_PAGES, signIn as signInAt, startPortal } from "./bench-server";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg("duration", 10);
const CONNECTIONS = arg("connections", 10);
const PORT = arg("port", 3399);
const WRITERS = 100;
const NAME = "portal_bench_http";
const base = `http://127.0.0.1:${PORT}`;
const log = (...parts: unknown[]) => console.log(...parts);

buildWithFloors();
const portal = await startPortal(NAME, PORT);
const signIn = (email: string, password: string, ip?: string) =>
  signInAt(base, email, password, ip);

let exitCode = 0;
try {
  const sql = postgres(portal.databaseUrl, { max: 2, onnotice: () => {} });
  const writers = await seedWriters(sql);
  await sql.end();

  const patient = await signIn("patient@example.com", "demo-password");
  const provider = await signIn("provider@example.com", "demo-password");
  const writerCookies: string[] = [];
  for (const [i, email] of writers.entries()) {
    writerCookies.push(await signIn(email, "demo-password", `198.51.100.${i % 250}`));
  }

  // ---- Throughput ----
  type Row = { name: string; rps: number; p50: number; p99: number; non2xx: number };
  const rows: Row[] = [];
  async function load(name: string, options: Partial<autocannon.Options>) {
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      ...(options.amount ? {} : { duration: DURATION }),
      ...options,
    } as autocannon.Options);
    rows.push({
      name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx + result.errors,
    });
    log(`${name}: ${result.requests.average.toFixed(0)} req/s`);
  }
  const get = (path: string, cookie?: string): Partial<autocannon.Options> => ({
    url: `${base}${path}`,
    headers: cookie ? { cookie } : {},
  });
  const trpc = (procedure: string) => `/api/trpc/${procedure}`;

  await load("floor: empty dynamic page", get("/bench-floor"));
  await load("floor: empty route handler", get("/api/bench-floor"));
  await load("sign-in page", get("/signin"));
  await load("tRPC session.me (patient)", get(trpc("session.me"), patient));
  await load("tRPC diary.home (patient)", get(trpc("diary.home"), patient));
  await load("patient home /patient", get("/patient", patient));
  await load("caseload page /provider", get("/provider", provider));

  // Diary writes: many patients, one entry each (each patient has 8 open days).
  const today = new Date().toISOString().slice(0, 10);
  let next = 0;
  const writes = writers.length * 8;
  await load("tRPC diary.add (one entry per patient and day)", {
    url: `${base}${trpc("diary.add")}`,
    amount: writes,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const n = next++;
          const who = n % writers.length;
          const back = Math.floor(n / writers.length) % 8;
          const day = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000)
            .toISOString()
            .slice(0, 10);
          return {
            ...req,
            headers: { cookie: writerCookies[who] ?? "", "content-type": "application/json" },
            body: JSON.stringify({
              json: {
                clientId: randomUUID(),
                entryDate: day,
                painAverage: 4,
                enjoyment: 3,
                activity: 4,
                locations: ["lumbar"],
                qualities: ["aching"],
                siteSoreness: false,
                medication: "",
                note: "",
              },
            }),
          };
        },
      },
    ],
  });

  // ---- JavaScript each page loads (gzip) ----
  const pages: Array<[string, string | undefined]> = [
    ["/bench-floor", undefined],
    ["/signin", undefined],
    ...PATIENT_PAGES.map((page): [string, string] => [page, patient]),
    ["/signin/forgot", undefined],
    ["/provider", provider],
  ];
  const js: Array<{ page: string; kib: number; scripts: number }> = [];
  for (const [page, cookie] of pages) js.push({ page, ...(await pageJs(page, cookie)) });

  // ---- The caseload's HTML: its first two pages, 25 patients each ----
  const htmlKib = async (path: string) =>
    (await (await fetch(`${base}${path}`, { headers: { cookie: provider } })).arrayBuffer())
      .byteLength / 1024;
  const caseloadHtml = [await htmlKib("/provider"), await htmlKib("/provider?page=2")];

  // ---- Report ----
  const floorPage = rows.find((r) => r.name.startsWith("floor: empty dynamic page"))?.rps ?? 0;
  const floorRoute = rows.find((r) => r.name.startsWith("floor: empty route"))?.rps ?? 0;
  log(
    `\n${DURATION} s per target, ${CONNECTIONS} connections, ${new Date().toISOString()}, Node ${process.version}\n`,
  );
  log("| target | req/s | vs floor | p50 ms | p99 ms | non-2xx |");
  log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const floor = r.name.startsWith("tRPC")
      ? floorRoute
      : r.name.startsWith("floor")
        ? 0
        : floorPage;
    const vs = floor ? `${Math.round((100 * r.rps) / floor)}%` : "";
    log(`| ${r.name} | ${r.rps.toFixed(0)} | ${vs} | ${r.p50} | ${r.p99} | ${r.non2xx} |`);
  }
  log("\n| page | JS (gzip KiB) | scripts |");
  log("|---|---:|---:|");
  for (const j of js) log(`| ${j.page} | ${j.kib.toFixed(1)} | ${j.scripts} |`);
  log(
    `\nCaseload HTML (uncompressed): page 1 ${caseloadHtml[0]?.toFixed(1)} KiB, pages 1 and 2 (50 patients) ${((caseloadHtml[0] ?? 0) + (caseloadHtml[1] ?? 0)).toFixed(1)} KiB`,
  );
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await portal.stop();
}
process.exit(exitCode);

/** 100 patients with a procedure 30 days ago, on the demo provider's care team. */
async function seedWriters(sql: postgres.Sql): Promise<string[]> {
  const [demo] = await sql<
    { password_hash: string; provider_id: string }[]
  >`select (select password_hash from users where email = 'patient@example.com') as password_hash,
           (select id from users where email = 'provider@example.com') as provider_id`;
  if (!demo) throw new Error("the demo seed is missing");
  const emails = Array.from({ length: WRITERS }, (_, i) => `bench-writer-${i}@example.test`);
  const ids = await sql<{ id: string }[]>`
    insert into users (role, name, email, password_hash)
    select 'patient', 'Bench Writer ' || n, e, ${demo.password_hash}
    from unnest(${sql.array(emails)}::text[]) with ordinality as t(e, n)
    returning id`;
  for (const { id } of ids) {
    await sql`insert into care_team (provider_id, patient_id) values (${demo.provider_id}, ${id})`;
    await sql`
      insert into procedures (patient_id, recorded_by, performed_on, modality, region, side,
        target, baseline_pain, baseline_interference, baseline_locations, baseline_qualities)
      values (${id}, ${demo.provider_id}, current_date - 30, 'radiofrequency', 'lumbar',
        'bilateral', 'L4-L5 medial branches', 7, 6, '{lumbar}', '{aching}')`;
  }
  return emails;
}

/** The gzip size of the scripts a page's HTML loads (what a cold browser transfers). */
async function pageJs(path: string, cookie?: string) {
  const html = await (await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} })).text();
  // Polyfills load with `noModule`: a current browser never fetches them.
  const sources = [
    ...new Set(
      [...html.matchAll(/<script([^>]+)>/g)]
        .map((m) => m[1] ?? "")
        .filter((attrs) => !/\bnoModule\b/i.test(attrs))
        .map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1])
        .filter((src): src is string => Boolean(src)),
    ),
  ];
  // The pages that install the service worker (public/sw.js, decision 026) count its script.
  if (["/patient", "/patient/history", "/patient/plan"].includes(path)) sources.push("/sw.js");
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return { kib: bytes / 1024, scripts: sources.length };
}
