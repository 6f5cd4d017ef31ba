import { z } from "@hono/zod-openapi";
import type { Actor } from "../auth/principal";
import { successOf } from "../http/common";
import { requireOrgAccess, requireOrgTeamAccess } from "../organizations/access";
import type { Deps } from "../services";
import type { Tx } from "../services/db";
import { ORGANIZATION_PERMISSIONS, TEAM_PERMISSIONS } from "./catalogue";
import { invalidPermission } from "./errors";
import { splitPermission } from "./permissions";
import { type PbacOperationId, withPermissions } from "./route-permissions";
import { requireScopedRole } from "./store";

// Orgs / Roles / Permissions and Orgs / Teams / Roles / Permissions (Cal.com's RolesPermissionsService): the
// permission set of one CUSTOM role of an organization (`teamId` absent) or of one of its teams. GET lists it,
// POST merges, PUT replaces, the DELETEs remove (204). Guards: ORG_ADMIN, SCALE, IsTeamInOrg on team routes, PBAC
// `role.read` / `role.update` (src/roles/route-permissions.ts). Strings are checked against the scope's catalogue
// (organization roles: organization-scope strings, team roles: team-scope ones).

const MAX_PERMISSIONS = ORGANIZATION_PERMISSIONS.length;

const permissionList = (catalogue: readonly string[]) =>
  z
    .array(z.string().max(100))
    .max(MAX_PERMISSIONS, `permissions can name at most ${MAX_PERMISSIONS} permissions`)
    .openapi({ type: "array", items: { type: "string", enum: [...catalogue] }, example: ["eventType.read", "booking.read"] });

export const CreateOrgRolePermissionsInputSchema = z
  .object({ permissions: permissionList(ORGANIZATION_PERMISSIONS).openapi({ description: "Permissions to add (format: resource.action)" }) })
  .openapi("CreateOrgRolePermissionsInput");
export const CreateTeamRolePermissionsInputSchema = z
  .object({ permissions: permissionList(TEAM_PERMISSIONS).openapi({ description: "Permissions to add (format: resource.action)" }) })
  .openapi("CreateTeamRolePermissionsInput");

/** `?permissions=a,b` or `?permissions=a&permissions=b`; given but empty is Cal.com's "permissions cannot be empty." */
const permissionsQuery = (catalogue: readonly string[]) =>
  z.object({
    permissions: z
      .union([z.string(), z.array(z.string())])
      .transform((value) =>
        [value]
          .flat()
          .flatMap((part) => part.split(","))
          .map((part) => part.trim())
          .filter((part) => part.length > 0),
      )
      .refine((list) => list.length > 0, "permissions cannot be empty.")
      .refine((list) => list.length <= MAX_PERMISSIONS && list.every((p) => p.length <= 100), `permissions can name at most ${MAX_PERMISSIONS} permissions`)
      .optional()
      .openapi({
        type: "array",
        items: { type: "string", enum: [...catalogue] },
        description: "Permissions to remove (format: resource.action). Supports comma-separated values as well as repeated query params.",
        example: "?permissions=eventType.read,booking.read",
      }),
  });
export const DeleteOrgRolePermissionsQuery = permissionsQuery(ORGANIZATION_PERMISSIONS);
export const DeleteTeamRolePermissionsQuery = permissionsQuery(TEAM_PERMISSIONS);

export const GetOrgRolePermissionsOutputSchema = successOf(z.array(z.string())).openapi("GetOrgRolePermissionsOutput");
export const GetTeamRolePermissionsOutputSchema = successOf(z.array(z.string())).openapi("GetTeamRolePermissionsOutput");

/** The role's path ids: `teamId` only on `/v2/organizations/{orgId}/teams/{teamId}/roles/…`. */
export interface RoleScopeInput {
  orgId: number;
  teamId?: number;
  roleId: string;
}

type Verb = "list" | "add" | "set" | "removeMany" | "removeOne";
const OPERATION: Record<Verb, { org: PbacOperationId; team: PbacOperationId }> = {
  list: { org: "OrganizationsRolesPermissionsController_listPermissions", team: "OrganizationsTeamsRolesPermissionsController_listPermissions" },
  add: { org: "OrganizationsRolesPermissionsController_addPermissions", team: "OrganizationsTeamsRolesPermissionsController_addPermissions" },
  set: { org: "OrganizationsRolesPermissionsController_setPermissions", team: "OrganizationsTeamsRolesPermissionsController_setPermissions" },
  removeMany: {
    org: "OrganizationsRolesPermissionsController_removePermissions",
    team: "OrganizationsTeamsRolesPermissionsController_removePermissions",
  },
  removeOne: {
    org: "OrganizationsRolesPermissionsController_removePermission",
    team: "OrganizationsTeamsRolesPermissionsController_removePermission",
  },
};

