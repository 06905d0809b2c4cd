// The import's plan: given the file's records and what the database already holds for their keys,
// which zones are new, which changed (and how), which are unchanged, and the audit entries of the
// changes. Pure: no database, so a dry run is the plan itself and tests need no server.
import { containsPoint, type Area } from "./geo";
import type { Issue, StandardRecord } from "./standard-data";
import type { SiteCategory } from "./domain";

export const IMPORT_SOURCE_NOTE = "전국무료와이파이표준데이터 가져오기";

/** A zone as the plan compares it. */
export type SiteFields = { name: string; category: SiteCategory; address: string | null; lat: number | null; lng: number | null };
/** The standard's fields of a zone's imported AP. */
export type ApFields = {
  ssid: string | null;
  lat: number | null;
  lng: number | null;
  installYear: number | null;
  installMonth: number | null;
  placeDetail: string | null;
  providerName: string | null;
  roadAddress: string | null;
  lotAddress: string | null;
  managerName: string | null;
  managerPhone: string | null;
  dataDate: string | null;
};
export type ExistingSite = SiteFields & { id: number; municipalityId: number; version: number; sourceKey: string | null };
export type ExistingAp = ApFields & { id: number; siteId: number; version: number };

/** A change the audit trail records: the object, and its fields before and after. */
export type PlannedChange = {
  action: "update";
  entityType: "site";
  entityId: number;
  municipalityId: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

export type ImportCounts = { new: number; updated: number; unchanged: number; duplicate: number; invalid: number };

export type ImportPlan = {
  /** Records with no zone yet, in municipality then key order (each index grows at its end). */
  fresh: StandardRecord[];
  /** Zones whose fields change, with the version they move to; `imported` zones also become the file's again (active, its key). */
  siteUpdates: (SiteFields & { id: number; version: number; imported: boolean; sourceKey: string | null })[];
  /** Imported APs whose fields change. */
  apUpdates: (ApFields & { id: number; version: number; sourceRef: string })[];
  /** Zones that had lost their imported AP get it back. */
  apInserts: (ApFields & { municipalityId: number; siteId: number; sourceRef: string })[];
  changes: PlannedChange[];
  counts: ImportCounts;
  /** Rows outside their municipality's outline (imported, flagged for checking). */
  issues: Issue[];
};

const SITE_FIELDS = ["name", "category", "address", "lat", "lng"] as const satisfies readonly (keyof SiteFields)[];
const AP_FIELDS = [
  "ssid",
  "lat",
  "lng",
  "installYear",
  "installMonth",
  "placeDetail",
  "providerName",
  "roadAddress",
  "lotAddress",
  "managerName",
  "managerPhone",
  "dataDate",
] as const satisfies readonly (keyof ApFields)[];

/** The 번호 this app gives its own zones in the standard file. */
export function ownZoneRef(id: number): string {
  return `WA-${id}`;
}
/** The zone a `WA-<id>` 번호 names, or null. */
export function ownZoneId(ref: string | null): number | null {
  const m = ref?.match(/^WA-(\d+)$/);
  return m ? Number(m[1]) : null;
}

export function siteFieldsOf(r: StandardRecord): SiteFields {
  return { name: r.placeName, category: r.category, address: r.roadAddress ?? r.lotAddress, lat: r.lat, lng: r.lng };
}

export function apFieldsOf(r: StandardRecord): ApFields {
  return {
    ssid: r.ssid,
    lat: r.lat,
    lng: r.lng,
    installYear: r.installYear,
    installMonth: r.installMonth,
    placeDetail: r.placeDetail,
    providerName: r.provider,
    roadAddress: r.roadAddress,
    lotAddress: r.lotAddress,
    managerName: r.managerName,
    managerPhone: r.managerPhone,
    dataDate: r.dataDate,
  };
}

/** A stored zone's compared fields, and nothing else (the audit entry shows these). */
const siteFieldsOfRow = (s: SiteFields): SiteFields => ({ name: s.name, category: s.category, address: s.address, lat: s.lat, lng: s.lng });
const apFieldsOfRow = (a: ApFields): ApFields => ({
  ssid: a.ssid,
  lat: a.lat,
  lng: a.lng,
  installYear: a.installYear,
  installMonth: a.installMonth,
  placeDetail: a.placeDetail,
  providerName: a.providerName,
  roadAddress: a.roadAddress,
  lotAddress: a.lotAddress,
  managerName: a.managerName,
  managerPhone: a.managerPhone,
  dataDate: a.dataDate,
});

function differs<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): boolean {
  return keys.some((k) => (before[k] ?? null) !== (after[k] ?? null));
}

