// Cross-site request checks for state-changing requests: the browser's Origin must be this app's.

export type RequestLike = { method: string; headers: Headers };

/**
 * True when a state-changing request may proceed: its Origin is this app's host (or `appUrl`),
 * or — for clients that send no Origin, such as scripts — Sec-Fetch-Site does not say cross-site.
 */
export function sameOrigin(req: RequestLike, appUrl?: string): boolean {
  const origin = req.headers.get("origin");
  if (origin) {
    if (origin === "null") return false;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    const allowed = [req.headers.get("x-forwarded-host"), req.headers.get("host"), appUrl ? new URL(appUrl).host : null];
    return allowed.some((h) => h !== null && h === host);
  }
  const site = req.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}
