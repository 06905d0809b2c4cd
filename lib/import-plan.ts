// The import's plan: given the file's records and what the database already holds for their keys,
// which zones are new, which changed (and how), which are unchanged, and the audit entries of the
// changes. Pure: no database, so a dry run is the plan itself and tests need no server.
import { containsPoint, distanceM, type Area } from "./geo";
import { identityText, type Field, type Issue, type StandardRecord } from "./standard-data";
import type { SiteCategory } from "./domain";

export const IMPORT_SOURCE_NOTE = "전국무료와이파이표준데이터 가져오기";

/** A zone as the plan compares it. */
export type SiteFields = {
  name: string;
  category: SiteCategory;
  categoryGiven: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
};
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
  entityType: "site" | "access_point";
  entityId: number;
  municipalityId: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

/** What happened to the file's rows: every row read is exactly one of these. */
export type ImportCounts = { new: number; updated: number; unchanged: number; duplicate: number; invalid: number };
/** The rows' counts for one municipality, and the zones (places) they made or changed there. */
export type MunicipalityCounts = Pick<ImportCounts, "new" | "updated" | "unchanged">;

/** A place the file names that has no zone yet: the zone, and its rows as its access points. */
export type NewSite = {
  municipalityId: number;
  siteKey: string;
  line: number;
  fields: SiteFields;
  /** Its access points in this plan; `apCount` counts those of the whole file (a file planned in batches may have more to come). */
  aps: (ApFields & { sourceRef: string })[];
  apCount: number;
};

/**
 * What a plan of one batch of a file needs from the rest of it: the places earlier batches began
 * (a national file keeps them as digests), and what the whole file says of a place — its rows, and
 * the first position its rows give.
 */
export type PlanCarry = {
  /**
   * Marks a group begun. Says whether an earlier batch began it, and otherwise what the whole file
   * says of its place (undefined for a zone this app made, whose group is not a place).
   */
  begin: (groupKey: string) => { begun: true } | { begun: false; place: { rows: number; lat: number | null; lng: number | null } | undefined };
};

export type ImportPlan = {
  /** Places with no zone yet, in municipality then key order (each index grows at its end). */
  newSites: NewSite[];
  /** Zones whose fields change, with the version they move to; `imported` zones also become the file's again (active, its key). */
  siteUpdates: (SiteFields & { id: number; municipalityId: number; version: number; imported: boolean; sourceKey: string | null })[];
  /** Imported APs whose fields change. */
  apUpdates: (ApFields & { id: number; version: number; sourceRef: string })[];
  /** New access points of zones that exist. */
  apInserts: (ApFields & { municipalityId: number; siteId: number; sourceRef: string })[];
  /** The audit entries of changed zones and access points (those created get theirs as they are written). */
  changes: PlannedChange[];
  /** By row: new, updated and unchanged access points, duplicate and refused rows. */
  counts: ImportCounts;
  /** By place: zones created and zones whose own fields change. */
  sites: { new: number; updated: number };
  /** The rows' counts per municipality id. */
  perMunicipality: Map<number, MunicipalityCounts>;
  /** The zones that exist and rows of the file name. */
  matched: ExistingSite[];
  /** Rows outside their municipality's outline (imported, flagged for checking). */
  issues: Issue[];
};

const SITE_FIELDS = ["name", "category", "categoryGiven", "address", "lat", "lng"] as const satisfies readonly (keyof SiteFields)[];
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
  return { name: r.placeName, category: r.category, categoryGiven: r.categoryGiven, address: r.roadAddress ?? r.lotAddress, lat: r.lat, lng: r.lng };
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
const siteFieldsOfRow = (s: SiteFields): SiteFields => ({
  name: s.name,
  category: s.category,
  categoryGiven: s.categoryGiven,
  address: s.address,
  lat: s.lat,
  lng: s.lng,
});
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

/** The stored fields a file that does not give `absent` columns leaves as they are. */
const AP_FIELDS_OF: Partial<Record<Field, (keyof ApFields)[]>> = {
  ssid: ["ssid"],
  installed: ["installYear", "installMonth"],
  placeDetail: ["placeDetail"],
  provider: ["providerName"],
  roadAddress: ["roadAddress"],
  lotAddress: ["lotAddress"],
  managerName: ["managerName"],
  managerPhone: ["managerPhone"],
  dataDate: ["dataDate"],
};
function keep<T extends object>(after: T, before: T, keys: readonly (keyof T)[]): T {
  if (keys.length === 0) return after;
  const out = { ...after };
  for (const k of keys) out[k] = before[k];
  return out;
}

function differs<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): boolean {
  return keys.some((k) => (before[k] ?? null) !== (after[k] ?? null));
}

/** A place's fields from its rows: name, category and address of the first, the first position given. */
function siteFieldsOfGroup(rows: readonly StandardRecord[]): SiteFields {
  const first = rows[0]!;
  const placed = rows.find((r) => r.lat !== null && r.lng !== null) ?? first;
  return { ...siteFieldsOf(first), lat: placed.lat, lng: placed.lng };
}

