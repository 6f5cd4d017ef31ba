import type { Actor } from "../auth/principal";
import { randomHex } from "../crypto";
import type { Deps } from "../services";
import type { Db } from "../services/db";
import { requireTeamScopeRole, type TeamScope } from "../teams/scope";
import { eventTypeAccessDenied, eventTypeNotFound, privateLinkNotFound } from "./errors";
import type { PrivateLinkOutput } from "./output";
import type { CreatePrivateLinkInput, EventTypeIdInput, PrivateLinkIdInput, UpdatePrivateLinkInput } from "./schemas";

// Private links (Cal.com's HashedLink): a secret URL that books an event type, hidden or not, until it expires
// at a date or after a number of uses (one use by default). Booking URLs are built on the deployment's WEBSITE_URL.
// The same functions serve a team's event types (`teamId` set, from `/v2/organizations/{orgId}/teams/{teamId}/
// event-types/{eventTypeId}/private-links`): a team ADMIN or OWNER (or an org admin), and the team's event type.
// Links are random (12 bytes), never derived from an id or the time.

interface StoredLink {
  link: string;
  eventTypeId: number;
  expiresAt: Date | null;
  maxUsageCount: number | null;
  usageCount: number;
}

/** Expired once its date has passed or its uses are spent. */
export function isLinkExpired(link: Pick<StoredLink, "expiresAt" | "maxUsageCount" | "usageCount">, now = new Date()): boolean {
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return true;
  return link.maxUsageCount !== null && link.usageCount >= link.maxUsageCount;
}

function toOutput(link: StoredLink, slug: string, websiteUrl: string): PrivateLinkOutput {
  const base = {
    linkId: link.link,
    eventTypeId: link.eventTypeId,
    isExpired: isLinkExpired(link),
    bookingUrl: `${websiteUrl.replace(/\/$/, "")}/d/${link.link}/${slug}`,
  };
  return link.expiresAt
    ? { ...base, expiresAt: link.expiresAt.toISOString() }
    : { ...base, maxUsageCount: link.maxUsageCount ?? 0, usageCount: link.usageCount };
}

/** The caller's event type: unknown is 404, someone else's is 403 (Cal.com's permission message). */
async function ownedEventType(db: Db, userId: number, eventTypeId: number): Promise<{ slug: string }> {
  const eventType = await db.eventType.findUnique({ where: { id: eventTypeId }, select: { userId: true, slug: true } });
  if (!eventType) throw eventTypeNotFound(eventTypeId);
  if (eventType.userId !== userId) throw eventTypeAccessDenied(eventTypeId);
  return eventType;
}

/** Whose event type: the caller's own (no `teamId`), or the team's (TEAM_ADMIN; another team's is a 404). */
type LinkScope = Partial<TeamScope>;

async function linkedEventType(deps: Deps, actor: Actor, { eventTypeId, teamId, orgId }: EventTypeIdInput & LinkScope): Promise<{ slug: string }> {
  if (teamId === undefined) return ownedEventType(deps.db, actor.userId, eventTypeId);
  await requireTeamScopeRole(deps, actor, { teamId, orgId }, "TEAM_ADMIN");
  const eventType = await deps.db.eventType.findFirst({ where: { id: eventTypeId, teamId }, select: { slug: true } });
  if (!eventType) throw eventTypeNotFound(eventTypeId);
  return eventType;
}

export async function createPrivateLink(
  deps: Deps,
  actor: Actor,
  { body, ...ids }: EventTypeIdInput & LinkScope & { body: CreatePrivateLinkInput },
): Promise<PrivateLinkOutput> {
  const { eventTypeId } = ids;
  const { slug } = await linkedEventType(deps, actor, ids);
  const link = await deps.db.hashedLink.create({
    data: {
      link: randomHex(12),
      eventTypeId,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      // Neither given: a one-time link, as in Cal.com.
      maxUsageCount: body.maxUsageCount ?? (body.expiresAt ? null : 1),
    },
  });
  return toOutput(link, slug, deps.env.WEBSITE_URL);
}

export async function listPrivateLinks(deps: Deps, actor: Actor, ids: EventTypeIdInput & LinkScope): Promise<PrivateLinkOutput[]> {
  const { eventTypeId } = ids;
  const { slug } = await linkedEventType(deps, actor, ids);
  const links = await deps.db.hashedLink.findMany({ where: { eventTypeId }, orderBy: { id: "asc" } });
  return links.map((link) => toOutput(link, slug, deps.env.WEBSITE_URL));
}

/** Replaces the expiry rule, as Cal.com does: a date makes it time-based, a count usage-based. */
export async function updatePrivateLink(
  deps: Deps,
  actor: Actor,
  { linkId, body, ...ids }: PrivateLinkIdInput & LinkScope & { body: UpdatePrivateLinkInput },
): Promise<PrivateLinkOutput> {
  const { db } = deps;
  const { eventTypeId } = ids;
  const { slug } = await linkedEventType(deps, actor, ids);
  const { count } = await db.hashedLink.updateMany({
    where: { link: linkId, eventTypeId },
    data: { expiresAt: body.expiresAt ? new Date(body.expiresAt) : null, maxUsageCount: body.maxUsageCount ?? null },
  });
  if (count === 0) throw privateLinkNotFound(linkId);
  const link = await db.hashedLink.findUniqueOrThrow({ where: { link: linkId } });
  return toOutput(link, slug, deps.env.WEBSITE_URL);
}

/** Cal.com answers what was deleted with a fixed message. */
export async function deletePrivateLink(
  deps: Deps,
  actor: Actor,
  { linkId, ...ids }: PrivateLinkIdInput & LinkScope,
): Promise<{ linkId: string; message: string }> {
  const { eventTypeId } = ids;
  await linkedEventType(deps, actor, ids);
  const { count } = await deps.db.hashedLink.deleteMany({ where: { link: linkId, eventTypeId } });
  if (count === 0) throw privateLinkNotFound(linkId);
  return { linkId, message: "Private link deleted successfully" };
}
