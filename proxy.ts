// Adds the security headers to every response. Authorization is not done here: every query checks it.
import { NextResponse } from "next/server";
import { securityHeaders } from "./lib/security-headers";

export function proxy() {
  const res = NextResponse.next();
  for (const [name, value] of securityHeaders(process.env)) res.headers.set(name, value);
  return res;
}

export const config = { matcher: "/:path*" };