/**
 * Plans an import. Every record is an access point; records of one place (municipality + normalised name
 * and address) are one zone's access points. `siteOf` finds the zone of a record: by its place in its
 * municipality, or, for a zone this app made (`own`), by its WA-<id> 번호, when only the zone's own fields
 * are compared. `apOf` finds a zone's imported AP by its key. `outlines` flag rows outside their municipality.
 */
export function planImport({
  records,
  municipalityIdOf,
  siteOf,
  apOf,
  outlines,
  fileCounts,
  absent = [],
  carry,
}: {
  records: readonly StandardRecord[];
  municipalityIdOf: (r: StandardRecord) => number;
  siteOf: (r: StandardRecord) => { site: ExistingSite; own: boolean } | undefined;
  apOf: (siteId: number, key: string) => ExistingAp | undefined;
  outlines: ReadonlyMap<number, Area>;
  /** What the file's reading already counted: duplicate rows and rows refused (invalid, other municipality). */
  fileCounts: { duplicate: number; invalid: number };
  /** Columns the file does not give: their stored values stay. */
  absent?: readonly Field[];
  /** When `records` are one batch of a file: the places earlier batches began, and the file's word on each place. */
  carry?: PlanCarry;
}): ImportPlan {
  const keptAp = absent.flatMap((f) => AP_FIELDS_OF[f] ?? []);
  const keptSite: (keyof SiteFields)[] = [
    ...(absent.includes("category") ? (["category", "categoryGiven"] as const) : []),
    ...(absent.includes("roadAddress") && absent.includes("lotAddress") ? (["address"] as const) : []),
  ];
  const plan: ImportPlan = {
    newSites: [],
    siteUpdates: [],
    apUpdates: [],
    apInserts: [],
    changes: [],
    counts: { new: 0, updated: 0, unchanged: 0, duplicate: fileCounts.duplicate, invalid: fileCounts.invalid },
    sites: { new: 0, updated: 0 },
    perMunicipality: new Map(),
    matched: [],
    issues: [],
  };
  const tally = (mId: number, k: keyof MunicipalityCounts, n = 1) => {
    let c = plan.perMunicipality.get(mId);
    if (!c) plan.perMunicipality.set(mId, (c = { new: 0, updated: 0, unchanged: 0 }));
    c[k] += n;
    plan.counts[k] += n;
  };

  /** A row of a zone that exists: a new AP of it, a changed one, or unchanged (or counted with its zone's change). */
  const planAp = (mId: number, site: ExistingSite, r: StandardRecord, siteChanged: boolean) => {
    const ap = apOf(site.id, r.key);
    if (!ap) {
      plan.apInserts.push({ ...apFieldsOf(r), municipalityId: mId, siteId: site.id, sourceRef: r.key });
      return tally(mId, "new");
    }
    const before = apFieldsOfRow(ap);
    const apAfter = keep(apFieldsOf(r), before, keptAp);
    if (differs(before, apAfter, AP_FIELDS)) {
      plan.apUpdates.push({ ...apAfter, id: ap.id, version: ap.version + 1, sourceRef: r.key });
      plan.changes.push({ action: "update", entityType: "access_point", entityId: ap.id, municipalityId: mId, before, after: apAfter });
      return tally(mId, "updated");
    }
    tally(mId, siteChanged ? "updated" : "unchanged");
  };

  // The rows of each place, in file order, with the zone they belong to (if any).
  const groups = new Map<string, { mId: number; match: ReturnType<typeof siteOf>; rows: StandardRecord[] }>();
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
    const key = match?.own ? `own:${match.site.id}` : `${mId}|${r.siteKey}`;
    const group = groups.get(key);
    if (group) group.rows.push(r);
    else groups.set(key, { mId, match, rows: [r] });
  }

  for (const [groupKey, { mId, match, rows }] of groups) {
    // A place an earlier batch began: its zone was planned there; its rows here are more of its access points.
    const carried = carry?.begin(groupKey);
    if (carried?.begun) {
      if (!match) tally(mId, "new", rows.length);
      else if (match.own) tally(mId, "unchanged", rows.length);
      else for (const r of rows) planAp(mId, match.site, r, false);
      continue;
    }
    const siteOfRows = siteFieldsOfGroup(rows);
    // The position is the first any row of the place gives, in this batch or a later one.
    const whole = match?.own || !carried ? undefined : carried.place;
    if (whole && siteOfRows.lat === null) Object.assign(siteOfRows, { lat: whole.lat, lng: whole.lng });
    if (!match) {
      plan.newSites.push({
        municipalityId: mId,
        siteKey: rows[0]!.siteKey,
        line: rows[0]!.line,
        fields: siteOfRows,
        aps: rows.map((r) => ({ ...apFieldsOf(r), sourceRef: r.key })),
        apCount: whole?.rows ?? rows.length,
      });
      plan.sites.new++;
      tally(mId, "new", rows.length);
      continue;
    }
    const { site, own } = match;
    plan.matched.push(site);
    const siteBefore = siteFieldsOfRow(site);
    const siteAfter = keep(siteOfRows, siteBefore, keptSite);
    const siteChanged = differs(siteBefore, siteAfter, SITE_FIELDS);
    if (siteChanged) {
      plan.sites.updated++;
      plan.siteUpdates.push({
        ...siteAfter,
        id: site.id,
        municipalityId: mId,
        version: site.version + 1,
        imported: !own,
        sourceKey: own ? site.sourceKey : rows[0]!.siteKey,
      });
      plan.changes.push({ action: "update", entityType: "site", entityId: site.id, municipalityId: mId, before: siteBefore, after: siteAfter });
    }
    rows.forEach((r, i) => {
      // A zone this app made is compared by its own fields only: its first row carries them.
      if (own) return tally(mId, i === 0 && siteChanged ? "updated" : "unchanged");
      planAp(mId, site, r, i === 0 && siteChanged);
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  plan.newSites.sort((a, b) => a.municipalityId - b.municipalityId || cmp(a.siteKey, b.siteKey));
  return plan;
}

// ── editions ────────────────────────────────────────────────────────────────

/** A zone as editions compare them: where it is and what it is called. */
export type EditionZone = { id: number; municipalityId: number; name: string; address: string | null; lat: number | null; lng: number | null };
/** A zone of this file that may stand for one the previous edition had: by the same name, or close by. */
export type Successor = { name: string; siteId: number | null; line: number | null; sameName: boolean; distanceM: number | null };
/** A zone of the previous edition the file no longer lists, with its likely successors (closest first). */
export type Vanished = EditionZone & { successors: Successor[] };

/** How close a zone of the new edition must be to stand for a vanished one. */
export const SUCCESSOR_WITHIN_M = 30;

/**
 * The zones of a previous edition that this file no longer lists, each with the zones of the file
 * that likely replace it: the same name (without spaces or case) in the same municipality, or a
 * position within `withinM` metres. Found through a name index and a grid of about 100 m, so a
 * national file compares each zone with its neighbours only.
 */
export function vanishedOf(
  previous: readonly EditionZone[],
  current: readonly { municipalityId: number; name: string; lat: number | null; lng: number | null; siteId: number | null; line: number | null }[],
  withinM = SUCCESSOR_WITHIN_M,
): Vanished[] {
  const cell = (lat: number, lng: number) => `${Math.floor(lat * 1000)}|${Math.floor(lng * 1000)}`;
  const byName = new Map<string, (typeof current)[number][]>();
  const byCell = new Map<string, (typeof current)[number][]>();
  const push = <K>(m: Map<K, (typeof current)[number][]>, k: K, v: (typeof current)[number]) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const c of current) {
    push(byName, `${c.municipalityId}|${identityText(c.name)}`, c);
    if (c.lat !== null && c.lng !== null) push(byCell, cell(c.lat, c.lng), c);
  }
  return previous.map((z) => {
    const found = new Map<(typeof current)[number], Successor>();
    const distance = (c: (typeof current)[number]) =>
      z.lat !== null && z.lng !== null && c.lat !== null && c.lng !== null ? distanceM({ lat: z.lat, lng: z.lng }, { lat: c.lat, lng: c.lng }) : null;
    for (const c of byName.get(`${z.municipalityId}|${identityText(z.name)}`) ?? []) {
      const d = distance(c);
      found.set(c, { name: c.name, siteId: c.siteId, line: c.line, sameName: true, distanceM: d === null ? null : Math.round(d) });
    }
    if (z.lat !== null && z.lng !== null) {
      const [i, j] = [Math.floor(z.lat * 1000), Math.floor(z.lng * 1000)];
      for (let di = -1; di <= 1; di++)
        for (let dj = -1; dj <= 1; dj++)
          for (const c of byCell.get(`${i + di}|${j + dj}`) ?? []) {
            if (found.has(c) || c.municipalityId !== z.municipalityId) continue;
            const d = distance(c);
            if (d !== null && d <= withinM) found.set(c, { name: c.name, siteId: c.siteId, line: c.line, sameName: false, distanceM: Math.round(d) });
          }
    }
    const successors = [...found.values()].sort((a, b) => Number(b.sameName) - Number(a.sameName) || (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
    return { ...z, successors };
  });
}

/** Which vanished zones to retire, as a form or the command line says it: "all", ids separated by commas, or nothing. Null when neither. */
export function parseRetire(value: string): "all" | number[] | null {
  const v = value.trim();
  if (v === "" || v === "none") return [];
  if (v === "all") return "all";
  const ids = v.split(",").map((x) => x.trim());
  return ids.every((x) => /^\d{1,9}$/.test(x)) ? ids.map(Number) : null;
}
