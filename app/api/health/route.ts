import { checkDatabase } from "@/db/queries/health";
import { handle } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  const database = await checkDatabase();
  return Response.json({ ok: true, database });
});
