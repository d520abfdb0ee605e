/**
 * `npm run bench:lighthouse`: main-thread work of the patient's pages under Lighthouse's mobile
 * preset, beside the app's own empty page (not a test). Builds with the floor routes (or
 * --keep-build), starts the portal on a throwaway PostgreSQL database `portal_bench_lighthouse`
 * with the demo data, signs in as the demo patient, then runs Lighthouse (performance only,
 * mobile preset, simulated throttling) on the empty page, /signin and every patient page,
 * interleaved, `--runs N` rounds (default 3), and prints each page's median total blocking time
 * and its difference from the empty page's. Lighthouse 13 needs Node 22.19 or later: it runs
 * through `npx -p node@22`, so the machine's own Node is left alone. Chromium: CHROME_PATH, else
 * /usr/bin/chromium. `--pages a,b` measures only those pages beside the empty page; `--keep-build`
 * reuses the last build.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildWithFloors, PATIENT_PAGES, signIn, startPortal } from "./bench-server";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 3);
/** `--pages /patient,/patient/history`: only these pages (the empty page is always measured). */
const pagesArg = process.argv.indexOf("--pages");
const ONLY = pagesArg > 0 ? (process.argv[pagesArg + 1] ?? "").split(",") : null;
const PORT = arg("port", 3398);
const LIGHTHOUSE = "lighthouse@13.5.0";
const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const work = mkdtempSync(path.join(tmpdir(), "bench-lighthouse-"));

type Audit = { tbt: number; fcp: number; lcp: number };

/**
 * One Lighthouse run of `url`: total blocking time, first and largest contentful paint (ms).
 * Lighthouse now and then loses its trace ("NO_NAVSTART"): such a run is tried once more.
 */
function lighthouse(url: string, cookie?: string, attempt = 1): Audit {
  const out = path.join(work, "report.json");
  const result = spawnSync(
    "npx",
    [
      "-y",
      "-p",
      "node@22",
      "-p",
      LIGHTHOUSE,
      "--",
      "lighthouse",
      url,
      "--only-categories=performance",
      "--output=json",
      `--output-path=${out}`,
      "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic",
      ...(cookie ? [`--extra-headers=${JSON.stringify({ cookie })}`] : []),
    ],
    { env: { ...process.env, CHROME_PATH: chrome }, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (result.status !== 0) {
    if (attempt < 2) return lighthouse(url, cookie, attempt + 1);
    throw new Error(`lighthouse failed twice on ${url}`);
  }
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    audits: Record<string, { numericValue: number }>;
  };
  const value = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    tbt: value("total-blocking-time"),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

buildWithFloors();
const portal = await startPortal("portal_bench_lighthouse", PORT);
let exitCode = 0;
try {
  const patient = await signIn(portal.base, "patient@example.com", "demo-password");
  const all: Array<[string, string | undefined]> = [
    ["/bench-floor", undefined],
    ["/signin", undefined],
    ...PATIENT_PAGES.map((page): [string, string] => [page, patient]),
  ];
  const targets = all.filter(([page]) => page === "/bench-floor" || !ONLY || ONLY.includes(page));
  const results = new Map<string, Audit[]>(targets.map(([page]) => [page, []]));
  for (let round = 1; round <= RUNS; round++) {
    for (const [page, cookie] of targets) {
      const audit = lighthouse(`${portal.base}${page}`, cookie);
      results.get(page)?.push(audit);
      console.log(`round ${round} ${page}: TBT ${audit.tbt.toFixed(0)} ms`);
    }
  }
  const floor = median((results.get("/bench-floor") ?? []).map((a) => a.tbt));
  console.log(
    `\nLighthouse ${LIGHTHOUSE}, mobile preset, median of ${RUNS} runs, ${new Date().toISOString()}\n`,
  );
  console.log("| page | TBT ms | vs empty page | FCP ms | LCP ms |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [page] of targets) {
    const audits = results.get(page) ?? [];
    const tbt = median(audits.map((a) => a.tbt));
    const vs =
      page === "/bench-floor" ? "" : `${tbt - floor >= 0 ? "+" : ""}${(tbt - floor).toFixed(0)}`;
    console.log(
      `| ${page} | ${tbt.toFixed(0)} | ${vs} | ${median(audits.map((a) => a.fcp)).toFixed(0)} | ${median(audits.map((a) => a.lcp)).toFixed(0)} |`,
    );
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await portal.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
