// Request helpers for the route-handler integration tests: sign in through the real auth endpoint, keep the cookie.
import { POST as authPost } from "../auth/[...all]/route";

export const ORIGIN = "http://localhost:3000";

let nextIp = 1;
/** Each test signs in from its own address, so the sign-in rate limit of one test never trips another. */
export const freshIp = () => `10.0.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

export function request(path: string, init: { method?: string; cookie?: string; body?: unknown; origin?: string | null; ip?: string } = {}): Request {
  const headers = new Headers({ host: "localhost:3000" });
  if (init.origin !== null) headers.set("origin", init.origin ?? ORIGIN);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.ip) headers.set("x-forwarded-for", init.ip);
  const form = init.body instanceof FormData;
  if (init.body !== undefined && !form) headers.set("content-type", "application/json");
  return new Request(`${ORIGIN}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : form ? (init.body as FormData) : JSON.stringify(init.body),
  });
}

/** The session cookie(s) a response sets, as a Cookie header value. */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

export async function signIn(email: string, password: string, ip = freshIp()): Promise<{ status: number; cookie: string }> {
  const res = await authPost(request("/api/auth/sign-in/email", { body: { email, password }, ip }));
  return { status: res.status, cookie: cookiesOf(res) };
}
