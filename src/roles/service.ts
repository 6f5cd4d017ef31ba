import type { Actor } from "../auth/principal";
import { requireOrgAccess, requireOrgTeamAccess } from "../organizations/access";
import type { Deps } from "../services";
import { isUniqueViolation } from "../teams/store";
import { ORGANIZATION_PERMISSIONS, TEAM_PERMISSIONS } from "./catalogue";
import { cannotDeleteDefaultRoles, cannotUpdateDefaultRoles, invalidPermission, roleNameTaken } from "./errors";
import { type PermissionString, splitPermission } from "./permissions";
import { withPermissions } from "./route-permissions";
import type { CreateRoleInput, ListRolesQuery, UpdateRoleInput } from "./schemas";
import { listScopeRoles, type RoleWithPermissions, requireScopedRole, roleNotFound, roleWithPermissions } from "./store";

// Custom roles of one scope (Cal.com's RolesService over OrganizationsRolesController and
// OrganizationsTeamsRolesController): an organization (`/v2/organizations/{orgId}/roles`, Role.teamId = the org) or
// one of its teams (`/v2/organizations/{orgId}/teams/{teamId}/roles`, Role.teamId = the team). The route's params
// say which. Every operation is ORG_ADMIN on the SCALE plan, or, where the org or team has the `pbac` feature,
// the caller's role granting `role.<action>` (the team being the PBAC scope on team routes); team routes also
// need the team to be the org's (IsTeamInOrg 404).

/** The path ids of a role route: `teamId` only on the org-team routes. */
export interface RoleScope {
  orgId: number;
  teamId?: number;
}
export interface RoleIds extends RoleScope {
  roleId: string;
}

type RoleHandler = "createRole" | "getAllRoles" | "getRole" | "updateRole" | "deleteRole";

/** The guards of a role route (PBAC permissions from src/roles/route-permissions.ts); answers the scope's team id (Role.teamId). */
async function requireRoleScope(deps: Deps, actor: Actor, scope: RoleScope, handler: RoleHandler): Promise<number> {
  const controller = scope.teamId === undefined ? "OrganizationsRolesController" : "OrganizationsTeamsRolesController";
  const requirement = withPermissions(`${controller}_${handler}`, { role: "ORG_ADMIN", plan: "SCALE" });
  if (scope.teamId === undefined) {
    await requireOrgAccess(deps, actor, scope.orgId, requirement);
    return scope.orgId;
  }
  await requireOrgTeamAccess(deps, actor, { orgId: scope.orgId, teamId: scope.teamId }, requirement);
  return scope.teamId;
}

/**
 * The permissions, each checked against the scope's catalogue (organization roles: organization-scope strings
 * with "*.*"; team roles: team-scope strings), with Cal.com's message for the first bad one. Duplicates are
 * dropped (Cal.com would hit the unique index and answer 500).
 */
function checkedPermissions(scope: RoleScope, permissions: readonly string[]): PermissionString[] {
  const allowed: readonly string[] = scope.teamId === undefined ? ORGANIZATION_PERMISSIONS : TEAM_PERMISSIONS;
  const bad = permissions.find((permission) => !allowed.includes(permission));
  if (bad !== undefined) throw invalidPermission(bad);
  return [...new Set(permissions)] as PermissionString[];
}

const permissionRows = (roleId: string, permissions: readonly PermissionString[]) => permissions.map((p) => ({ roleId, ...splitPermission(p) }));

/** Another role of the scope with this name (roles are unique on name within a scope). */
async function nameTaken(deps: Deps, teamId: number, name: string, exceptRoleId?: string): Promise<boolean> {
  const other = await deps.db.role.findFirst({ where: { teamId, name, ...(exceptRoleId ? { id: { not: exceptRoleId } } : {}) }, select: { id: true } });
  return other !== null;
}

