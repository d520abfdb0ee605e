import type { Category } from "@/server/outcomes/vocab";

/** Group colours: distinct hues, each at least 3:1 against white. */
export const GROUP_COLORS = [
  "#0f766e",
  "#4338ca",
  "#b45309",
  "#be123c",
  "#0369a1",
  "#7e22ce",
  "#4d7c0f",
  "#475569",
];
export const groupColor = (i: number) => GROUP_COLORS[i % GROUP_COLORS.length] ?? "#475569";

export const CATEGORY_COLORS: Record<Category, string> = {
  substantial: "#047857",
  moderate: "#65a30d",
  minimal: "#ca8a04",
  no_change: "#94a3b8",
  worse: "#b91c1c",
  recurrence: "#ea580c",
  insufficient_data: "#e2e8f0",
  too_early: "#f1f5f9",
};
