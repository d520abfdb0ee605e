// Public API of the clinical outcome engine (SPEC 2).
export * from "./assess";
export * from "./check-ins";
export * from "./dates";
export * from "./review-state";
export * from "./vocab";
