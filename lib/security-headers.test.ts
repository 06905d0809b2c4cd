import { describe, expect, it } from "vitest";
import { securityHeaders, tileSource } from "./security-headers";

const csp = (env: Record<string, string>) => new Map(securityHeaders(env)).get("Content-Security-Policy")!;

describe("security headers", () => {
  it("allow images from the configured tile host only", () => {
    expect(csp({})).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org");
    expect(csp({ TILE_URL: "https://{s}.tiles.example.kr/{z}/{x}/{y}.png" })).toContain("img-src 'self' data: blob: https://*.tiles.example.kr;");
    expect(csp({ TILE_URL: "off" })).toContain("img-src 'self' data: blob:;");
  });
  it("forbid framing and sniffing everywhere, and send HSTS in production only", () => {
    const dev = new Map(securityHeaders({}));
    expect(dev.get("X-Content-Type-Options")).toBe("nosniff");
    expect(dev.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(dev.has("Strict-Transport-Security")).toBe(false);
    const prod = new Map(securityHeaders({ NODE_ENV: "production" }));
    expect(prod.get("Strict-Transport-Security")).toMatch(/^max-age=\d+/);
    expect(prod.get("Content-Security-Policy")).not.toContain("unsafe-eval");
  });
  it("lets only scripts with the page's nonce run: no inline script is allowed by default", () => {
    expect(csp({ NODE_ENV: "production" })).toContain("script-src 'self';");
    const withNonce = new Map(securityHeaders({ NODE_ENV: "production" }, "abc123")).get("Content-Security-Policy")!;
    expect(withNonce).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(withNonce.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  });
  it("ignores a tile template that is not a URL", () => {
    expect(tileSource("not a url")).toBeNull();
  });
});
