// The request context of a page (server components): resolved once per request and municipality.
import "server-only";
import { headers as nextHeaders } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { chosenInCookie, MUNICIPALITY_HEADER } from "../lib/chosen-municipality";
import { AppError } from "../lib/errors";
import { contextOf, hasSessionCookie, liveDeps, type RequestContext } from "./context";

/** The context of the page being rendered, resolved once per request and municipality. */
const resolvePage = cache(async (municipalityCode: string | undefined, strict: boolean): Promise<RequestContext> => {
  const [handle, headers] = await Promise.all([liveDeps.database(), nextHeaders()]);
  const viewer = hasSessionCookie(headers) ? await liveDeps.viewerOf(headers) : null;
  // The page's own parameter, else the URL's, else the one chosen before, else the default. A code no
  // municipality has is a 404 for the page (`strict`); the header around it and a remembered code that
  // is no longer known fall back to the default.
  const named = municipalityCode ?? headers.get(MUNICIPALITY_HEADER) ?? chosenInCookie(headers.get("cookie"));
  const fromUrl = municipalityCode !== undefined || headers.has(MUNICIPALITY_HEADER);
  const municipality = await liveDeps.municipalityOf(handle.db, named).catch((err: unknown) => {
    if (!(err instanceof AppError && err.code === "not_found" && named !== undefined)) throw err;
    if (strict && fromUrl) notFound();
    return liveDeps.municipalityOf(handle.db, undefined);
  });
  return contextOf(handle, viewer, municipality);
});

/** A page's context. With `PUBLIC_ACCESS=off`, a visitor who is not signed in is sent to the sign-in page. */
export async function pageContext(municipalityCode?: string): Promise<RequestContext> {
  const ctx = await resolvePage(municipalityCode, true);
  if (!ctx.viewer && !liveDeps.settings().publicAccess) redirect("/login");
  return ctx;
}

/** The context of what every page shows around its content (header, sign-in page): open to everyone. */
export const chromeContext = (): Promise<RequestContext> => resolvePage(undefined, false);
