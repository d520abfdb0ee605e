/**
 * One date and number style (docs/decisions/012-patient-identity-and-presentation.md): pages and
 * components show dates, times, counts and percentages only through components/format.ts. This
 * test fails when a file under app/ or components/ formats one itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components"];
const HELPERS = [path.join("components", "format.ts")];

/** What formats a date, a time, a number or a percentage by hand, and what to use instead. */
const RULES: Array<{ pattern: RegExp; instead: string }> = [
  {
    pattern: /\.toLocale(Date|Time)?String\(/,
    instead: "formatDate, formatDateTime or formatCount",
  },
  {
    pattern: /new Intl\.(DateTimeFormat|NumberFormat)\(/,
    instead: "a helper of components/format.ts",
  },
  { pattern: /\.toFixed\(\d\)\}?%/, instead: "formatPercent" },
  { pattern: /\.getUTC(Date|Month|FullYear|Hours)\(\)/, instead: "formatDate or formatDateTime" },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe("dates and numbers go through components/format.ts", () => {
  const files = ROOTS.flatMap(sources).filter((f) => !HELPERS.includes(f));

  it("finds the pages and components to check", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("no page or component formats a date, a time, a count or a percentage by hand", () => {
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const rule of RULES)
            if (rule.pattern.test(line)) found.push(`${file}:${i + 1} use ${rule.instead}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("catches each way of formatting by hand", () => {
    const samples = [
      'n.toLocaleString("en-US")',
      "d.toLocaleDateString()",
      'new Intl.DateTimeFormat("en-GB")',
      "{pct.toFixed(1)}%",
      "d.getUTCFullYear()",
    ];
    for (const sample of samples)
      expect(
        RULES.some((r) => r.pattern.test(sample)),
        sample,
      ).toBe(true);
  });
});
