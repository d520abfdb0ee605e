// Comparisons and window sizes shared by the clinical rules (docs/clinical-rules.md#comparisons,
// #derived-numbers): inclusive thresholds with a tolerance of 1e-9, so float rounding never moves
// a value that lies exactly on a line; 7-day windows of at least 3 entries, judged from day 10.
export const EPS = 1e-9;
export const gte = (a: number, b: number) => a >= b - EPS;
export const gt = (a: number, b: number) => a > b + EPS;

export const WINDOW_DAYS = 7;
export const MIN_WINDOW_ENTRIES = 3;
export const FIRST_JUDGED_DAY = 10;
