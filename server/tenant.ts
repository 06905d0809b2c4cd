// The tenant: which municipality a request is about, and its outline. The one place that knows the default.
import type { Db } from "../db/client";
import { findMunicipalityByCode } from "../db/queries/common";
import type { Municipality } from "../db/schema";
import { readEnv } from "../lib/env";

/** The municipality a request names by MOIS code, else the configured default; 404 when unknown. */
export async function resolveMunicipality(db: Db, code: string | undefined): Promise<Municipality> {
  return findMunicipalityByCode(db, { code: code ?? readEnv().defaultMunicipality });
}
