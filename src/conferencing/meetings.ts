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

const meetingInput = (booking: MeetingBooking) => ({
  uid: booking.uid,
  title: booking.title,
  description: booking.description,
  start: booking.startTime,
  end: booking.endTime,
  timeZone: booking.user?.timeZone ?? "UTC",
});

/** Cal.com's videoCallUrl of a meeting: Daily's is the booking's own page, others the join URL. */
const videoCallUrlOf = (deps: Deps, type: string, bookingUid: string, url: string) =>
  type === "daily_video" ? `${deps.env.WEBSITE_URL.replace(/\/+$/, "")}/video/${bookingUid}` : url;

const locationOfReference = (type: string) => (type === "daily_video" ? "integrations:daily" : "integrations:zoom");

function logVideoFailure(deps: Deps, message: string, bookingUid: string, extra: Record<string, unknown>, error: unknown) {
  deps.logger.warn(message, {
    bookingUid,
    ...extra,
    status: error instanceof VideoProviderError ? error.status : undefined,
    reason: error instanceof Error ? error.message : String(error),
  });
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
      const meeting = await provider.createMeeting(meetingInput(booking));
      const videoCallUrl = videoCallUrlOf(deps, meeting.type, booking.uid, meeting.url);
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
      logVideoFailure(deps, "video meeting not created", booking.uid, { location: booking.location }, error);
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
      logVideoFailure(deps, "video meeting not deleted", booking.uid, { type: reference.type }, error);
    }
  }
  await deps.db.bookingReference.updateMany({ where: { id: { in: references.map((r) => r.id) } }, data: { deleted: true } });
}

/**
 * After a reschedule has committed (Cal.com's EventManager.reschedule, its video part; the new booking inherits the
 * old one's references): the old booking's live Daily/Zoom meetings follow the move.
 * - Same organizer: each meeting is updated in place (Daily: the room's expiry, end + 14 days; Zoom: PATCH
 *   of the time), its reference moves to the new booking, and `metadata.videoCallUrl` follows (Daily's is
 *   `<WEBSITE_URL>/video/<new uid>`; Zoom's join URL stays). A provider failure is logged; the meeting is kept.
 * - Another organizer (a team booking whose host changed): the old meeting is deleted and a new one created with
 *   the new organizer's credential, as Cal.com does.
 * - Awaiting confirmation again: kept and moved like an accepted booking's. Cal.com deletes them and creates new ones
 *   on confirmation; here a pending booking already gets its meeting when it is created and confirming creates none,
 *   so deleting would leave the confirmed booking without one.
 * - No meeting before (its creation had failed): one is created now.
 * Never throws; answers the moved booking with its metadata as stored.
 */
export async function moveBookingMeetings<B extends MeetingBooking>(deps: Deps, old: { id: number; uid: string; userId: number | null }, moved: B): Promise<B> {
  try {
    const references = await deps.db.bookingReference.findMany({
      where: { bookingId: old.id, type: { in: ["daily_video", "zoom_video"] }, OR: [{ deleted: null }, { deleted: false }] },
      include: { credential: true },
    });
    if (references.length === 0) return (await createBookingMeetings(deps, [moved]))[0]!;
    const { videoCallUrl: _old, ...rest } = moved.metadata ?? {};
    const replace = old.userId !== moved.userId;
    let videoCallUrl: string | undefined;
    for (const reference of references) {
      const provider = videoProviderFor(deps, locationOfReference(reference.type), reference.credential);
      if (replace) {
        try {
          if (provider && reference.meetingId) await provider.deleteMeeting(reference.meetingId);
        } catch (error) {
          logVideoFailure(deps, "video meeting not deleted", moved.uid, { type: reference.type }, error);
        }
        await deps.db.bookingReference.update({ where: { id: reference.id }, data: { deleted: true } });
        continue;
      }
      let updated: { password: string; url: string } = { password: "", url: "" };
      try {
        if (provider && reference.meetingId) updated = await provider.updateMeeting(reference.meetingId, meetingInput(moved));
      } catch (error) {
        logVideoFailure(deps, "video meeting not updated", moved.uid, { type: reference.type }, error);
      }
      const meetingUrl = updated.url || reference.meetingUrl || "";
      await deps.db.bookingReference.update({
        where: { id: reference.id },
        data: { bookingId: moved.id, meetingUrl, meetingPassword: updated.password || reference.meetingPassword },
      });
      videoCallUrl ??= videoCallUrlOf(deps, reference.type, moved.uid, meetingUrl);
    }
    const metadata = videoCallUrl ? { ...rest, videoCallUrl } : rest;
    await deps.db.booking.update({ where: { id: moved.id }, data: { metadata: metadata as Prisma.InputJsonValue } });
    const next = { ...moved, metadata };
    return replace ? (await createBookingMeetings(deps, [next]))[0]! : next;
  } catch (error) {
    logVideoFailure(deps, "video meeting not moved", moved.uid, { location: moved.location }, error);
    return moved;
  }
}