/** The guards of the route, then the id of the scope the role belongs to (the team on team routes, else the org). */
async function guard(deps: Deps, actor: Actor, { orgId, teamId }: RoleScopeInput, verb: Verb): Promise<number> {
  if (teamId === undefined) {
    await requireOrgAccess(deps, actor, orgId, withPermissions(OPERATION[verb].org, { role: "ORG_ADMIN", plan: "SCALE" }));
    return orgId;
  }
  // Cal.com's team controller has no IsTeamInOrg: an org admin could edit another org's team roles. Here the team
  // must be one of the org's (404 otherwise).
  await requireOrgTeamAccess(deps, actor, { orgId, teamId }, withPermissions(OPERATION[verb].team, { role: "ORG_ADMIN", plan: "SCALE" }));
  return teamId;
}

/** Every string must be in the scope's catalogue (the first one that is not: Cal.com's 400). Answers them deduplicated. */
function validated(input: RoleScopeInput, permissions: readonly string[]): string[] {
  const catalogue: readonly string[] = input.teamId === undefined ? ORGANIZATION_PERMISSIONS : TEAM_PERMISSIONS;
  const invalid = permissions.find((permission) => !catalogue.includes(permission));
  if (invalid !== undefined) throw invalidPermission(invalid);
  return [...new Set(permissions)];
}

const asStrings = (rows: { resource: string; action: string }[]) => rows.map((p) => `${p.resource}.${p.action}`);
const ordered = { orderBy: [{ resource: "asc" as const }, { action: "asc" as const }], select: { resource: true, action: true } };

export async function listRolePermissions(deps: Deps, actor: Actor, input: RoleScopeInput): Promise<string[]> {
  const scopeId = await guard(deps, actor, input, "list");
  return asStrings((await requireScopedRole(deps.db, scopeId, input.roleId)).permissions);
}

/**
 * Changes the role's set to `change(current)` in one transaction, the role row locked so concurrent changes apply
 * one after the other; answers the new set. The role's `updatedAt` moves when the set changes.
 */
async function changePermissions(deps: Deps, scopeId: number, roleId: string, change: (current: string[]) => string[]): Promise<string[]> {
  return deps.txDb.$transaction(async (tx: Tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Role" WHERE "id" = ${roleId} AND "teamId" = ${scopeId} FOR UPDATE`;
    const role = await requireScopedRole(tx, scopeId, roleId);
    const current = asStrings(role.permissions);
    const desired = new Set(change(current));
    const removed = current.filter((p) => !desired.has(p));
    const added = [...desired].filter((p) => !current.includes(p));
    if (removed.length === 0 && added.length === 0) return current;
    if (removed.length > 0) await tx.rolePermission.deleteMany({ where: { roleId, OR: removed.map(splitPermission) } });
    if (added.length > 0) await tx.rolePermission.createMany({ data: added.map((p) => ({ roleId, ...splitPermission(p) })), skipDuplicates: true });
    await tx.role.update({ where: { id: roleId }, data: { updatedAt: new Date() }, select: { id: true } });
    return asStrings(await tx.rolePermission.findMany({ where: { roleId }, ...ordered }));
  });
}

/** POST: the role keeps its permissions and gains `permissions` (200 with the whole set). */
export async function addRolePermissions(deps: Deps, actor: Actor, input: RoleScopeInput & { permissions: string[] }): Promise<string[]> {
  const scopeId = await guard(deps, actor, input, "add");
  const wanted = validated(input, input.permissions);
  return changePermissions(deps, scopeId, input.roleId, (current) => [...current, ...wanted]);
}

/** PUT: the role's permissions become exactly `permissions` (an empty list clears them). */
export async function setRolePermissions(deps: Deps, actor: Actor, input: RoleScopeInput & { permissions: string[] }): Promise<string[]> {
  const scopeId = await guard(deps, actor, input, "set");
  const wanted = validated(input, input.permissions);
  return changePermissions(deps, scopeId, input.roleId, () => wanted);
}

/** DELETE `?permissions=a,b` (none given: nothing removed, as in Cal.com) and DELETE `/{permission}`: 204. */
export async function removeRolePermissions(deps: Deps, actor: Actor, input: RoleScopeInput & { permissions?: string[]; permission?: string }): Promise<void> {
  const single = input.permission !== undefined;
  const scopeId = await guard(deps, actor, input, single ? "removeOne" : "removeMany");
  const unwanted = new Set(validated(input, single ? [input.permission as string] : (input.permissions ?? [])));
  await changePermissions(deps, scopeId, input.roleId, (current) => current.filter((p) => !unwanted.has(p)));
}
