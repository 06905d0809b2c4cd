// The security headers of every response: CSP (allowing the configured tile host), no sniffing, no framing, HSTS in production.

export const DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/** The raster tile template in use, or null when tiles are off (TILE_URL=off). */
export function tileUrl(env: Record<string, string | undefined>): string | null {
  const url = env.TILE_URL ?? DEFAULT_TILE_URL;
  return url && url !== "off" ? url : null;
}

/** The CSP source for a tile template: its origin, with a `{s}` subdomain as a wildcard. */
export function tileSource(template: string): string | null {
  try {
    const u = new URL(template.replace("{s}.", "tiles-subdomain.").replace(/\{[a-z]\}/g, "0"));
    return `${u.protocol}//${u.host.replace("tiles-subdomain.", "*.")}`;
  } catch {
    return null;
  }
}

/**
 * `nonce`: the page's one-time value. Scripts then run only when they carry it (or were loaded by one
 * that did: 'strict-dynamic'); without one (an API answer, a file) no inline script runs at all.
 */
export function securityHeaders(env: Record<string, string | undefined>, nonce?: string): [string, string][] {
  const production = env.NODE_ENV === "production";
  const tiles = tileUrl(env);
  const tileHost = tiles ? tileSource(tiles) : null;
  const csp = [
    "default-src 'self'",
    // Next.js streams its payload in inline scripts, each given the page's nonce; development also evaluates code.
    `script-src 'self'${nonce ? ` 'nonce-${nonce}' 'strict-dynamic'` : ""}${production ? "" : " 'unsafe-eval'"}`,
    // Leaflet positions every marker and tile with inline styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileHost ? ` ${tileHost}` : ""}`,
    "font-src 'self' data:",
    `connect-src 'self'${production ? "" : " ws:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers: [string, string][] = [
    ["Content-Security-Policy", csp],
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(self)"],
  ];
  if (production) headers.push(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
  return headers;
}
