// The one fetcher SWR uses: JSON from our API, with the server's error message kept on failure.

export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
    /** What the server named as wrong: `[{ field, reason }]` for a bad body. */
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

async function readJson<T>(res: Response): Promise<T> {
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    let code: string | null = null;
    let details: unknown = null;
    try {
      const body = (await res.json()) as { error?: { message?: string; code?: string; details?: unknown } };
      message = body.error?.message ?? message;
      code = body.error?.code ?? null;
      details = body.error?.details ?? null;
    } catch {
      // not JSON: keep the status line
    }
    throw new FetchError(message, res.status, code, details);
  }
  return (await res.json()) as T;
}

export async function fetchJson<T>(url: string): Promise<T> {
  return readJson<T>(await fetch(url, { headers: { accept: "application/json" } }));
}

/** A change: JSON in, JSON out; failures throw FetchError with the fields the server named. */
export async function sendJson<T>(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body: unknown): Promise<T> {
  return readJson<T>(await fetch(url, { method, headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(body) }));
}

/** The reason the server gave for one field, to show beside it. */
export function fieldError(err: unknown, field: string): string | undefined {
  if (!(err instanceof FetchError) || !Array.isArray(err.details)) return undefined;
  const hit = (err.details as { field?: string; reason?: string }[]).find((d) => d.field === field);
  return hit?.reason;
}

/** Uploads a form with progress reports (fetch cannot report upload progress); errors as FetchError. */
export function uploadForm<T, P = never>(url: string, form: FormData, onProgress: (fraction: number) => void, onServerProgress?: (progress: P) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    // With onServerProgress the server answers in NDJSON: progress lines, then the outcome (lib/http progressStream).
    xhr.setRequestHeader("accept", onServerProgress ? "application/x-ndjson" : "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new FetchError("The server could not be reached.", 0, null));
    const streamed = () => xhr.getResponseHeader("content-type")?.includes("application/x-ndjson") ?? false;
    let seen = 0;
    const lines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n") + 1;
      const fresh = text.slice(seen, end).split("\n").filter(Boolean);
      seen = Math.max(seen, end);
      return fresh.map((l) => JSON.parse(l) as { progress?: P; result?: T; status?: number; error?: { message: string; code: string; details?: unknown } });
    };
    type Outcome = { result?: T; status?: number; error?: { message: string; code: string; details?: unknown } };
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
        if (o?.error) return reject(new FetchError(o.error.message, o.status ?? 500, o.error.code, o.error.details ?? null));
        if (o && "result" in o) return resolve(o.result as T);
        return reject(new FetchError("The server's answer ended early.", xhr.status, null));
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as { error?: { message?: string; code?: string; details?: unknown } } | null)?.error;
      reject(new FetchError(error?.message ?? `${xhr.status} ${xhr.statusText}`, xhr.status, error?.code ?? null, error?.details ?? null));
    };
    xhr.send(form);
  });
}
