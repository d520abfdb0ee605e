// Numbers as a provider reads them: one decimal, signs where a change is meant. Display only;
// every number comes from the outcome engine.

/** 7.25 -> "7.3", 7 -> "7". */
export const one = (n: number) => String(Math.round(n * 10) / 10 + 0);

/** A reduction in percent: 50 -> "50% less", -12.5 -> "12.5% more". */
export function reduction(pct: number | null): string {
  if (pct === null) return "—";
  const r = Math.round(pct * 10) / 10 + 0;
  if (r === 0) return "No change";
  return r > 0 ? `${one(r)}% less` : `${one(-r)}% more`;
}

/** A pain score out of 10, or a dash. */
export const score = (n: number | null) => (n === null ? "—" : `${one(n)}/10`);
