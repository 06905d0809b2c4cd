// The municipality's 읍면동 with registered voters (선거인수 2022) and active APs, where the app ships their outlines.
import { route } from "@/server/context";
import { residentsLayer } from "@/server/municipalities";
import { z } from "zod";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    query: z.strictObject({
      municipality: z
        .string()
        .regex(/^\d{5}$/)
        .optional(),
    }),
  },
  (ctx) => residentsLayer(ctx),
);
