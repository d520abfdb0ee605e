export * from "./audit";
export * from "./auth";
export * from "./caseload";
export * from "./clinical";
export * from "./outcomes";
export * from "./notifications";
export * from "./settings";
export * from "./users";
