import { z } from "@hono/zod-openapi";
import { randomHex } from "../crypto";
import { ApiError } from "../errors";
import type { Db } from "../services/db";
import { positiveInt } from "./limits";

// Private links (Cal.com's HashedLink): a secret URL that books an event type, hidden or not, until it expires
// at a date or after a number of uses (one use by default).

const DateTimeSchema = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2030-12-31T23:59:59.000Z" });

export const CreatePrivateLinkInputSchema = z
  .object({
    expiresAt: DateTimeSchema.optional().openapi({ example: "2030-12-31T23:59:59.000Z" }),
    maxUsageCount: positiveInt(1_000_000).optional().openapi({ example: 10 }),
  })
  .openapi("CreatePrivateLinkInput");

export const UpdatePrivateLinkInputSchema = z
  .object({
    expiresAt: DateTimeSchema.optional(),
    maxUsageCount: positiveInt(1_000_000).optional(),
  })
  .refine((body) => body.expiresAt !== undefined || body.maxUsageCount !== undefined, {
    message: "expiresAt or maxUsageCount is required",
    path: ["expiresAt"],
  })
  .openapi("UpdatePrivateLinkBody");

const linkBase = { linkId: z.string(), eventTypeId: z.number(), isExpired: z.boolean(), bookingUrl: z.string() };
export const PrivateLinkOutputSchema = z.union([
  z.object({ ...linkBase, expiresAt: z.string() }).openapi("TimeBasedPrivateLinkOutput"),
  z.object({ ...linkBase, maxUsageCount: z.number(), usageCount: z.number() }).openapi("UsageBasedPrivateLinkOutput"),
]);
export type PrivateLinkOutput = z.infer<typeof PrivateLinkOutputSchema>;

const success = z.literal("success");
export const CreatePrivateLinkOutputSchema = z.object({ status: success, data: PrivateLinkOutputSchema }).openapi("CreatePrivateLinkOutput");
export const GetPrivateLinksOutputSchema = z.object({ status: success, data: z.array(PrivateLinkOutputSchema) }).openapi("GetPrivateLinksOutput");
export const UpdatePrivateLinkOutputSchema = z.object({ status: success, data: PrivateLinkOutputSchema }).openapi("UpdatePrivateLinkOutput");
export const DeletePrivateLinkOutputSchema = z
  .object({ status: success, data: z.object({ linkId: z.string(), message: z.string() }) })
  .openapi("DeletePrivateLinkOutput");

export const PrivateLinkParamsSchema = z.object({
  eventTypeId: z.coerce
    .number({ error: "eventTypeId must be a number" })
    .int()
    .positive()
    .max(2147483647)
    .openapi({ param: { name: "eventTypeId", in: "path" } }),
  linkId: z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name: "linkId", in: "path" } }),
});

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
  if (!eventType) throw new ApiError("NotFoundException", `Event type with id ${eventTypeId} not found`);
  if (eventType.userId !== userId) {
    throw new ApiError("ForbiddenException", `User does not have permission to access event type ${eventTypeId}`);
  }
  return eventType;
}

const linkNotFound = (linkId: string) => new ApiError("NotFoundException", `Private link with ID ${linkId} not found for this event type`);

export async function createPrivateLink(
  db: Db,
  userId: number,
  eventTypeId: number,
  input: z.infer<typeof CreatePrivateLinkInputSchema>,
  websiteUrl: string,
): Promise<PrivateLinkOutput> {
  const { slug } = await ownedEventType(db, userId, eventTypeId);
  const link = await db.hashedLink.create({
    data: {
      link: randomHex(12),
      eventTypeId,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      // Neither given: a one-time link, as in Cal.com.
      maxUsageCount: input.maxUsageCount ?? (input.expiresAt ? null : 1),
    },
  });
  return toOutput(link, slug, websiteUrl);
}

export async function listPrivateLinks(db: Db, userId: number, eventTypeId: number, websiteUrl: string): Promise<PrivateLinkOutput[]> {
  const { slug } = await ownedEventType(db, userId, eventTypeId);
  const links = await db.hashedLink.findMany({ where: { eventTypeId }, orderBy: { id: "asc" } });
  return links.map((link) => toOutput(link, slug, websiteUrl));
}

/** Replaces the expiry rule, as Cal.com does: a date makes it time-based, a count usage-based. */
export async function updatePrivateLink(
  db: Db,
  userId: number,
  eventTypeId: number,
  linkId: string,
  input: z.infer<typeof UpdatePrivateLinkInputSchema>,
  websiteUrl: string,
): Promise<PrivateLinkOutput> {
  const { slug } = await ownedEventType(db, userId, eventTypeId);
  const { count } = await db.hashedLink.updateMany({
    where: { link: linkId, eventTypeId },
    data: { expiresAt: input.expiresAt ? new Date(input.expiresAt) : null, maxUsageCount: input.maxUsageCount ?? null },
  });
  if (count === 0) throw linkNotFound(linkId);
  const link = await db.hashedLink.findUniqueOrThrow({ where: { link: linkId } });
  return toOutput(link, slug, websiteUrl);
}

export async function deletePrivateLink(db: Db, userId: number, eventTypeId: number, linkId: string): Promise<void> {
  await ownedEventType(db, userId, eventTypeId);
  const { count } = await db.hashedLink.deleteMany({ where: { link: linkId, eventTypeId } });
  if (count === 0) throw linkNotFound(linkId);
}
