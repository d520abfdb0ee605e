/**
 * A count with thousands separated: 1234 -> "1,234". Apart from components/format.ts (which
 * re-exports it) so that the patient's client forms load this line and nothing more.
 */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 0 });
}
