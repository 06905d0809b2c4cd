// All tables, enums and inferred row types of Wi-Fi Atlas. Constraints that protect the data live here.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  bigserial,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import {
  AP_STATUSES,
  BUS_STATUSES,
  PARTNER_KINDS,
  POI_KINDS,
  PROVENANCES,
  ROLES,
  SITE_CATEGORIES,
  SITE_STATUSES,
  WORK_KINDS,
  WORK_STATUSES,
} from "../lib/domain";

export const siteCategory = pgEnum("site_category", SITE_CATEGORIES);
export const siteStatus = pgEnum("site_status", SITE_STATUSES);
export const apStatus = pgEnum("ap_status", AP_STATUSES);
export const busStatus = pgEnum("bus_status", BUS_STATUSES);
export const partnerKind = pgEnum("partner_kind", PARTNER_KINDS);
export const workKind = pgEnum("work_kind", WORK_KINDS);
export const workStatus = pgEnum("work_status", WORK_STATUSES);
export const provenance = pgEnum("provenance", PROVENANCES);
export const poiKind = pgEnum("poi_kind", POI_KINDS);
export const role = pgEnum("role", ROLES);

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** The tenant boundary: every site, bus, AP and POI belongs to one municipality. */
export const municipalities = pgTable(
  "municipalities",
  {
    id: serial().primaryKey(),
    /** MOIS administrative code (시군구 5 digits), e.g. 48170 for 진주시; unknown for one an import created. */
    code: text().unique(),
    kostatCode: text(),
    nameKo: text().notNull(),
    nameEn: text(),
    provinceKo: text().notNull(),
    provinceEn: text(),
    /** The 시도's MOIS code (the first two digits of a 시군구 code, e.g. 48 for 경상남도). */
    sidoCode: text(),
    /** Registered voters at the 2022 presidential election (선거인수): adult residents, a population proxy. */
    registeredVoters2022: integer(),
    /** Its number of 읍면동 (2022). */
    emdCount: integer(),
    /** Outline as GeoJSON geometry (WGS84) when known. */
    boundary: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("municipalities_province_name_uq").on(t.provinceKo, t.nameKo)],
);
export type Municipality = typeof municipalities.$inferSelect;

/** Every 읍면동 of the directory (2022): its MOIS code, its 시군구's, its name and registered voters counted there. */
export const dongs = pgTable(
  "dongs",
  {
    code: text().primaryKey(),
    municipalityCode: text().notNull(),
    nameKo: text().notNull(),
    /** 선거인수 2022 at the 읍면동's polling stations (absentee and early votes elsewhere excluded). */
    registeredVoters2022: integer(),
  },
  (t) => [index("dongs_municipality_idx").on(t.municipalityCode)],
);

export const programs = pgTable(
  "programs",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    nameKo: text().notNull(),
    nameEn: text(),
    startYear: integer().notNull(),
    endYear: integer().notNull(),
    mouDate: text(),
    provenance: provenance().notNull(),
    sourceNote: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("programs_municipality_name_uq").on(t.municipalityId, t.nameKo), check("programs_years_ck", sql`${t.endYear} >= ${t.startYear}`)],
);
export type Program = typeof programs.$inferSelect;

/** One year of a program with its targets; a null target means "not yet set". */
export const planYears = pgTable(
  "plan_years",
  {
    id: serial().primaryKey(),
    programId: integer()
      .notNull()
      .references(() => programs.id),
    year: integer().notNull(),
    targetBuses: integer(),
    targetZones: integer(),
    targetAccessPoints: integer(),
    targetBudgetKrw: bigint({ mode: "number" }),
    /** Site categories the year aims at (e.g. 2021: culture/tourism, bus stops, markets). */
    /** The year's results are published: no new work is planned in it (it is not offered for candidates or approvals). */
    closed: boolean().notNull().default(false),
    targetCategories: siteCategory()
      .array()
      .notNull()
      .default(sql`'{}'::site_category[]`),
    provenance: provenance().notNull(),
    sourceNote: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("plan_years_program_year_uq").on(t.programId, t.year),
    check(
      "plan_years_targets_ck",
      sql`coalesce(${t.targetBuses}, 0) >= 0 and coalesce(${t.targetZones}, 0) >= 0 and coalesce(${t.targetAccessPoints}, 0) >= 0 and coalesce(${t.targetBudgetKrw}, 0) >= 0`,
    ),
  ],
);
export type PlanYear = typeof planYears.$inferSelect;

