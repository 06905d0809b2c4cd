// The one fetcher SWR uses: JSON from our API; a failure keeps the server's error as sent
// (`{ code, path?, params?, issues? }`), for the screen to word from the catalogue.
import type { ErrorBody, Issue } from "./errors";
import { MAX_PAGE_SIZE } from "./limits";

type WireError = Partial<ErrorBody["error"]>;

export class FetchError extends Error {
  readonly code: string | null;
  readonly path?: string;
  readonly params?: Record<string, unknown>;
  readonly issues: Issue[];

  constructor(
    message: string,
    readonly status: number,
    error: WireError | null = null,
  ) {
    super(message);
    this.code = error?.code ?? null;
    this.path = error?.path;
    this.params = error?.params;
    this.issues = error?.issues ?? [];
  }
}

/** The failure a response describes, from its `{ error }` body when it has one. */
function failureOf(status: number, statusText: string, body: unknown): FetchError {
  const error = (body as { error?: WireError } | null)?.error ?? null;
  return new FetchError(error?.message ?? `${status} ${statusText}`, status, error);
}

async function readJson<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // not JSON: keep the status line
    }
    throw failureOf(res.status, res.statusText, body);
  }
  return (await res.json()) as T;
}

export async function fetchJson<T>(url: string): Promise<T> {
  return readJson<T>(await fetch(url, { headers: { accept: "application/json" } }));
}

/** Every page of a list endpoint (`{ items, total }`): for a layer that draws all of them, not a page. */
export async function fetchAllPages<T>(url: string): Promise<{ items: T[]; total: number }> {
  const pageOf = (page: number) => fetchJson<{ items: T[]; total: number }>(`${url}${url.includes("?") ? "&" : "?"}pageSize=${MAX_PAGE_SIZE}&page=${page}`);
  const first = await pageOf(1);
  const rest = await Promise.all(Array.from({ length: Math.max(0, Math.ceil(first.total / MAX_PAGE_SIZE) - 1) }, (_, i) => pageOf(i + 2)));
  return { ...first, items: [...first.items, ...rest.flatMap((r) => r.items)] };
}

/** A change: JSON in, JSON out; failures throw FetchError with the fields the server named. */
export async function sendJson<T>(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body: unknown): Promise<T> {
  return readJson<T>(await fetch(url, { method, headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(body) }));
}

/** What the server found wrong with one field, to show beside it. */
export function fieldError(err: unknown, field: string): Issue | undefined {
  return err instanceof FetchError ? err.issues.find((i) => i.path === field) : undefined;
}

/** Uploads a form with progress reports (fetch cannot report upload progress); errors as FetchError. */
export function uploadForm<T, P = never>(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  onServerProgress?: (progress: P) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    // With onServerProgress the server answers in NDJSON: progress lines, then the outcome (lib/http progressStream).
    xhr.setRequestHeader("accept", onServerProgress ? "application/x-ndjson" : "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new FetchError("The server could not be reached.", 0));
    const streamed = () => xhr.getResponseHeader("content-type")?.includes("application/x-ndjson") ?? false;
    let seen = 0;
    const lines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n") + 1;
      const fresh = text.slice(seen, end).split("\n").filter(Boolean);
      seen = Math.max(seen, end);
      return fresh.map((l) => JSON.parse(l) as { progress?: P; result?: T; status?: number; error?: WireError });
    };
    type Outcome = { result?: T; status?: number; error?: WireError };
    let outcome: Outcome | null = null;
    // Hands progress lines on as they come; keeps the outcome line, the last one.
    const take = (): Outcome | null => {
      for (const line of lines()) {
        if (line.progress !== undefined) onServerProgress?.(line.progress);
        else outcome = line;
      }
      return outcome;
    };
    xhr.onprogress = () => {
      if (streamed()) take();
    };
    xhr.onload = () => {
      if (streamed()) {
        const o = take();
        if (o?.error) return reject(failureOf(o.status ?? 500, "", o));
        if (o && "result" in o) return resolve(o.result as T);
        return reject(new FetchError("The server's answer ended early.", xhr.status));
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      reject(failureOf(xhr.status, xhr.statusText, body));
    };
    xhr.send(form);
  });
}
