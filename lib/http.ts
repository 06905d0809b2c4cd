// Route-handler plumbing: one place that turns thrown errors into `{ error: { code, message, details } }`.
import { AppError } from "./errors";

// Network failures, the server shutting down or crashing (57P0x), starting up, and the driver's own connection codes.
const CONNECTION_ERRORS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // Drizzle wraps a driver's failure in "Failed query", with the driver's error as the cause.
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  if (codes.some((code) => CONNECTION_ERRORS.has(code))) {
    return new AppError("database_unavailable", "The database is not reachable right now; try again shortly.");
  }
  return new AppError("internal", "Something went wrong on the server.");
}

export function errorResponse(err: unknown): Response {
  const appError = toAppError(err);
  if (appError.code === "internal") console.error(err);
  return Response.json(appError.toJSON(), { status: appError.status });
}

/**
 * A long job's answer as NDJSON: `{"progress": …}` lines while `run` reports, then one
 * `{"result": …, "status": n}` or `{"error": {code, message, details}, "status": n}` line — the
 * status the plain JSON answer would have had. Sent with 200: the headers leave before the outcome.
 */
export function progressStream<P extends { done: number; total: number }, R>(
  run: (report: (progress: P) => void) => Promise<{ result: R; status: number }>,
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      let last = 0;
      try {
        const { result, status } = await run((progress) => {
          // At most about ten lines a second, whatever the job reports; but the end of a step always
          // goes out, so a step never seems to stop short of its total.
          const now = Date.now();
          if (now - last < 100 && progress.done < progress.total) return;
          last = now;
          line({ progress });
        });
        line({ result, status });
      } catch (err) {
        const appError = toAppError(err);
        if (appError.code === "internal") console.error(err);
        line({ ...appError.toJSON(), status: appError.status });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store, no-transform" } });
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

/** A file to download: its type, and its name in the caller's language with a plain one for clients that cannot read it (RFC 6266). */
export function fileResponse(
  bytes: Uint8Array,
  { contentType, fileName, asciiFileName }: { contentType: string; fileName: string; asciiFileName: string },
): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  });
}