export const partners = pgTable("partners", {
  id: serial().primaryKey(),
  nameKo: text().notNull().unique(),
  nameEn: text(),
  kind: partnerKind().notNull(),
  createdAt: createdAt(),
});
export type Partner = typeof partners.$inferSelect;

/** What a partner is responsible for in a program (the MOU's division of work). */
export const programPartnerRoles = pgTable(
  "program_partner_roles",
  {
    programId: integer()
      .notNull()
      .references(() => programs.id),
    partnerId: integer()
      .notNull()
      .references(() => partners.id),
    role: workKind().notNull(),
    provenance: provenance().notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.partnerId, t.role] })],
);

/**
 * A place's key as the standard file's rows without 번호 are matched on: its name and address,
 * lower case, without spaces (lib/standard-data's siteKeyOf makes the same key of a row).
 */
export const placeKeyOf = (name: AnyPgColumn, address: AnyPgColumn) =>
  // In parentheses, as an index over an expression needs it.
  sql`('place:' || lower(regexp_replace(${name}, '\\s+', '', 'g')) || '|' || lower(regexp_replace(coalesce(${address}, ''), '\\s+', '', 'g')))`;

/** A zone (구역) where APs are installed, from candidate to active. */
export const sites = pgTable(
  "sites",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    programId: integer().references(() => programs.id),
    name: text().notNull(),
    category: siteCategory().notNull(),
    /** The 설치시설구분 as a file wrote it when the standard does not know it (the category is then `other`): kept, shown and exported as given. */
    categoryGiven: text(),
    dong: text(),
    address: text(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    /** The position (and so the 읍면동) is an estimate, not a published or surveyed place; cleared when a planner places the zone. */
    positionEstimate: boolean().notNull().default(false),
    /** Extent as GeoJSON geometry when known. */
    extent: jsonb(),
    status: siteStatus().notNull(),
    planYear: integer(),
    plannedApCount: integer().notNull().default(0),
    provenance: provenance().notNull(),
    sourceNote: text(),
    notes: text(),
    /** Why the site was last moved (required when rejected). */
    statusReason: text(),
    /** Identity of a site in the file it was imported from (관리번호, or name + address), for re-imports. */
    sourceKey: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sites_municipality_source_key_uq").on(t.municipalityId, t.sourceKey),
    index("sites_lat_lng_idx").on(t.lat, t.lng),
    index("sites_municipality_year_idx").on(t.municipalityId, t.planYear),
    // The rollout summary counts a program's zones and their APs among a national inventory.
    // Imported zones belong to no program: the index holds only the zones that do.
    index("sites_program_idx")
      .on(t.programId)
      .where(sql`${t.programId} is not null`),
    // Zones this app made, by the place key a file's row without 번호 is matched on: an import looks
    // them up for every batch, and they are few beside the imported zones the index leaves out.
    index("sites_own_place_idx")
      .on(t.municipalityId, placeKeyOf(t.name, t.address))
      .where(sql`${t.sourceKey} is null`),
    check("sites_ap_count_ck", sql`${t.plannedApCount} >= 0`),
    check("sites_position_ck", sql`(${t.lat} is null) = (${t.lng} is null)`),
    check("sites_lat_ck", sql`${t.lat} is null or (${t.lat} between -90 and 90)`),
    check("sites_lng_ck", sql`${t.lng} is null or (${t.lng} between -180 and 180)`),
  ],
);
export type Site = typeof sites.$inferSelect;

export const busOperators = pgTable(
  "bus_operators",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    name: text().notNull(),
    depotLat: doublePrecision(),
    depotLng: doublePrecision(),
    provenance: provenance().notNull(),
  },
  (t) => [uniqueIndex("bus_operators_municipality_name_uq").on(t.municipalityId, t.name)],
);
export type BusOperator = typeof busOperators.$inferSelect;

