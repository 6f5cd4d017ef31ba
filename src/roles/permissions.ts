import type { MembershipRole } from "../generated/prisma/client";
import type { Queryable } from "../services/db";

// Permission-based access control (Cal.com's PBAC, feat/pbac/services/permission-check.service.ts). A membership
// acts with its custom role (Membership.customRoleId) or, without one, the SYSTEM role of its MEMBER/ADMIN/OWNER
// role (seeded by migration 20261206400000_governance). A role grants "resource.action" strings, `*` standing for
// any resource or action. Where an organization (or team) has the `pbac` feature, the org guards decide by the
// route's permission instead of the MEMBER/ADMIN/OWNER rank (src/organizations/access.ts).

export const PBAC_FEATURE = "pbac";

export const SYSTEM_ROLE_IDS: Record<MembershipRole, string> = { OWNER: "owner_role", ADMIN: "admin_role", MEMBER: "member_role" };

/** A permission as Cal.com writes it: "booking.read", "organization.attributes.read", "*.*". */
export type PermissionString = `${string}.${string}`;

/** "resource.action" → its two parts (the action after the last dot). */
export function splitPermission(permission: string): GrantedPermission {
  const dot = permission.lastIndexOf(".");
  return { resource: permission.slice(0, dot), action: permission.slice(dot + 1) };
}

export interface GrantedPermission {
  resource: string;
  action: string;
}

/** The role a membership acts with. */
export const roleIdOf = (membership: { role: MembershipRole; customRoleId: string | null }): string =>
  membership.customRoleId ?? SYSTEM_ROLE_IDS[membership.role];

/** Whether `granted` covers `wanted` (wildcards on either part). Pure, for guards and tests. */
export function grants(granted: readonly GrantedPermission[], wanted: PermissionString): boolean {
  const { resource, action } = splitPermission(wanted);
  return granted.some((p) => (p.resource === "*" || p.resource === resource) && (p.action === "*" || p.action === action));
}

/** Whether any of the roles grants every one of `wanted`. One query. */
export async function rolesGrant(db: Queryable, roleIds: readonly string[], wanted: readonly PermissionString[]): Promise<boolean> {
  if (roleIds.length === 0) return false;
  const rows = await db.rolePermission.findMany({ where: { roleId: { in: [...roleIds] } }, select: { roleId: true, resource: true, action: true } });
  return roleIds.some((roleId) => {
    const granted = rows.filter((row) => row.roleId === roleId);
    return wanted.every((permission) => grants(granted, permission));
  });
}
