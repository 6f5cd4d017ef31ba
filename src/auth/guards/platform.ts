import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../context";
import { ApiError, forbidden } from "../../errors";
import type { MembershipRole, PlatformOAuthClient } from "../../generated/prisma/client";

// Cal.com's guards in front of the platform routes (/v2/oauth-clients…), as route middleware so they run
// before input validation, as Nest guards run before pipes.

declare module "hono" {
  interface ContextVariableMap {
    /** The caller's organization, once resolved (memoised for the request). */
    callerOrganizationId: number | null;
    /** The `:clientId` OAuth client, once OAuthClientGuard has checked it belongs to the caller's organization. */
    guardedOAuthClient: PlatformOAuthClient;
  }
}

// Cal.com: the organization the credential carries (API key's team, OAuth client's organization, managed
// user's organization), else the user's own organization.
export async function callerOrganizationId(c: Context<AppEnv>): Promise<number | null> {
  const memo = c.get("callerOrganizationId");
  if (memo !== undefined) return memo;
  const principal = c.var.principal;
  let organizationId = principal?.organizationId ?? null;
  if (principal && organizationId === null) {
    const user = await c.var.deps.db.user.findUnique({ where: { id: principal.userId }, select: { organizationId: true } });
    organizationId = user?.organizationId ?? null;
  }
  c.set("callerOrganizationId", organizationId);
  return organizationId;
}

/** Cal.com's OrganizationRolesGuard with @MembershipRoles: a platform organization the caller belongs to, in one of `roles`. */
export const organizationRoles =
  (roles: readonly MembershipRole[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const guard = "OrganizationRolesGuard";
    const principal = c.var.principal;
    const organizationId = await callerOrganizationId(c);
    if (!principal || !organizationId) throw forbidden(guard, "No organization associated with the user.");
    const organization = await c.var.deps.db.team.findUnique({
      where: { id: organizationId },
      select: { isPlatform: true, members: { where: { userId: principal.userId }, select: { accepted: true, role: true } } },
    });
    if (!organization?.isPlatform) throw forbidden(guard, "Organization is not a platform (SHP).");
    const membership = organization.members[0];
    // Cal.com reads the membership with findUniqueOrThrow, so a missing one surfaces as Prisma's 404.
    if (!membership) throw new ApiError("NOT_FOUND", "Invalid Query: The requested record was not found.");
    if (!membership.accepted) throw forbidden(guard, "User has not accepted membership in the organization.");
    if (roles.length > 0 && !roles.includes(membership.role)) {
      throw forbidden(guard, `User must have one of the roles: ${roles.join(", ")}.`);
    }
    await next();
  };

/** Cal.com's OAuthClientGuard: the `:clientId` client exists and belongs to the caller's organization. */
export const oAuthClientOfCallerOrganization: MiddlewareHandler<AppEnv> = async (c, next) => {
  const guard = "OAuthClientGuard";
  const clientId = c.req.param("clientId");
  if (!clientId) throw forbidden(guard, "No OAuth client associated with the request.");
  const organizationId = await callerOrganizationId(c);
  if (!c.var.principal || !organizationId) throw forbidden(guard, "No organization associated with the user.");
  const client = await c.var.deps.db.platformOAuthClient.findUnique({ where: { id: clientId } });
  if (!client) throw new ApiError("NotFoundException", `${guard} - OAuth client not found.`);
  if (client.organizationId !== organizationId) {
    throw forbidden(guard, `forbidden. oAuth client with id=${clientId} does not belong to the organization with id=${organizationId}.`);
  }
  c.set("guardedOAuthClient", client);
  await next();
};
