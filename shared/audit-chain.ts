// What the audit trail's integrity check reports (docs/decisions/024-audit-hash-chain.md), and
// its words: shared by the check (server/services/audit-chain.ts), the admin page and the script.

export type ChainBreak = {
  /** The row's place in the chain (null: a row that never joined it). */
  seq: number | null;
  id: string;
  at: string;
  reason: "not_chained" | "row_missing_before" | "changed" | "link_broken";
};
export type ChainReport = { rows: number; firstBreak: ChainBreak | null };

export const chainBreakWords: Record<ChainBreak["reason"], string> = {
  not_chained: "a row that was inserted without joining the chain",
  row_missing_before: "the row before it is missing (deleted)",
  changed: "the row's contents differ from what its hash was made of (edited)",
  link_broken:
    "it does not follow on from the row before it (a row was changed or inserted before it)",
};
