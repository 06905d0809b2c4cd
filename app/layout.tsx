import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { NavLink } from "@/components/ui/nav-link";
import { setLocale } from "./actions";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations();
  const other = locale === "ko" ? "en" : "ko";
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t("app.skip")}
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            {t("app.title")}
          </Link>
          <nav aria-label={t("nav.label")}>
            <NavLink href="/">{t("nav.overview")}</NavLink>
            <NavLink href="/map">{t("nav.map")}</NavLink>
            <NavLink href="/sites">{t("nav.sites")}</NavLink>
            <NavLink href="/buses">{t("nav.buses")}</NavLink>
            <NavLink href="/partners">{t("nav.partners")}</NavLink>
          </nav>
          <form action={setLocale} className="language">
            <input type="hidden" name="locale" value={other} />
            <button type="submit" lang={other} aria-label={`${t("nav.language")}: ${t("nav.switchTo")}`} data-testid="language-switch">
              {t("nav.switchTo")}
            </button>
          </form>
        </header>
        <main id="main">
          <NextIntlClientProvider>{children}</NextIntlClientProvider>
        </main>
        <footer className="site-footer">{t("app.attribution")}</footer>
      </body>
    </html>
  );
}
