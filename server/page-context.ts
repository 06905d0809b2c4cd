// The request context of a page (server components): resolved once per request and municipality.
import "server-only";
import { headers as nextHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { contextOf, hasSessionCookie, liveDeps, type RequestContext } from "./context";

/** The context of the page being rendered, resolved once per request and municipality. */
const resolvePage = cache(async (municipalityCode: string | undefined): Promise<RequestContext> => {
  const [handle, headers] = await Promise.all([liveDeps.database(), nextHeaders()]);
  const viewer = hasSessionCookie(headers) ? await liveDeps.viewerOf(headers) : null;
  const municipality = await liveDeps.municipalityOf(handle.db, municipalityCode);
  return contextOf(handle, viewer, municipality);
});

/** A page's context. With `PUBLIC_ACCESS=off`, a visitor who is not signed in is sent to the sign-in page. */
export async function pageContext(municipalityCode?: string): Promise<RequestContext> {
  const ctx = await resolvePage(municipalityCode);
  if (!ctx.viewer && !liveDeps.settings().publicAccess) redirect("/login");
  return ctx;
}

/** The context of what every page shows around its content (header, sign-in page): open to everyone. */
export const chromeContext = (): Promise<RequestContext> => resolvePage(undefined);
