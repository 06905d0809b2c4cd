// Adds the security headers to every response, and answers methods the app does not serve with 405.
// Authorization is not done here: every use case checks it.
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "./lib/errors";
import { isMunicipalityCode, MUNICIPALITY_COOKIE, MUNICIPALITY_HEADER } from "./lib/chosen-municipality";
import { sameOrigin } from "./lib/origin";
import { securityHeaders } from "./lib/security-headers";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function proxy(req: NextRequest) {
  if (!METHODS.includes(req.method)) {
    const refused = new NextResponse(null, { status: 405, headers: { allow: METHODS.join(", ") } });
    for (const [name, value] of securityHeaders(process.env)) refused.headers.set(name, value);
    return refused;
  }
  // A server action posted from another site is refused here, as every change from another origin is.
  if (req.headers.has("next-action") && !sameOrigin(req, process.env.APP_URL)) {
    const refused = NextResponse.json(new AppError("forbidden", "Cross-origin requests may not change anything.").toJSON(), { status: 403 });
    for (const [name, value] of securityHeaders(process.env)) refused.headers.set(name, value);
    return refused;
  }
  // A fresh nonce per request: the framework reads it from the request's policy and puts it on its scripts.
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders(process.env, nonce);
  const forwarded = new Headers(req.headers);
  forwarded.set("x-nonce", nonce);
  // A municipality named in the URL reaches the page's context, and is remembered for the next pages.
  const named = req.nextUrl.searchParams.get("municipality");
  if (isMunicipalityCode(named)) forwarded.set(MUNICIPALITY_HEADER, named);
  else forwarded.delete(MUNICIPALITY_HEADER);
  forwarded.set("content-security-policy", new Map(headers).get("Content-Security-Policy")!);
  const res = NextResponse.next({ request: { headers: forwarded } });
  // Only a page the person opens remembers the choice: a link prefetched in the background does not.
  const prefetch = req.headers.has("next-router-prefetch") || /prefetch/.test(req.headers.get("sec-purpose") ?? req.headers.get("purpose") ?? "");
  if (isMunicipalityCode(named) && !prefetch) res.cookies.set(MUNICIPALITY_COOKIE, named, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  for (const [name, value] of headers) res.headers.set(name, value);
  return res;
}

// Uploads are not passed through here: the proxy would buffer their body (and cut it at 10 MB); the
// upload route streams it and sets the same headers itself.
export const config = { matcher: "/((?!api/imports).*)" };
