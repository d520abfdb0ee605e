// Statistics for the clinic's outcomes (docs/decisions/017-outcome-statistics.md): pure, no I/O.
// The cohort rules read assessments from the outcome engine; the statistics know nothing clinical.
export * from "./cohort";
export * from "./distributions";
export * from "./engagement";
export * from "./paired";
export * from "./report";
export * from "./survival";
export * from "./wilson";
