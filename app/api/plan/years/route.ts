// Extends the program by one plan year (planners).
import { route } from "@/server/context";
import { addPlanYear } from "@/server/planning";

export const dynamic = "force-dynamic";

export const POST = route({ write: true, status: 201 }, (ctx) => addPlanYear(ctx));