/** A bus route's line, where a geometry is known (GeoJSON LineString or MultiLineString, WGS84). */
export const busRoutes = pgTable(
  "bus_routes",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    routeNumber: text().notNull(),
    geometry: jsonb().notNull(),
    provenance: provenance().notNull(),
    source: text(),
  },
  (t) => [uniqueIndex("bus_routes_municipality_number_uq").on(t.municipalityId, t.routeNumber)],
);
export type BusRoute = typeof busRoutes.$inferSelect;

/** The buses fitted in one plan year: the unit that bus work items refer to. */
export const busBatches = pgTable(
  "bus_batches",
  {
    id: serial().primaryKey(),
    programId: integer()
      .notNull()
      .references(() => programs.id),
    planYear: integer().notNull(),
    label: text().notNull(),
    busCount: integer().notNull(),
    provenance: provenance().notNull(),
    sourceNote: text(),
  },
  (t) => [uniqueIndex("bus_batches_program_year_uq").on(t.programId, t.planYear), check("bus_batches_count_ck", sql`${t.busCount} >= 0`)],
);
export type BusBatch = typeof busBatches.$inferSelect;

export const buses = pgTable(
  "buses",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    batchId: integer().references(() => busBatches.id),
    vehicleNumber: text().notNull(),
    operatorId: integer().references(() => busOperators.id),
    routes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: busStatus().notNull(),
    installYear: integer(),
    installMonth: integer(),
    provenance: provenance().notNull(),
    sourceNote: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("buses_municipality_vehicle_uq").on(t.municipalityId, t.vehicleNumber),
    index("buses_batch_idx").on(t.batchId),
    check("buses_month_ck", sql`${t.installMonth} is null or ${t.installMonth} between 1 and 12`),
  ],
);
export type Bus = typeof buses.$inferSelect;

export const accessPoints = pgTable(
  "access_points",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    siteId: integer().references(() => sites.id),
    busId: integer().references(() => buses.id),
    ssid: text(),
    model: text(),
    serial: text(),
    mac: text(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    installYear: integer(),
    installMonth: integer(),
    status: apStatus().notNull(),
    installingPartnerId: integer().references(() => partners.id),
    provenance: provenance().notNull(),
    sourceNote: text(),
    /** Fields of the national standard data kept for export back to it. */
    placeDetail: text(),
    providerName: text(),
    roadAddress: text(),
    lotAddress: text(),
    managerName: text(),
    managerPhone: text(),
    dataDate: text(),
    sourceRef: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("access_points_owner_ck", sql`(${t.siteId} is null) <> (${t.busId} is null)`),
    check("access_points_position_ck", sql`(${t.lat} is null) = (${t.lng} is null)`),
    check("access_points_month_ck", sql`${t.installMonth} is null or ${t.installMonth} between 1 and 12`),
    // Serial, MAC and bus are unknown for most APs (every imported one): partial indexes hold only
    // the rows that have them, so a national import does not write a million null entries into each.
    uniqueIndex("access_points_serial_uq")
      .on(t.serial)
      .where(sql`${t.serial} is not null`),
    uniqueIndex("access_points_mac_uq")
      .on(t.mac)
      .where(sql`${t.mac} is not null`),
    index("access_points_lat_lng_idx").on(t.lat, t.lng),
    index("access_points_site_idx").on(t.siteId),
    index("access_points_bus_idx")
      .on(t.busId)
      .where(sql`${t.busId} is not null`),
    index("access_points_municipality_idx").on(t.municipalityId),
    uniqueIndex("access_points_source_ref_uq").on(t.municipalityId, t.sourceRef),
  ],
);
export type AccessPoint = typeof accessPoints.$inferSelect;

/**
 * A unit of partner responsibility; with neither site nor bus batch it covers its whole plan year.
 * The work (buying, installing, lines) carries the cost; `paidByPartnerId` names who pays for it
 * (null: the partner doing it). A funding item is the payer's own task and has no cost of its own:
 * what it pays is the work in its scope paid by its partner, so a zone's cost is counted once.
 */
