"use server";
// Server actions shared by every page: the UI language switch.
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/config";
import { formAction } from "@/server/context";

const switchLocale = formAction(z.object({ locale: z.enum(LOCALES) }), async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: false });
});

export async function setLocale(formData: FormData): Promise<void> {
  await switchLocale(formData);
}
