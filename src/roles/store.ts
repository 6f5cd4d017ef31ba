import type { Prisma } from "../generated/prisma/client";
import { notFound } from "../errors";
import type { Queryable } from "../services/db";

// Roles of one scope (an organization or one of its teams: Role.teamId). Shared by the role and the
// role-permission operations: a role outside the scope (another team's, or a SYSTEM role) is answered as missing,
// as Cal.com does (v2/modules/roles/services/roles.service.ts).

export const roleNotFound = (roleId: string, teamId: number) => notFound(`Role with id ${roleId} within team id ${teamId} not found`);

/** The scope's role with its permissions, or Cal.com's 404. */
export async function requireScopedRole(db: Queryable, teamId: number, roleId: string) {
  const role = await db.role.findFirst({
    where: { id: roleId, teamId },
    include: { permissions: { select: { resource: true, action: true }, orderBy: [{ resource: "asc" }, { action: "asc" }] } },
  });
  if (!role) throw roleNotFound(roleId, teamId);
  return role;
}

// org roles
/** The columns and permissions a role operation answers with (permissions in a stable order). */
export const roleWithPermissions = {
  permissions: { select: { resource: true, action: true }, orderBy: [{ resource: "asc" }, { action: "asc" }] },
} as const satisfies Prisma.RoleInclude;

export type RoleWithPermissions = Prisma.RoleGetPayload<{ include: typeof roleWithPermissions }>;

/** The roles a scope offers: its own CUSTOM roles and the three SYSTEM roles, SYSTEM first, then oldest first. */
export function listScopeRoles(db: Queryable, teamId: number, page: { skip: number; take: number }): Promise<RoleWithPermissions[]> {
  return db.role.findMany({
    where: { OR: [{ teamId }, { teamId: null, type: "SYSTEM" }] },
    include: roleWithPermissions,
    orderBy: [{ type: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
  });
}
