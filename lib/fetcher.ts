// The one fetcher SWR uses: JSON from our API, with the server's error message kept on failure.

export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    let code: string | null = null;
    try {
      const body = (await res.json()) as { error?: { message?: string; code?: string } };
      message = body.error?.message ?? message;
      code = body.error?.code ?? null;
    } catch {
      // not JSON: keep the status line
    }
    throw new FetchError(message, res.status, code);
  }
  return (await res.json()) as T;
}
