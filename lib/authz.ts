// Who may do what: the role matrix, as pure functions the data-access layer applies on every call.
import type { Role } from "./domain";

export type Membership = { municipalityId: number; role: Role; partnerId: number | null };
export type Viewer = { userId: string; email: string; name: string; memberships: Membership[] };

/** What can be asked of the data layer; each maps to the roles allowed to do it. */
export const PERMISSIONS = {
  read: ["viewer", "partner", "planner", "admin"],
  readCosts: ["viewer", "partner", "planner", "admin"],
  readAudit: ["planner", "admin"],
  editPlan: ["planner", "admin"],
  editOwnWorkItems: ["partner", "planner", "admin"],
  manageUsers: ["admin"],
  importData: ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function membershipIn(viewer: Viewer | null, municipalityId: number): Membership | undefined {
  return viewer?.memberships.find((m) => m.municipalityId === municipalityId);
}

export function can(viewer: Viewer | null, municipalityId: number, permission: Permission): boolean {
  const m = membershipIn(viewer, municipalityId);
  return m !== undefined && (PERMISSIONS[permission] as readonly Role[]).includes(m.role);
}

/**
 * The answer to a caller asking for `permission` on an object of `municipalityId`:
 * no session → 401; no role in that municipality → 404 (its objects do not exist for them);
 * a role that may not → 403.
 */
export function decide(viewer: Viewer | null, municipalityId: number, permission: Permission): "ok" | "unauthorized" | "not_found" | "forbidden" {
  if (!viewer) return "unauthorized";
  if (!membershipIn(viewer, municipalityId)) return "not_found";
  return can(viewer, municipalityId, permission) ? "ok" : "forbidden";
}

/** A partner user may change only its own company's work items; planners and admins any. */
export function mayEditWorkItem(viewer: Viewer | null, item: { municipalityId: number; partnerId: number }): boolean {
  const m = membershipIn(viewer, item.municipalityId);
  if (!m) return false;
  if (m.role === "planner" || m.role === "admin") return true;
  return m.role === "partner" && m.partnerId === item.partnerId;
}

const COST_KEYS = new Set(["plannedCostKrw", "actualCostKrw", "budgetKrw", "targetBudgetKrw"]);
const PRIVATE_KEYS = new Set(["notes"]);

/**
 * What anonymous visitors (and anyone without a role in the municipality) get: the same shape
 * with every cost and internal note set to null.
 */
export function redactForPublic<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redactForPublic) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, COST_KEYS.has(k) || PRIVATE_KEYS.has(k) ? null : redactForPublic(v)]),
  ) as T;
}

/** Returns `data` as is for members who may read costs there, redacted for everyone else. */
export function visibleTo<T>(viewer: Viewer | null, municipalityId: number, data: T): T {
  return can(viewer, municipalityId, "readCosts") ? data : redactForPublic(data);
}
