// Public API of the clinical outcome engine (docs/clinical-rules.md).
export * from "./assess";
export * from "./blocks";
export * from "./check-ins";
export * from "./dates";
export * from "./pathway-vocab";
export * from "./relief";
export * from "./repeat-evidence";
export * from "./review-state";
export * from "./vocab";
