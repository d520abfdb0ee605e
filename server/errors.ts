/** The small typed error services throw; the tRPC layer maps it to a code and a human message. */
export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "CONFLICT"
  | "BAD_REQUEST"
  | "TOO_MANY_REQUESTS";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Messages per input field, shown next to the field. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "record") =>
  new AppError("NOT_FOUND", `That ${what} was not found.`);
export const forbidden = (message = "You are not allowed to do that.") =>
  new AppError("FORBIDDEN", message);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const badRequest = (message: string, fieldErrors?: Record<string, string[]>) =>
  new AppError("BAD_REQUEST", message, fieldErrors);
export const tooManyAttempts = () =>
  new AppError(
    "TOO_MANY_REQUESTS",
    "Too many wrong attempts. Please wait a few minutes and try again.",
  );
