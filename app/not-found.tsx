import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <article>
      <h1>{t("errors.notFound")}</h1>
      <Notice>
        {t("errors.notFoundHint")} <Link href="/">{t("nav.overview")}</Link>
      </Notice>
    </article>
  );
}
