import { apiKeyExpiry, generateApiKey } from "../auth/api-keys";
import type { Actor } from "../auth/principal";
import { forgetApiKeys } from "../auth/strategies/api-key";
import type { Prisma } from "../generated/prisma/client";
import { type PaginationMeta, paginationMeta } from "../http/common";
import { type OrgRouteRequirement, requireOrgAccess } from "../organizations/access";
import { slugify } from "../platform/managed-users";
import type { Deps } from "../services";
import { isUniqueViolation } from "../teams/store";
import { managedOrganizationNotOwned, managedOrganizationSlugTaken, managerNotPlatform, slugNotDerivable } from "./errors";
import { type ManagedOrganizationOutput, type ManagedOrganizationWithApiKeyOutput, managedOrganizationSelect, toManagedOrganizationOutput } from "./output";
import type { CreateManagedOrganizationInput, ListManagedOrganizationsQuery, UpdateManagedOrganizationInput } from "./schemas";

// Managed organizations (Cal.com's OrganizationsOrganizationsController / ManagedOrganizationsService): a platform
// organization creates and runs other platform organizations for its customers. Every route is ORG_ADMIN with
// the SCALE plan; the routes naming one managed organization also need it to be this manager's
// (IsManagedOrgInManagerOrg, 403).

const GUARDS: OrgRouteRequirement = { role: "ORG_ADMIN", plan: "SCALE" };
const MAX_PAGE = 250;

export interface ManagedOrganizationIds {
  orgId: number;
  managedOrganizationId: number;
}

/**
 * Creates the managed organization in one transaction: the isOrganization + isPlatform Team, its link to the
 * manager, the caller's accepted OWNER membership and Profile, a PlatformBilling row inheriting the manager's
 * (plan, subscription and customer, as Cal.com copies them) and an API key of the caller scoped to the new
 * organization. The plain key is answered only here. Cal.com runs these as separate writes.
 */
export async function createManagedOrganization(
  deps: Deps,
  actor: Actor,
  { orgId, body }: { orgId: number; body: CreateManagedOrganizationInput },
): Promise<ManagedOrganizationWithApiKeyOutput> {
  const { organization } = await requireOrgAccess(deps, actor, orgId, GUARDS);
  if (!organization.isPlatform) throw managerNotPlatform();
  const { apiKeyDaysValid, apiKeyNeverExpires, name, metadata } = body;
  const slug = body.slug ?? slugify(name);
  if (!slug) throw slugNotDerivable();

  const [taken, caller, managerBilling] = await Promise.all([
    deps.db.managedOrganization.findFirst({ where: { managerOrganizationId: orgId, managedOrganization: { slug } }, select: { managedOrganizationId: true } }),
    deps.db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { username: true } }),
    deps.db.platformBilling.findUnique({ where: { id: orgId }, select: { plan: true, subscriptionId: true, customerId: true } }),
  ]);
  if (taken) throw managedOrganizationSlugTaken(slug);

  const { plain, hashedKey } = await generateApiKey(deps.env.API_KEY_PREFIX);
  try {
    const created = await deps.txDb.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: { name, slug, isOrganization: true, isPlatform: true, ...(metadata !== undefined ? { metadata } : {}) },
        select: managedOrganizationSelect,
      });
      await tx.managedOrganization.create({ data: { managedOrganizationId: team.id, managerOrganizationId: orgId } });
      await tx.membership.create({ data: { teamId: team.id, userId: actor.userId, role: "OWNER", accepted: true } });
      await tx.profile.create({
        data: { uid: crypto.randomUUID(), userId: actor.userId, organizationId: team.id, username: caller.username || `${team.name}-${actor.userId}` },
      });
      // The guards let only a platform manager with a SCALE subscription this far, so its billing row exists.
      await tx.platformBilling.create({
        data: {
          id: team.id,
          plan: managerBilling?.plan ?? "SCALE",
          subscriptionId: managerBilling?.subscriptionId ?? null,
          customerId: managerBilling?.customerId ?? "",
        },
      });
      await tx.apiKey.create({
        data: {
          userId: actor.userId,
          teamId: team.id,
          hashedKey,
          note: `Managed organization API key. ManagerOrgId: ${orgId}. ManagedOrgId: ${team.id}`,
          expiresAt: apiKeyExpiry(apiKeyDaysValid, apiKeyNeverExpires ?? false),
        },
      });
      return team;
    });
    return { ...toManagedOrganizationOutput(created), apiKey: plain };
  } catch (error) {
    // The slug is unique among every organization and standalone team (Team_slug_standalone_key), not only
    // among this manager's: a slug taken elsewhere, or by a concurrent create, is the same 409.
    if (isUniqueViolation(error)) throw managedOrganizationSlugTaken(slug);
    throw error;
  }
}

