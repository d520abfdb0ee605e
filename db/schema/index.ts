export * from "./assessments";
export * from "./audit";
export * from "./auth";
export * from "./clinical";
export * from "./messages";
export * from "./notifications";
export * from "./settings";
export * from "./users";
