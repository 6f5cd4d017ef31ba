// A booking's video meeting (Cal.com's EventManager video step), after the booking is committed: for a location of
// `integrations:daily` (Cal Video, when DAILY_API_KEY is set) or `integrations:zoom` (the organizer's Zoom
// credential, else the team's), the meeting is created, a BookingReference written and `metadata.videoCallUrl` set
// (Daily: <WEBSITE_URL>/video/<uid>, as Cal.com; Zoom: the join URL), which is the booking's `location`/`meetingUrl`
// in the API. A provider failure never fails the booking: it is logged, and the booking keeps its location string.
import type { Credential, Prisma } from "../generated/prisma/client";
import type { Deps } from "../services";
import { VideoProviderError } from "./errors";
import { videoProviderFor } from "./provider";

export interface MeetingBooking {
  id: number;
  uid: string;
  userId: number | null;
  title: string;
  description: string | null;
  startTime: Date;
  endTime: Date;
  location: string | null;
  metadata: Record<string, unknown> | null;
  user: { timeZone: string } | null;
}

const VIDEO_LOCATIONS = new Set(["integrations:daily", "integrations:zoom"]);

async function zoomCredentialOf(deps: Deps, booking: MeetingBooking): Promise<Credential | null> {
  if (booking.userId === null) return null;
  const usable = { OR: [{ invalid: null }, { invalid: false }] };
  const own = await deps.db.credential.findFirst({ where: { userId: booking.userId, type: "zoom_video", ...usable }, orderBy: { id: "desc" } });
  if (own) return own;
  const row = await deps.db.booking.findUnique({ where: { id: booking.id }, select: { eventType: { select: { teamId: true } } } });
  const teamId = row?.eventType?.teamId;
  if (!teamId) return null;
  return deps.db.credential.findFirst({ where: { teamId, type: "zoom_video", OR: [{ invalid: null }, { invalid: false }] }, orderBy: { id: "desc" } });
}

/** Creates the meeting of each booking that needs one; answers the bookings with their new metadata. */
export async function createBookingMeetings<B extends MeetingBooking>(deps: Deps, bookings: readonly B[]): Promise<B[]> {
  const out: B[] = [];
  for (const booking of bookings) {
    if (!booking.location || !VIDEO_LOCATIONS.has(booking.location)) {
      out.push(booking);
      continue;
    }
    try {
      const credential = booking.location === "integrations:zoom" ? await zoomCredentialOf(deps, booking) : null;
      const provider = videoProviderFor(deps, booking.location, credential);
      if (!provider) {
        out.push(booking);
        continue;
      }
      const meeting = await provider.createMeeting({
        uid: booking.uid,
        title: booking.title,
        description: booking.description,
        start: booking.startTime,
        end: booking.endTime,
        timeZone: booking.user?.timeZone ?? "UTC",
      });
      const videoCallUrl = meeting.type === "daily_video" ? `${deps.env.WEBSITE_URL.replace(/\/+$/, "")}/video/${booking.uid}` : meeting.url;
      const metadata = { ...(booking.metadata ?? {}), videoCallUrl };
      await deps.txDb.$transaction([
        deps.txDb.bookingReference.create({
          data: {
            type: meeting.type,
            uid: meeting.id,
            meetingId: meeting.id,
            meetingPassword: meeting.password,
            meetingUrl: meeting.url,
            credentialId: credential?.id ?? null,
            bookingId: booking.id,
          },
        }),
        deps.txDb.booking.update({ where: { id: booking.id }, data: { metadata: metadata as Prisma.InputJsonValue } }),
      ]);
      out.push({ ...booking, metadata });
    } catch (error) {
      const status = error instanceof VideoProviderError ? error.status : undefined;
      deps.logger.warn("video meeting not created", {
        bookingUid: booking.uid,
        location: booking.location,
        status,
        reason: error instanceof Error ? error.message : String(error),
      });
      out.push(booking);
    }
  }
  return out;
}

/**
 * After a cancellation (Cal.com's handleCancelBooking): the video meetings of the cancelled booking (and of its
 * cancelled series) are deleted at the provider, best effort, and every such reference is marked `deleted`.
 */
export async function deleteCancelledBookingMeetings(deps: Deps, booking: { uid: string; recurringEventId: string | null }): Promise<void> {
  const references = await deps.db.bookingReference.findMany({
    where: {
      type: { in: ["daily_video", "zoom_video"] },
      // `deleted` is NULL on a live reference (SQL's `<> true` would skip it).
      OR: [{ deleted: null }, { deleted: false }],
      booking: { status: "CANCELLED", OR: [{ uid: booking.uid }, ...(booking.recurringEventId ? [{ recurringEventId: booking.recurringEventId }] : [])] },
    },
    include: { credential: true },
  });
  if (references.length === 0) return;
  for (const reference of references) {
    const location = reference.type === "daily_video" ? "integrations:daily" : "integrations:zoom";
    const provider = videoProviderFor(deps, location, reference.credential);
    if (!provider || !reference.meetingId) continue;
    try {
      await provider.deleteMeeting(reference.meetingId);
    } catch (error) {
      deps.logger.warn("video meeting not deleted", {
        bookingUid: booking.uid,
        type: reference.type,
        status: error instanceof VideoProviderError ? error.status : undefined,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  await deps.db.bookingReference.updateMany({ where: { id: { in: references.map((r) => r.id) } }, data: { deleted: true } });
}
