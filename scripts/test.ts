/**
 * `npm test`: typecheck, lint, unit and integration tests (vitest: PGlite always, PostgreSQL too
 * when TEST_DATABASE_URL is set) and the end-to-end tests (Playwright against a production build).
 * Ends with one line `N passed, N failed` summed over all suites.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const out = ".test-results";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;

let passed = 0;
let failed = 0;
const steps: string[] = [];

function step(name: string, ok: boolean) {
  steps.push(`${ok ? "ok  " : "FAIL"} ${name}`);
  return ok;
}

// A failed typecheck or lint counts as one failure, so the last line never hides it.
const checks = [
  step("typecheck", run("npx", ["tsc", "--noEmit"])),
  step("lint", run("npx", ["biome", "check", "."])),
];
failed += checks.filter((ok) => !ok).length;

const vitestOk = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${out}/vitest.json`,
]);
step("vitest (unit + integration)", vitestOk);
if (existsSync(`${out}/vitest.json`)) {
  const report = JSON.parse(readFileSync(`${out}/vitest.json`, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  if (!vitestOk && !report.numFailedTests) failed += 1; // a suite failed to load
} else failed += 1;

// CI also runs the unit and integration suites on a second Node.js line (TEST_ALSO_NODE=22):
// the `node` package from the npm registry, so the machine's own Node is left alone.
const alsoNode = process.env.TEST_ALSO_NODE;
let otherNodeOk = true;
if (alsoNode) {
  // PGlite only: the PostgreSQL driver path is the same code, and CI's time is kept short.
  const projects = ["unit", "integration-pglite"];
  otherNodeOk = run("npx", [
    "-y",
    "-p",
    `node@${alsoNode}`,
    "--",
    "node",
    "node_modules/vitest/vitest.mjs",
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    "--reporter=dot",
    "--reporter=json",
    `--outputFile.json=${out}/vitest-node${alsoNode}.json`,
  ]);
  step(`vitest on Node ${alsoNode} (unit + integration)`, otherNodeOk);
  const file = `${out}/vitest-node${alsoNode}.json`;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    if (!otherNodeOk && !report.numFailedTests) failed += 1;
  } else failed += 1;
}

const e2eOk = run("npx", ["playwright", "test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json`,
});
step("playwright (e2e)", e2eOk);
if (existsSync(`${out}/playwright.json`)) {
  const { stats } = JSON.parse(readFileSync(`${out}/playwright.json`, "utf8"));
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
  if (!e2eOk && !stats?.unexpected) failed += 1; // the run itself failed (server did not start)
} else failed += 1;

// The names of the failed tests, last, where a CI log's tail shows them.
const failedNames: string[] = [];
for (const file of [`${out}/vitest.json`, `${out}/vitest-node${alsoNode}.json`]) {
  if (!alsoNode && file.includes("-node")) continue;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8"));
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? [])
      if (t.status === "failed")
        failedNames.push(
          `vitest${file.includes("-node") ? ` (Node ${alsoNode})` : ""}: ${suite.name?.replace(`${process.cwd()}/`, "")} > ${t.fullName}: ${String(
            t.failureMessages?.[0] ?? "",
          )
            .split("\n")[0]
            ?.slice(0, 300)}`,
        );
    if (
      suite.status === "failed" &&
      !(suite.assertionResults ?? []).some((t: { status: string }) => t.status === "failed")
    )
      failedNames.push(
        `vitest: ${suite.name?.replace(`${process.cwd()}/`, "")} (did not run: ${String(suite.message ?? "").split("\n")[0]})`,
      );
  }
}
if (existsSync(`${out}/playwright.json`)) {
  type Suite = {
    title: string;
    suites?: Suite[];
    specs?: { title: string; ok: boolean; file: string }[];
  };
  const walk = (s: Suite) => {
    for (const spec of s.specs ?? [])
      if (!spec.ok) failedNames.push(`e2e: ${spec.file} > ${spec.title}`);
    for (const child of s.suites ?? []) walk(child);
  };
  for (const suite of JSON.parse(readFileSync(`${out}/playwright.json`, "utf8")).suites ?? [])
    walk(suite);
}
if (failedNames.length > 0)
  console.log(`\nFailed:\n${failedNames.map((n) => `  ${n}`).join("\n")}`);

console.log(`\n${steps.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && checks.every(Boolean) && vitestOk && otherNodeOk && e2eOk ? 0 : 1);