/** Cal.com matches metadata values as strings; a value that reads as a number or a boolean also matches one. */
function metadataFilter(key: string, value: string): Prisma.TeamWhereInput {
  const candidates: Prisma.InputJsonValue[] = [value];
  if (value.trim() !== "" && Number.isFinite(Number(value))) candidates.push(Number(value));
  if (value === "true" || value === "false") candidates.push(value === "true");
  return { OR: candidates.map((equals) => ({ metadata: { path: [key], equals } })) };
}

/** The manager's organizations, by id, filtered by slug and by one metadata entry. */
export async function listManagedOrganizations(
  deps: Deps,
  actor: Actor,
  { orgId, query }: { orgId: number; query: ListManagedOrganizationsQuery },
): Promise<{ organizations: ManagedOrganizationOutput[]; pagination: PaginationMeta }> {
  const { slug, metadataKey, metadataValue } = query;
  const skip = query.skip ?? 0;
  const take = query.take ?? MAX_PAGE;
  const filter: Prisma.TeamWhereInput = {
    ...(slug !== undefined ? { slug } : {}),
    ...(metadataKey !== undefined && metadataValue !== undefined ? metadataFilter(metadataKey, metadataValue) : {}),
  };
  const where: Prisma.ManagedOrganizationWhereInput = { managerOrganizationId: orgId, managedOrganization: filter };
  // The guards and the page in one round trip; the page is answered only when the guards pass.
  const [, totalItems, rows] = await Promise.all([
    requireOrgAccess(deps, actor, orgId, GUARDS),
    deps.db.managedOrganization.count({ where }),
    deps.db.managedOrganization.findMany({
      where,
      skip,
      take,
      orderBy: { managedOrganizationId: "asc" },
      select: { managedOrganization: { select: managedOrganizationSelect } },
    }),
  ]);
  return { organizations: rows.map((row) => toManagedOrganizationOutput(row.managedOrganization)), pagination: paginationMeta(totalItems, skip, take) };
}

/** The guards of a `/{managedOrganizationId}` route, and the managed organization they found. */
async function requireManagedOrganization(deps: Deps, actor: Actor, { orgId, managedOrganizationId }: ManagedOrganizationIds) {
  const [, link] = await Promise.all([
    requireOrgAccess(deps, actor, orgId, GUARDS),
    deps.db.managedOrganization.findUnique({
      where: { managedOrganizationId },
      select: { managerOrganizationId: true, managedOrganization: { select: managedOrganizationSelect } },
    }),
  ]);
  if (!link || link.managerOrganizationId !== orgId) throw managedOrganizationNotOwned(managedOrganizationId, orgId);
  return link.managedOrganization;
}

export async function getManagedOrganization(deps: Deps, actor: Actor, ids: ManagedOrganizationIds): Promise<ManagedOrganizationOutput> {
  return toManagedOrganizationOutput(await requireManagedOrganization(deps, actor, ids));
}

/** Changes the name and/or the metadata (replaced whole, as Cal.com). */
export async function updateManagedOrganization(
  deps: Deps,
  actor: Actor,
  { body, ...ids }: ManagedOrganizationIds & { body: UpdateManagedOrganizationInput },
): Promise<ManagedOrganizationOutput> {
  const current = await requireManagedOrganization(deps, actor, ids);
  if (body.name === undefined && body.metadata === undefined) return toManagedOrganizationOutput(current);
  const updated = await deps.db.team.update({ where: { id: ids.managedOrganizationId }, data: body, select: managedOrganizationSelect });
  return toManagedOrganizationOutput(updated);
}

/**
 * Deletes the managed organization and answers it as it was. The database cascades to its teams, memberships,
 * profiles, billing, OAuth clients and event types; its API keys and webhooks (which carry the organization's id
 * without a foreign key) are deleted in the same transaction, and the keys evicted from the auth cache, so the key
 * made at creation stops working at once.
 */
export async function deleteManagedOrganization(deps: Deps, actor: Actor, ids: ManagedOrganizationIds): Promise<ManagedOrganizationOutput> {
  await requireManagedOrganization(deps, actor, ids);
  const { managedOrganizationId } = ids;
  const { deleted, hashedKeys } = await deps.txDb.$transaction(async (tx) => {
    const teams = await tx.team.findMany({ where: { OR: [{ id: managedOrganizationId }, { parentId: managedOrganizationId }] }, select: { id: true } });
    const teamIds = teams.map((team) => team.id);
    const keys = await tx.apiKey.findMany({ where: { teamId: { in: teamIds } }, select: { hashedKey: true } });
    await tx.apiKey.deleteMany({ where: { teamId: { in: teamIds } } });
    await tx.webhook.deleteMany({ where: { teamId: { in: teamIds } } });
    const deleted = await tx.team.delete({ where: { id: managedOrganizationId }, select: managedOrganizationSelect });
    return { deleted, hashedKeys: keys.map((key) => key.hashedKey) };
  });
  await forgetApiKeys(deps, hashedKeys);
  return toManagedOrganizationOutput(deleted);
}