/**
 * Plans an import. `siteOf` finds the zone a record updates: by its key in its municipality, or, for a
 * zone this app made (`own`), by its WA-<id> 번호, when only the zone's own fields are compared. `apOf`
 * finds a zone's imported AP. `outlines` are the municipalities' outlines, to flag rows outside them.
 */
export function planImport({
  records,
  municipalityIdOf,
  siteOf,
  apOf,
  outlines,
  fileCounts,
}: {
  records: readonly StandardRecord[];
  municipalityIdOf: (r: StandardRecord) => number;
  siteOf: (r: StandardRecord) => { site: ExistingSite; own: boolean } | undefined;
  apOf: (siteId: number) => ExistingAp | undefined;
  outlines: ReadonlyMap<number, Area>;
  /** What the file's reading already counted: duplicate rows and rows refused (invalid, other municipality). */
  fileCounts: { duplicate: number; invalid: number };
}): ImportPlan {
  const plan: ImportPlan = {
    fresh: [],
    siteUpdates: [],
    apUpdates: [],
    apInserts: [],
    changes: [],
    counts: { new: 0, updated: 0, unchanged: 0, duplicate: fileCounts.duplicate, invalid: fileCounts.invalid },
    issues: [],
  };
  for (const r of records) {
    const mId = municipalityIdOf(r);
    const outline = outlines.get(mId);
    if (outline && r.lat !== null && r.lng !== null && !containsPoint(outline, { lat: r.lat, lng: r.lng })) {
      const place = `${r.provinceName} ${r.municipalityName}`;
      plan.issues.push({
        line: r.line,
        column: "위도",
        value: `${r.lat}, ${r.lng}`,
        code: "outside_boundary",
        ref: place,
        reason: `outside the boundary of ${place}: check the position`,
        severity: "warning",
      });
    }
    const match = siteOf(r);
    if (!match) {
      plan.fresh.push(r);
      continue;
    }
    const { site, own } = match;
    const siteAfter = siteFieldsOf(r);
    const siteBefore = siteFieldsOfRow(site);
    const siteChanged = differs(siteBefore, siteAfter, SITE_FIELDS);
    if (own) {
      if (!siteChanged) {
        plan.counts.unchanged++;
        continue;
      }
      plan.counts.updated++;
      plan.siteUpdates.push({ ...siteAfter, id: site.id, version: site.version + 1, imported: false, sourceKey: site.sourceKey });
      plan.changes.push({ action: "update", entityType: "site", entityId: site.id, municipalityId: mId, before: siteBefore, after: siteAfter });
      continue;
    }
    const ap = apOf(site.id);
    const apAfter = apFieldsOf(r);
    const apChanged = !ap || differs(apFieldsOfRow(ap), apAfter, AP_FIELDS);
    if (!siteChanged && !apChanged) {
      plan.counts.unchanged++;
      continue;
    }
    plan.counts.updated++;
    if (siteChanged) plan.siteUpdates.push({ ...siteAfter, id: site.id, version: site.version + 1, imported: true, sourceKey: r.key });
    if (ap && apChanged) plan.apUpdates.push({ ...apAfter, id: ap.id, version: ap.version + 1, sourceRef: r.key });
    if (!ap) plan.apInserts.push({ ...apAfter, municipalityId: mId, siteId: site.id, sourceRef: r.key });
    plan.changes.push({
      action: "update",
      entityType: "site",
      entityId: site.id,
      municipalityId: mId,
      before: { ...siteBefore, accessPoint: ap ? apFieldsOfRow(ap) : null },
      after: { ...siteAfter, accessPoint: apAfter },
    });
  }
  plan.fresh.sort((a, b) => municipalityIdOf(a) - municipalityIdOf(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  plan.counts.new = plan.fresh.length;
  return plan;
}
