// Liveness: the database answers.
import { checkHealth } from "@/server/health";
import { handle } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = handle(async () => Response.json(await checkHealth()));
