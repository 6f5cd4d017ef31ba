import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../context";
import { ApiError, forbidden, notFound, recordNotFound } from "../../errors";
import type { MembershipRole, PlatformOAuthClient } from "../../generated/prisma/client";
import type { Deps } from "../../services";
import type { Actor } from "../principal";

// Cal.com's guards in front of the platform routes (/v2/oauth-clients…). The checks are plain functions the
// domain can call; the middleware below wraps them so routes run them before input validation, as Nest guards
// run before pipes.

declare module "hono" {
  interface ContextVariableMap {
    /** The `:clientId` OAuth client, once OAuthClientGuard has checked it belongs to the caller's organization. */
    guardedOAuthClient: PlatformOAuthClient;
  }
}

const ORGANIZATION_ROLES_GUARD = "OrganizationRolesGuard";
const OAUTH_CLIENT_GUARD = "OAuthClientGuard";

const noOrganization = (guard: string) => forbidden(guard, "No organization associated with the user.");
// Cal.com reads the membership with findUniqueOrThrow, so a missing one surfaces as Prisma's 404.

// One lookup per caller and request: the actor object lives exactly as long as its request.
const organizationOfActor = new WeakMap<Actor, Promise<number | null>>();

/**
 * Cal.com: the organization the credential carries (API key's team, OAuth client's organization, managed
 * user's organization), else the user's own organization.
 */
export function callerOrganizationIdOf(deps: Deps, actor: Actor | undefined): Promise<number | null> {
  if (!actor) return Promise.resolve(null);
  let organizationId = organizationOfActor.get(actor);
  if (!organizationId) {
    organizationId =
      actor.organizationId !== null
        ? Promise.resolve(actor.organizationId)
        : deps.db.user.findUnique({ where: { id: actor.userId }, select: { organizationId: true } }).then((user) => user?.organizationId ?? null);
    organizationOfActor.set(actor, organizationId);
  }
  return organizationId;
}

/** The caller's membership of an organization (accepted or not), or null. */
export async function membershipRoleIn(deps: Deps, userId: number, organizationId: number): Promise<{ accepted: boolean; role: MembershipRole } | null> {
  return deps.db.membership.findFirst({ where: { userId, teamId: organizationId }, select: { accepted: true, role: true } });
}

/** Whether the caller is an accepted ADMIN or OWNER of the organization. */
export async function isOrgAdmin(deps: Deps, actor: Actor, organizationId: number): Promise<boolean> {
  const membership = await membershipRoleIn(deps, actor.userId, organizationId);
  return membership?.accepted === true && (membership.role === "ADMIN" || membership.role === "OWNER");
}

/**
 * Cal.com's OrganizationRolesGuard with @MembershipRoles: the caller belongs to the platform organization, has
 * accepted, and holds one of `roles` (any role when empty). Throws its 403s (and Prisma's 404 for no membership).
 */
export async function requireOrgRole(deps: Deps, actor: Actor | undefined, organizationId: number | null, roles: readonly MembershipRole[]): Promise<void> {
  if (!actor || !organizationId) throw noOrganization(ORGANIZATION_ROLES_GUARD);
  const organization = await deps.db.team.findUnique({
    where: { id: organizationId },
    select: { isPlatform: true, members: { where: { userId: actor.userId }, select: { accepted: true, role: true } } },
  });
  if (!organization?.isPlatform) throw forbidden(ORGANIZATION_ROLES_GUARD, "Organization is not a platform (SHP).");
  const membership = organization.members[0];
  if (!membership) throw recordNotFound();
  if (!membership.accepted) throw forbidden(ORGANIZATION_ROLES_GUARD, "User has not accepted membership in the organization.");
  if (roles.length > 0 && !roles.includes(membership.role)) {
    throw forbidden(ORGANIZATION_ROLES_GUARD, `User must have one of the roles: ${roles.join(", ")}.`);
  }
}

/** Cal.com's OAuthClientGuard: the client exists and belongs to the caller's organization; answers the client. */
export async function requireOAuthClientOfCaller(deps: Deps, actor: Actor | undefined, clientId: string | undefined): Promise<PlatformOAuthClient> {
  if (!clientId) throw forbidden(OAUTH_CLIENT_GUARD, "No OAuth client associated with the request.");
  const organizationId = await callerOrganizationIdOf(deps, actor);
  if (!actor || !organizationId) throw noOrganization(OAUTH_CLIENT_GUARD);
  const client = await deps.db.platformOAuthClient.findUnique({ where: { id: clientId } });
  if (!client) throw notFound(`${OAUTH_CLIENT_GUARD} - OAuth client not found.`);
  if (client.organizationId !== organizationId) {
    throw forbidden(OAUTH_CLIENT_GUARD, `forbidden. oAuth client with id=${clientId} does not belong to the organization with id=${organizationId}.`);
  }
  return client;
}

// ---------------------------------------------------------------------------------------------------------
// Route middleware over the checks above

/** The caller's organization (see callerOrganizationIdOf), for middleware that holds the context. */
export const callerOrganizationId = (c: Context<AppEnv>): Promise<number | null> => callerOrganizationIdOf(c.var.deps, c.var.principal);

/** OrganizationRolesGuard as route middleware. */
export const organizationRoles =
  (roles: readonly MembershipRole[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await requireOrgRole(c.var.deps, c.var.principal, await callerOrganizationId(c), roles);
    await next();
  };

/** OAuthClientGuard as route middleware: the checked client is then `c.get("guardedOAuthClient")`. */
export const oAuthClientOfCallerOrganization: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("guardedOAuthClient", await requireOAuthClientOfCaller(c.var.deps, c.var.principal, c.req.param("clientId")));
  await next();
};

// Cal.com's OAuthClientUsersController guards: ApiAuthGuard, OAuthClientGuard, OrganizationRolesGuard with ADMIN or OWNER.
export const managedUsersGuards = [oAuthClientOfCallerOrganization, organizationRoles(["ADMIN", "OWNER"])];
