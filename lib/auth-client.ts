// The browser side of sign-in and sign-out: the auth library's client against this app's /api/auth.
import { createAuthClient } from "better-auth/client";

export const authClient = createAuthClient();

/** Only paths of this app are followed after sign-in, never another site. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
