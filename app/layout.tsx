import type { Metadata } from "next";
import { HeaderMenu } from "@/components/ui/header-menu";
import { localName } from "@/lib/format";
import { MunicipalitySwitcher } from "./_components/municipality-switcher";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { HeaderLink, NavLink } from "@/components/ui/nav-link";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { chromeContext } from "@/server/page-context";
import { roleCan } from "@/lib/authz";
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
  const { viewer, role, municipality } = await chromeContext();
  // The browser gets the catalogue without the command line's messages.
  const { cli: _cli, ...clientMessages } = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t("app.skip")}
        </a>
        <header className="site-header">
          <HeaderLink href="/" className="brand">
            {t("app.title")}
          </HeaderLink>
          <NextIntlClientProvider messages={{ switcher: clientMessages.switcher }}>
            <MunicipalitySwitcher current={{ code: municipality.code, name: localName(locale, municipality) }} />
          </NextIntlClientProvider>
          <HeaderMenu label={t("nav.menu")} closeLabel={t("nav.menuClose")}>
            <nav aria-label={t("nav.label")}>
              <NavLink href="/">{t("nav.overview")}</NavLink>
              <NavLink href="/map">{t("nav.map")}</NavLink>
              <NavLink href="/national">{t("nav.national")}</NavLink>
              <NavLink href="/sites">{t("nav.sites")}</NavLink>
              <NavLink href="/buses">{t("nav.buses")}</NavLink>
              <NavLink href="/partners">{t("nav.partners")}</NavLink>
              <NavLink href="/candidates">{t("nav.candidates")}</NavLink>
              <NavLink href="/plan">{t("nav.plan")}</NavLink>
              {roleCan(role, "read") ? <NavLink href="/work-items">{t("nav.matrix")}</NavLink> : null}
              {roleCan(role, "readAudit") ? <NavLink href="/audit">{t("nav.audit")}</NavLink> : null}
              {roleCan(role, "importData") ? <NavLink href="/import">{t("nav.import")}</NavLink> : null}
              {roleCan(role, "manageUsers") ? <NavLink href="/admin/users">{t("nav.users")}</NavLink> : null}
            </nav>
            <div className="user-menu">
              {viewer ? (
                <>
                  <span className="who" data-testid="signed-in-as">
                    {t("nav.signedInAs", { name: viewer.name, role: role ? t(`role.${role}`) : "—" })}
                  </span>
                  <SignOutButton label={t("nav.signOut")} />
                </>
              ) : (
                <HeaderLink href="/login" data-testid="sign-in">
                  {t("nav.signIn")}
                </HeaderLink>
              )}
            </div>
            <form action={setLocale} className="language">
              <input type="hidden" name="locale" value={other} />
              <button type="submit" lang={other} aria-label={`${t("nav.language")}: ${t("nav.switchTo")}`} data-testid="language-switch">
                {t("nav.switchTo")}
              </button>
            </form>
          </HeaderMenu>
        </header>
        <main id="main">
          <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
        </main>
        <footer className="site-footer">{t("app.attribution")}</footer>
      </body>
    </html>
  );
}
