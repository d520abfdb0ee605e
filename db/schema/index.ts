export * from "./audit";
export * from "./auth";
export * from "./caseload";
export * from "./clinical";
export * from "./notifications";
export * from "./outcomes";
export * from "./settings";
export * from "./users";
