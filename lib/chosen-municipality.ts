// The municipality a person chose to look at: named in the URL (`?municipality=<MOIS code>`, shareable),
// then remembered in a cookie so the pages they go on to show the same one. The one place that
// knows the cookie's name and how a code looks.

export const MUNICIPALITY_COOKIE = "municipality";
/** The header the proxy forwards a municipality named in the URL in, for server components. */
export const MUNICIPALITY_HEADER = "x-municipality";

export const isMunicipalityCode = (v: string | null | undefined): v is string => typeof v === "string" && /^\d{5}$/.test(v);

/** The code in a Cookie header, when it is a well-formed one. */
export function chosenInCookie(cookieHeader: string | null): string | undefined {
  const match = cookieHeader?.match(/(?:^|;\s*)municipality=(\d{5})(?:;|$)/);
  return match?.[1];
}
