// `/login`: email and password sign-in; accounts are created by admins.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { chromeContext } from "@/server/page-context";
import { safeNext } from "@/lib/auth-client";
import { LoginForm } from "./_components/login-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const t = await getTranslations("auth");
  const { next } = await searchParams;
  const target = safeNext(typeof next === "string" ? next : undefined);
  const { viewer } = await chromeContext();
  return (
    <article className="login">
      <h1>{t("title")}</h1>
      {viewer ? (
        <Notice>
          {t("already", { name: viewer.name })} <Link href={target}>→</Link>
        </Notice>
      ) : (
        <>
          <p className="muted">{t("intro")}</p>
          <LoginForm next={target} />
        </>
      )}
    </article>
  );
}
