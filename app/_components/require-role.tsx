// Page guard for signed-in screens: sends visitors to /login and tells a role that may not what it lacks.
// The data behind the page is checked again by the use cases; this only shapes what is shown.
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import type { Role } from "@/lib/domain";

export async function guardPage(path: string, allowed: readonly Role[]): Promise<{ ok: true } | { ok: false; notice: React.ReactNode }> {
  const { viewer, role } = await pageContext();
  if (!viewer) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (role && allowed.includes(role)) return { ok: true };
  const t = await getTranslations();
  const roles = allowed.map((r) => t(`role.${r}`)).join(", ");
  return { ok: false, notice: <Notice kind="error">{t("auth.forbidden", { roles })}</Notice> };
}
