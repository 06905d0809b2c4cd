// Starts a program in the municipality (planners and admins).
import { route } from "@/server/context";
import { startProgram } from "@/server/programs";
import { programInput } from "@/lib/inputs";

export const dynamic = "force-dynamic";

export const POST = route({ write: true, body: programInput, status: 201 }, (ctx, { body }) => startProgram(ctx, body));
