// The client/server boundary is a lint rule (biome.json, noRestrictedImports; ARCHITECTURE.md).
// This runs Biome on deliberate bad imports placed where each kind of file stands, in a copy of
// the repository's configuration, and expects it to refuse them: every "use client" file's
// place, components/, shared/, the routers' schema files, services and the pure clinical rules.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = (name: string) =>
  readFileSync(path.join(root, "server/testing/boundary-fixtures", name), "utf8");
const BAD_CLIENT = fixture("client-imports-server.tsx");
const GOOD_CLIENT = fixture("client-imports-shared.tsx");

/** Every file of the repository that declares itself a client module. */
const clientFiles = execFileSync("git", ["ls-files", "*.ts", "*.tsx"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => f && !f.startsWith("server/testing/boundary-fixtures/"))
  .filter((f) => /^\s*["']use client["']/.test(readFileSync(path.join(root, f), "utf8")));

let dir: string;
/** Writes `files` (path -> source) into a copy of the configuration; the paths Biome refuses. */
function refused(files: Record<string, string>): Set<string> {
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  const run = spawnSync(
    path.join(root, "node_modules/.bin/biome"),
    ["lint", "--vcs-enabled=false", "--max-diagnostics=none", ...Object.keys(files)],
    { cwd: dir, encoding: "utf8" },
  );
  for (const file of Object.keys(files)) rmSync(path.join(dir, file));
  const out = `${run.stdout}${run.stderr}`;
  return new Set(
    [...out.matchAll(/^(\S+):\d+:\d+ lint\/style\/noRestrictedImports/gm)].map((m) => m[1] ?? ""),
  );
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "boundary-"));
  copyFileSync(path.join(root, "biome.json"), path.join(dir, "biome.json"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts Biome once (about a second, several on a busy machine).
describe("the client/server boundary (biome.json)", { timeout: 60_000 }, () => {
  it("finds the client files it must cover", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
    expect(clientFiles).toContain("app/error.tsx");
  });

  it("refuses a client file that imports the database or a service, wherever one stands", () => {
    const places = ["components/new-feature/widget.tsx", ...clientFiles];
    const files = Object.fromEntries(places.map((p) => [p, BAD_CLIENT]));
    const found = refused(files);
    expect(places.filter((p) => !found.has(p))).toEqual([]);
  });

  it("lets a client file import shared/ and the pure clinical vocabulary", () => {
    expect([...refused({ "components/new-feature/widget.tsx": GOOD_CLIENT })]).toEqual([]);
  });

  it("keeps shared/ and the routers' schema files client-safe", () => {
    const bad = 'import { env } from "@/server/env";\nexport const x = env;\n';
    const good =
      'import { z } from "zod";\nimport { Region } from "@/server/outcomes";\nimport { text } from "@/shared/text";\nimport { X } from "@/server/api/routers/other.schema";\nexport const y = z.object({ r: Region, t: text({ max: 1 }), X });\n';
    expect(refused({ "shared/thing.ts": bad, "server/api/routers/thing.schema.ts": bad })).toEqual(
      new Set(["shared/thing.ts", "server/api/routers/thing.schema.ts"]),
    );
    expect([...refused({ "shared/thing.ts": good })]).toEqual([]);
  });

  it("keeps services unaware of tRPC and route handlers, and the clinical rules pure", () => {
    expect(
      refused({
        "server/services/thing.ts":
          'import { appRouter } from "@/server/api/root";\nexport const x = appRouter;\n',
        "server/outcomes/thing.ts":
          'import { getAppDb } from "@/db/client";\nexport const x = getAppDb;\n',
      }),
    ).toEqual(new Set(["server/services/thing.ts", "server/outcomes/thing.ts"]));
  });
});
