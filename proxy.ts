// Adds the security headers to every response, and answers methods the app does not serve with 405.
// Authorization is not done here: every use case checks it.
import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "./lib/security-headers";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function proxy(req: NextRequest) {
  const res = METHODS.includes(req.method) ? NextResponse.next() : new NextResponse(null, { status: 405, headers: { allow: METHODS.join(", ") } });
  for (const [name, value] of securityHeaders(process.env)) res.headers.set(name, value);
  return res;
}

// Uploads are not passed through here: the proxy would buffer their body (and cut it at 10 MB); the
// upload route streams it and sets the same headers itself.
export const config = { matcher: "/((?!api/imports).*)" };
