// Storage of the booking calendar events: the booking as the event shows it, the live BookingReference rows we
// write (syncState not null, not deleted; one per booking, by a partial unique index), leases on them, and the
// organizer's destination calendar by Cal.com's rule.
import type { Credential, Prisma } from "../../generated/prisma/client";
import type { Db } from "../../services/db";
import { hasCalendarProvider } from "../providers";

export async function findEventBooking(db: Db, uid: string) {
  return db.booking.findUnique({
    where: { uid },
    select: {
      id: true,
      uid: true,
      status: true,
      title: true,
      description: true,
      startTime: true,
      endTime: true,
      location: true,
      metadata: true,
      userId: true,
      rescheduled: true,
      fromReschedule: true,
      recurringEventId: true,
      user: { select: { name: true, email: true, timeZone: true } },
      eventType: { select: { description: true } },
      attendees: { select: { name: true, email: true, timeZone: true }, orderBy: { id: "asc" } },
    },
  });
}

export type EventBooking = NonNullable<Awaited<ReturnType<typeof findEventBooking>>>;

const LIVE = { syncState: { not: null }, OR: [{ deleted: null }, { deleted: false }] } satisfies Prisma.BookingReferenceWhereInput;

export function liveReferences(db: Db, bookingId: number) {
  return db.bookingReference.findMany({ where: { bookingId, ...LIVE }, orderBy: { id: "asc" } });
}

export type LiveReference = Awaited<ReturnType<typeof liveReferences>>[number];

/**
 * Hands a moved booking's live calendar write to the booking that replaced it (Cal.com: the new booking inherits
 * the references and the event is updated in place), unless that one already has its own. Returns how many moved.
 */
export async function carryReferences(db: Db, fromBookingId: number, toBookingId: number): Promise<number> {
  try {
    return await db.$executeRaw`
      UPDATE "BookingReference" SET "bookingId" = ${toBookingId}
      WHERE "bookingId" = ${fromBookingId} AND "syncState" IS NOT NULL AND "deleted" IS NOT TRUE
        AND NOT EXISTS (SELECT 1 FROM "BookingReference" r
                        WHERE r."bookingId" = ${toBookingId} AND r."syncState" IS NOT NULL AND r."deleted" IS NOT TRUE)`;
  } catch {
    // A concurrent consumer gave the new booking a write of its own (the unique index): the old one is deleted.
    return 0;
  }
}

/**
 * A Google Meet / Teams link the calendar provider made for the booking becomes its `metadata.videoCallUrl` (Cal.com:
 * Meet's hangoutLink, Teams' joinUrl), merged into the stored metadata in one statement so no other key is lost;
 * answers whether it changed.
 */
export async function setBookingVideoCallUrl(db: Db, bookingId: number, url: string): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE "Booking" SET "metadata" = COALESCE("metadata", '{}'::jsonb) || jsonb_build_object('videoCallUrl', ${url}::text)
    WHERE "id" = ${bookingId} AND "metadata"->>'videoCallUrl' IS DISTINCT FROM ${url}::text`;
  return changed > 0;
}

/** The booking a moved (cancelled, rescheduled) booking was replaced by, if any. */
export function findSuccessor(db: Db, uid: string) {
  return db.booking.findFirst({ where: { fromReschedule: uid }, orderBy: { id: "desc" }, select: { id: true, uid: true } });
}

export function findBookingIdAndStatus(db: Db, uid: string) {
  return db.booking.findUnique({ where: { uid }, select: { id: true, status: true } });
}

export async function seriesUids(db: Db, uid: string): Promise<string[]> {
  const booking = await db.booking.findUnique({ where: { uid }, select: { recurringEventId: true } });
  if (!booking?.recurringEventId) return [uid];
  const series = await db.booking.findMany({ where: { recurringEventId: booking.recurringEventId }, select: { uid: true }, orderBy: { startTime: "asc" } });
  return [uid, ...series.map((b) => b.uid).filter((other) => other !== uid)];
}

/** Starts a write for the booking: a reference with no uid yet and the provider id its first attempt will use. */
export async function createPendingReference(db: Db, bookingId: number, target: CalendarTarget): Promise<void> {
  try {
    await db.bookingReference.create({
      data: {
        bookingId,
        type: target.credential.type,
        uid: "",
        externalCalendarId: target.externalId,
        credentialId: target.credential.id,
        syncState: "pending",
        syncEventId: crypto.randomUUID(),
      },
    });
  } catch (error) {
    // Another consumer started it first (the unique index): that row is the one.
    if (!(error instanceof Error && /Unique constraint|P2002|unique/i.test(error.message))) throw error;
  }
}

/** Claims the row for one attempt; false when another consumer holds it (then `leaseUntil` says until when). */
export async function claimReference(db: Db, id: number, now: Date, leaseUntil: Date): Promise<boolean> {
  const claimed = await db.bookingReference.updateMany({
    where: { id, OR: [{ syncLeaseUntil: null }, { syncLeaseUntil: { lt: now } }] },
    data: { syncLeaseUntil: leaseUntil },
  });
  return claimed.count === 1;
}

export function updateReference(db: Db, id: number, data: Parameters<Db["bookingReference"]["update"]>[0]["data"]) {
  return db.bookingReference.update({ where: { id }, data: { ...data, syncLeaseUntil: null } });
}

// Calendars a booking can be written to: a provider that writes (ICS feeds are read-only).
const isWritable = (credential: Pick<Credential, "type" | "invalid">) =>
  hasCalendarProvider(credential.type) && credential.type !== "ics-feed_calendar" && credential.invalid !== true;

export interface CalendarTarget {
  credential: Credential;
  /** null: the connection's primary calendar, resolved with the provider when the event is written. */
  externalId: string | null;
}

/**
 * Where the organizer's bookings go (Cal.com's EventManager): the destination calendar with its credential; else
 * the first connected calendar credential of the destination's integration, else the first connected calendar
 * credential at all, into its first selected calendar or, with none selected, its primary calendar.
 */
export async function findCalendarTarget(db: Db, userId: number): Promise<CalendarTarget | null> {
  const [destination, credentials] = await Promise.all([
    db.destinationCalendar.findUnique({ where: { userId }, include: { credential: true } }),
    db.credential.findMany({ where: { userId, type: { endsWith: "_calendar" } }, orderBy: { id: "asc" } }),
  ]);
  if (destination?.credential && isWritable(destination.credential)) return { credential: destination.credential, externalId: destination.externalId };
  const writable = credentials.filter(isWritable);
  const sameIntegration = destination ? writable.find((c) => c.type === destination.integration) : undefined;
  if (destination && sameIntegration) return { credential: sameIntegration, externalId: destination.externalId };
  const credential = writable[0];
  if (!credential) return null;
  const selected = await db.selectedCalendar.findFirst({
    where: { userId, credentialId: credential.id, eventTypeId: null },
    orderBy: { createdAt: "asc" },
    select: { externalId: true },
  });
  return { credential, externalId: selected?.externalId ?? null };
}
