// Route-handler plumbing: one place that turns thrown errors into `{ error: { code, message, details } }`.
import { AppError } from "./errors";

const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "57P01", "57P03", "CONNECTION_CLOSED", "CONNECT_TIMEOUT"]);

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code;
  if (code && CONNECTION_ERRORS.has(code)) {
    return new AppError("database_unavailable", "The database is not reachable right now; try again shortly.");
  }
  return new AppError("internal", "Something went wrong on the server.");
}

export function errorResponse(err: unknown): Response {
  const appError = toAppError(err);
  if (appError.code === "internal") console.error(err);
  return Response.json(appError.toJSON(), { status: appError.status });
}

/** Wraps a handler so every failure answers with the shared error body and the right status. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
