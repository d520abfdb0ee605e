// One assessment path (ARCHITECTURE.md): the engine's input from stored rows, the batched diary
// read and its codec, and the versioned cache every reader of assessments shares.
import "server-only";

export * from "./cache";
export * from "./diary-reader";
export * from "./input";
export * from "./patient-view";
