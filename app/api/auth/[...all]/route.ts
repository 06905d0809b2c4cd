// Sign-in, sign-out and session endpoints of the auth library (`/api/auth/sign-in/email`, `/api/auth/sign-out`, …).
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/db/auth";

const handler = async (req: Request) => (await getAuth()).handler(req);

export const { GET, POST } = toNextJsHandler(handler);