export const workItems = pgTable(
  "work_items",
  {
    id: serial().primaryKey(),
    programId: integer()
      .notNull()
      .references(() => programs.id),
    planYear: integer().notNull(),
    partnerId: integer()
      .notNull()
      .references(() => partners.id),
    kind: workKind().notNull(),
    siteId: integer().references(() => sites.id),
    busBatchId: integer().references(() => busBatches.id),
    status: workStatus().notNull(),
    dueDate: date({ mode: "string" }),
    plannedCostKrw: bigint({ mode: "number" }),
    actualCostKrw: bigint({ mode: "number" }),
    paidByPartnerId: integer().references(() => partners.id),
    provenance: provenance().notNull(),
    notes: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("work_items_scope_ck", sql`${t.siteId} is null or ${t.busBatchId} is null`),
    check("work_items_cost_ck", sql`coalesce(${t.plannedCostKrw}, 0) >= 0 and coalesce(${t.actualCostKrw}, 0) >= 0`),
    check(
      "work_items_funding_ck",
      sql`${t.kind} <> 'funding' or (${t.plannedCostKrw} is null and ${t.actualCostKrw} is null and ${t.paidByPartnerId} is null)`,
    ),
    index("work_items_partner_year_idx").on(t.partnerId, t.planYear),
    index("work_items_site_idx").on(t.siteId),
    uniqueIndex("work_items_scope_uq").on(t.programId, t.planYear, t.partnerId, t.kind, sql`coalesce(${t.siteId}, 0)`, sql`coalesce(${t.busBatchId}, 0)`),
  ],
);
export type WorkItem = typeof workItems.$inferSelect;

/** Reference places for planning (markets, tourist spots, parks, parking, bus stops). */
export const pointsOfInterest = pgTable(
  "points_of_interest",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    kind: poiKind().notNull(),
    name: text().notNull(),
    address: text(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    source: text().notNull(),
    sourceRef: text().notNull(),
    attributes: jsonb().notNull().default({}),
  },
  (t) => [uniqueIndex("poi_source_ref_uq").on(t.municipalityId, t.kind, t.source, t.sourceRef), index("poi_lat_lng_idx").on(t.lat, t.lng)],
);
export type PointOfInterest = typeof pointsOfInterest.$inferSelect;

/** Who changed what, when; before and after. Written in the same transaction as the change. */
export const auditEntries = pgTable(
  "audit_entries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actor: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    municipalityId: integer().references(() => municipalities.id),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [
    // A record's history, and a municipality's trail newest first: the two ways it is read. (No index
    // over `at` alone: nothing reads it so, and each index is paid on every entry an import writes.)
    index("audit_entity_idx").on(t.entityType, t.entityId),
    index("audit_municipality_at_idx").on(t.municipalityId, t.at),
  ],
);
export type AuditEntry = typeof auditEntries.$inferSelect;

/** Seed steps already applied: each runs once, so a re-seed never touches what users changed since. */
export const seedSteps = pgTable("seed_steps", {
  name: text().primaryKey(),
  appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Grid levels of the AP count grid: level k has square cells of `size` degrees. */
export const apCellLevels = pgTable("ap_cell_levels", {
  level: smallint().primaryKey(),
  size: doublePrecision().notNull(),
});

/**
 * Counts of positioned APs per grid cell, overall (dim 'all') and per value of each map filter
 * (dim 'status', 'provenance', 'year', 'category', 'partner'), on the coarse grid levels only.
 * Kept in step with access_points and sites by statement-level triggers (see the migrations).
 * National and regional map views sum these rows instead of grouping a million APs per request.
 */
export const apCells = pgTable(
  "ap_cells",
  {
    level: smallint().notNull(),
    cx: integer().notNull(),
    cy: integer().notNull(),
    dim: text().notNull(),
    value: text().notNull(),
    n: integer().notNull(),
    sumLat: doublePrecision().notNull(),
    sumLng: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.level, t.dim, t.value, t.cx, t.cy] }),
    // The rows a change brought to zero, found by the cells it touched (the triggers' cleanup): the
    // key leads with dim and value, which the cleanup does not know. Near empty: zeros live one statement.
    index("ap_cells_zero_idx")
      .on(t.level, t.cx, t.cy)
      .where(sql`${t.n} = 0`),
  ],
);