/** A CUSTOM role of the scope with its permissions, in one transaction. */
export async function createRole(deps: Deps, actor: Actor, { body, ...scope }: RoleScope & { body: CreateRoleInput }): Promise<RoleWithPermissions> {
  const teamId = await requireRoleScope(deps, actor, scope, "createRole");
  const permissions = checkedPermissions(scope, body.permissions ?? []);
  if (await nameTaken(deps, teamId, body.name)) throw roleNameTaken(body.name);
  try {
    return await deps.txDb.$transaction(async (tx) => {
      const role = await tx.role.create({
        data: { name: body.name, color: body.color || null, description: body.description || null, teamId, type: "CUSTOM" },
        select: { id: true },
      });
      if (permissions.length > 0) await tx.rolePermission.createMany({ data: permissionRows(role.id, permissions) });
      return tx.role.findUniqueOrThrow({ where: { id: role.id }, include: roleWithPermissions });
    });
  } catch (error) {
    // A concurrent create with the same name loses on the (name, teamId) unique index.
    if (isUniqueViolation(error)) throw roleNameTaken(body.name);
    throw error;
  }
}

/** The scope's CUSTOM roles and the three SYSTEM roles, a page of them. */
export async function listRoles(deps: Deps, actor: Actor, { query, ...scope }: RoleScope & { query: ListRolesQuery }): Promise<RoleWithPermissions[]> {
  const teamId = await requireRoleScope(deps, actor, scope, "getAllRoles");
  return listScopeRoles(deps.db, teamId, { skip: query.skip ?? 0, take: query.take ?? 250 });
}

/** One of the scope's roles; a SYSTEM role or another scope's is answered 404, as in Cal.com. */
export async function getRole(deps: Deps, actor: Actor, { roleId, ...scope }: RoleIds): Promise<RoleWithPermissions> {
  const teamId = await requireRoleScope(deps, actor, scope, "getRole");
  return requireScopedRole(deps.db, teamId, roleId);
}

/**
 * Changes name, color and description; `permissions`, when sent, replaces the whole set. One transaction.
 * Unlike Cal.com, `description` is stored (Cal.com drops it) and an absent `permissions` keeps the set.
 */
export async function updateRole(deps: Deps, actor: Actor, { roleId, body, ...scope }: RoleIds & { body: UpdateRoleInput }): Promise<RoleWithPermissions> {
  const teamId = await requireRoleScope(deps, actor, scope, "updateRole");
  const role = await requireScopedRole(deps.db, teamId, roleId);
  if (role.type === "SYSTEM") throw cannotUpdateDefaultRoles();
  const permissions = body.permissions === undefined ? undefined : checkedPermissions(scope, body.permissions);
  if (body.name !== undefined && body.name !== role.name && (await nameTaken(deps, teamId, body.name, roleId))) throw roleNameTaken(body.name);
  try {
    return await deps.txDb.$transaction(async (tx) => {
      const updated = await tx.role.updateMany({
        where: { id: roleId, teamId },
        data: {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.color !== undefined ? { color: body.color || null } : {}),
          ...(body.description !== undefined ? { description: body.description || null } : {}),
          updatedAt: new Date(deps.now()),
        },
      });
      if (updated.count === 0) throw roleNotFound(roleId, teamId);
      if (permissions !== undefined) {
        await tx.rolePermission.deleteMany({ where: { roleId } });
        if (permissions.length > 0) await tx.rolePermission.createMany({ data: permissionRows(roleId, permissions) });
      }
      return tx.role.findUniqueOrThrow({ where: { id: roleId }, include: roleWithPermissions });
    });
  } catch (error) {
    if (isUniqueViolation(error) && body.name !== undefined) throw roleNameTaken(body.name);
    throw error;
  }
}

/**
 * Deletes a CUSTOM role and answers it as it was. Its members go back to the SYSTEM role of their
 * MEMBER/ADMIN/OWNER membership role (customRoleId null), in the same transaction.
 */
export async function deleteRole(deps: Deps, actor: Actor, { roleId, ...scope }: RoleIds): Promise<RoleWithPermissions> {
  const teamId = await requireRoleScope(deps, actor, scope, "deleteRole");
  const role = await requireScopedRole(deps.db, teamId, roleId);
  if (role.type === "SYSTEM") throw cannotDeleteDefaultRoles();
  await deps.txDb.$transaction(async (tx) => {
    await tx.membership.updateMany({ where: { customRoleId: roleId }, data: { customRoleId: null } });
    const deleted = await tx.role.deleteMany({ where: { id: roleId, teamId, type: "CUSTOM" } });
    if (deleted.count === 0) throw roleNotFound(roleId, teamId);
  });
  return role;
}
