// Numbers as a provider reads them: one decimal, signs where a change is meant. Display only;
// every number comes from the outcome engine.

/** 7.25 -> "7.3", 7 -> "7". */
export const one = (n: number) => String(Math.round(n * 10) / 10 + 0);

/** A change of pain in percent: 50 -> "50% less pain", -12.5 -> "12.5% more pain". */
export function reduction(pct: number | null): string {
  if (pct === null) return "—";
  const r = Math.round(pct * 10) / 10 + 0;
  if (r === 0) return "No change in pain";
  return r > 0 ? `${one(r)}% less pain` : `${one(-r)}% more pain`;
}

/** A pain score out of 10, or a dash. */
export const score = (n: number | null) => (n === null ? "—" : `${one(n)}/10`);
