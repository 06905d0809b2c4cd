"use client";
// Shown when a page fails on the server; the message comes from the catalogue through the provider.
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <article>
      <p className="notice notice-error" role="alert">
        {t("generic")}
      </p>
      <button type="button" onClick={() => reset()}>
        {t("retry")}
      </button>
    </article>
  );
}