/**
 * The directory's figures kept in step with the inventory, so the national view sums a few thousand
 * rows instead of counting a million APs per request: APs (not retired) by municipality, provider and
 * install year, and zones (not retired) by municipality. Statement-level triggers keep them (see the
 * migrations); a bulk load rebuilds them once with inventory_tallies_rebuild(). Rows that reach zero stay.
 */
export const apTallies = pgTable(
  "ap_tallies",
  {
    municipalityId: integer().notNull(),
    providerName: text(),
    installYear: integer(),
    n: integer().notNull(),
  },
  (t) => [unique("ap_tallies_key").on(t.municipalityId, t.providerName, t.installYear).nullsNotDistinct()],
);
export const siteTallies = pgTable("site_tallies", {
  municipalityId: integer().primaryKey(),
  n: integer().notNull(),
});

// Accounts. The four tables below are the auth library's (users, sessions, accounts with the
// password hash, verification tokens) plus its rate-limit counters, kept in the database so
// every app process sees the same sessions and limits.

export const users = pgTable("users", {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text().notNull().unique(),
  emailVerified: boolean().notNull().default(false),
  image: text(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type User = typeof users.$inferSelect;

export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    token: text().notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text(),
    userAgent: text(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: text().primaryKey(),
    accountId: text().notNull(),
    providerId: text().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text(),
    refreshToken: text(),
    idToken: text(),
    accessTokenExpiresAt: timestamp({ withTimezone: true }),
    refreshTokenExpiresAt: timestamp({ withTimezone: true }),
    scope: text(),
    password: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = pgTable(
  "verifications",
  {
    id: text().primaryKey(),
    identifier: text().notNull(),
    value: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

export const rateLimits = pgTable("rate_limits", {
  id: text().primaryKey(),
  key: text().notNull().unique(),
  count: integer().notNull(),
  lastRequest: bigint({ mode: "number" }).notNull(),
});

/**
 * Failed sign-ins per key (`address:<client address>`, `account:<email>`): how many since the last
 * quiet day, and until when further tries are refused. Kept in the database so every app process
 * enforces the same limit.
 */
export const signInFailures = pgTable("sign_in_failures", {
  key: text().primaryKey(),
  failures: integer().notNull(),
  lastAt: timestamp({ withTimezone: true }).notNull(),
  blockedUntil: timestamp({ withTimezone: true }),
});

/** A user's role in one municipality; a partner user acts for one partner company. */
export const memberships = pgTable(
  "memberships",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    role: role().notNull(),
    partnerId: integer().references(() => partners.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.municipalityId] }), check("memberships_partner_ck", sql`(${t.role} = 'partner') = (${t.partnerId} is not null)`)],
);
export type Membership = typeof memberships.$inferSelect;

/** A municipality's planning settings (coverage radius, score weights, unit costs); defaults in lib/planning.ts. */
export const planningSettings = pgTable("planning_settings", {
  municipalityId: integer()
    .primaryKey()
    .references(() => municipalities.id),
  settings: jsonb().notNull(),
  version: integer().notNull().default(1),
  updatedAt: updatedAt(),
});

/**
 * What each committed import found per municipality it wrote to: rows, positions outside the
 * municipality's outline, blank install dates. The national view shows the latest import's findings.
 */
export const importFindings = pgTable(
  "import_findings",
  {
    id: serial().primaryKey(),
    municipalityId: integer()
      .notNull()
      .references(() => municipalities.id),
    requestId: text().notNull(),
    rows: integer().notNull(),
    outsideBoundary: integer().notNull(),
    blankInstallDates: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("import_findings_municipality_idx").on(t.municipalityId, t.createdAt)],
);
