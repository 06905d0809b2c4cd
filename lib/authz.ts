// Who may do what: the role matrix, as pure functions the use cases (server/) apply on every call.
import type { Role } from "./domain";
import { AppError } from "./errors";

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
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function membershipIn(viewer: Viewer | null, municipalityId: number): Membership | undefined {
  return viewer?.memberships.find((m) => m.municipalityId === municipalityId);
}

export function can(viewer: Viewer | null, municipalityId: number, permission: Permission): boolean {
  return roleCan(membershipIn(viewer, municipalityId)?.role, permission);
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
  if (roleCan(m.role, "editPlan")) return true;
  return m.role === "partner" && m.partnerId === item.partnerId;
}

/** The permissions a role holds, for screens that show or hide a control (the server checks again). */
export function roleCan(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every permission the viewer holds in the municipality; read models name their fields by these. */
export function grantsOf(viewer: Viewer | null, municipalityId: number): ReadonlySet<Permission> {
  const role = membershipIn(viewer, municipalityId)?.role;
  return new Set(ALL_PERMISSIONS.filter((p) => roleCan(role, p)));
}

/** Throws the answer the caller gets when they may not: 401, 404 (another municipality) or 403. */
export function authorize(viewer: Viewer | null, municipalityId: number, permission: Permission): Viewer {
  const verdict = decide(viewer, municipalityId, permission);
  if (verdict === "unauthorized") throw new AppError("unauthorized", "Sign in first.");
  if (verdict === "not_found") throw new AppError("not_found", "Not found.");
  if (verdict === "forbidden") throw new AppError("forbidden", `Your role may not do this (${permission}).`, { params: { permission } });
  return viewer!;
}
