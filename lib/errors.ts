// The one error type of the app and its one shape on the wire: `{ error: { code, message, path?, params?, issues? } }`.
// `code` says what went wrong, `path` which field or parameter, `params` the values a sentence needs; each
// of `issues` (one per bad field) has the same `{ code, path?, params? }` shape. The message catalogue words
// codes in both languages (`errors.*` for the answer, `issue.*` for a field); `message` is English, for logs.

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unprocessable"
  | "too_many_requests"
  | "database_busy"
  | "database_unavailable"
  | "internal";

/** One thing wrong with one field or parameter: `code` is a key of the catalogue's `issue` namespace. */
export type Issue = { code: string; path?: string; params?: Record<string, unknown> };

export type ErrorBody = { error: { code: ErrorCode; message: string; path?: string; params?: Record<string, unknown>; issues?: Issue[] } };

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  too_many_requests: 429,
  database_busy: 503,
  database_unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly path?: string;
  readonly params?: Record<string, unknown>;
  readonly issues?: Issue[];

  constructor(code: ErrorCode, message: string, extra: { path?: string; params?: Record<string, unknown>; issues?: Issue[] } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    // The answer's path is its first issue's unless said otherwise.
    this.path = extra.path ?? extra.issues?.[0]?.path;
    this.params = extra.params;
    this.issues = extra.issues;
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.path !== undefined ? { path: this.path } : {}),
        ...(this.params !== undefined ? { params: this.params } : {}),
        ...(this.issues !== undefined ? { issues: this.issues } : {}),
      },
    };
  }
}

/** A refusal of one field: 400 with one issue naming it. */
export function fieldError(path: string, code: string, message: string, params?: Record<string, unknown>): AppError {
  return new AppError("bad_request", message, { issues: [{ code, path, ...(params ? { params } : {}) }] });
}
