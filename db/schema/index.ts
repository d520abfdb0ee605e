export * from "./audit";
export * from "./auth";
export * from "./clinical";
export * from "./settings";
export * from "./users";
