// Sign-in, sign-out and session endpoints (`/api/auth/sign-in/email`, `/api/auth/sign-out`, …).
import { authRoutes } from "@/server/auth";

export const { GET, POST } = authRoutes;
