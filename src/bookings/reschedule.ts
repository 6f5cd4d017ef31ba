import { carryPayments } from "../stripe/payments";
import { requireLiveCalendarBusy } from "../calendars/availability";
import { isTeamEventType } from "../event-types/scheduling";
import { chooseBookingHosts, insertCoHosts, type BookingHosts } from "./hosts";
import type { Prisma } from "../generated/prisma/client";
import { badRequest, notFound } from "../errors";
import { bookingNotFound, seatNotFound } from "./errors";
import { isOwnerOrOrgAdmin, newBookingUid } from "./access";
import { requireBookableSlot } from "./availability";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { emitWebhookEvents } from "../webhooks/producer";
import { notifyBookingChanges } from "../workflows/reminders/booking-hooks";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";
import { moveBookingMeetings } from "../conferencing/meetings";
import { loadBookableEventTypeById, organizerOf, type BookableEventType } from "./event-type";
import { withBookingLock, type Tx } from "./lock";
import { canSeeSeatedAttendees } from "./read";
import { findBookingByUid, findBookingsByIds, findSeat, type BookingRecord } from "./store";
import { bookingEvent, bookingPayload, payloadTime } from "./webhooks";

export interface RescheduleBookingInput {
  uid: string;
  /** New start, epoch ms. */
  start: number;
  /** Email of who reschedules: the host's email keeps a booking that needs confirmation accepted. */
  rescheduledBy?: string;
  reschedulingReason?: string;
  /** Seated: move this one seat to the new time. */
  seatUid?: string;
  /** Holds do not block the move (the legacy controller, as for CreateBookingInput.ignoreReservations). */
  ignoreReservations?: boolean;
}

export interface RescheduleResult {
  booking: BookingRecord;
  /** Seat moves: the moved seat, kept by its holder. */
  seatUid?: string;
  showAttendees: boolean;
}

function checkReschedulable(booking: BookingRecord) {
  if (booking.status === "cancelled" && !booking.rescheduled) {
    throw badRequest(`Can't reschedule booking with uid=${booking.uid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`);
  }
  if (booking.status === "cancelled") {
    const to = booking.rescheduledToUid;
    throw badRequest(
      `Can't reschedule booking with uid=${booking.uid} because it has been cancelled and rescheduled already to booking with uid=${to}. You probably want to reschedule ${to} instead by passing it within the request URL.`,
    );
  }
}

// Cal.com (input.service.ts): a seated booking is moved seat by seat, unless an org admin of the host moves it whole.
async function isSeatMove(deps: Deps, actor: Actor | undefined, booking: BookingRecord, input: RescheduleBookingInput): Promise<boolean> {
  const hasSeats = booking.attendees.some((a) => a.seatUid !== null);
  if (!hasSeats) return false;
  if (input.seatUid) return true;
  const orgAdmin = actor !== undefined && actor.userId !== booking.userId && (await isOwnerOrOrgAdmin(deps.db, actor, booking.user));
  if (orgAdmin) return false;
  throw badRequest(
    `Booking with uid=${booking.uid} is a seated booking which means you have to provide seatUid in the request body to specify which seat specifically you want to reschedule. First, fetch the booking using https://cal.com/docs/api-reference/v2/bookings/get-a-booking and then within the attendees array you will find the seatUid of the booking you want to reschedule. Second, provide the seatUid in the request body to specify which seat specifically you want to reschedule using the reschedule endpoint https://cal.com/docs/api-reference/v2/bookings/reschedule-a-booking#option-2`,
  );
}

/** A booking that needs confirmation stays pending after a move, unless its host moved it (Cal.com's rescheduledBy). */
function statusAfterMove(eventType: BookableEventType, input: RescheduleBookingInput, now: number): "ACCEPTED" | "PENDING" {
  if (!eventType.requiresConfirmation || eventType.rules.seatsPerTimeSlot) return "ACCEPTED";
  if (input.rescheduledBy && input.rescheduledBy.toLowerCase() === organizerOf(eventType).email.toLowerCase()) return "ACCEPTED";
  const threshold = eventType.requiresConfirmationThresholdMs;
  return threshold === null || input.start - now < threshold ? "PENDING" : "ACCEPTED";
}

/** The new booking a move creates: the old one's details at the new time, pointing back at it. */
function movedBooking(old: BookingRecord, input: RescheduleBookingInput, durationMs: number, status: "ACCEPTED" | "PENDING", responses: unknown) {
  return {
    uid: newBookingUid(),
    userId: old.userId,
    eventTypeId: old.eventTypeId,
    title: old.title,
    description: old.description,
    startTime: new Date(input.start),
    endTime: new Date(input.start + durationMs),
    location: old.location,
    status,
    metadata: (old.metadata ?? {}) as Prisma.InputJsonValue,
    responses: responses as Prisma.InputJsonValue,
    fromReschedule: old.uid,
    rescheduledBy: input.rescheduledBy ?? null,
  };
}

async function moveWholeBooking(
  tx: Tx,
  old: BookingRecord,
  input: RescheduleBookingInput,
  status: "ACCEPTED" | "PENDING",
  durationMs: number,
  hosts: BookingHosts | null,
) {
  // The old booking gives up its time first: the no-overlap constraint would refuse an overlapping new one.
  await tx.$executeRaw`
    UPDATE "Booking" SET "status" = 'cancelled', "rescheduled" = true, "rescheduledBy" = ${input.rescheduledBy ?? null},
           "updatedAt" = now()
    WHERE "id" = ${old.id}`;
  const created = await tx.booking.create({
    data: {
      ...movedBooking(old, input, durationMs, status, {
        ...(old.responses ?? {}),
        ...(input.reschedulingReason ? { rescheduledReason: input.reschedulingReason } : {}),
      }),
      ...(hosts ? { userId: hosts.organizerId } : {}),
      recurringEventId: old.recurringEventId,
      iCalUID: old.iCalUID,
      iCalSequence: old.iCalSequence + 1,
      attendees: {
        createMany: {
          data: old.attendees.map((a) => ({ email: a.email, name: a.name, timeZone: a.timeZone, locale: a.locale, phoneNumber: a.phoneNumber })),
        },
      },
    },
    select: { id: true },
  });
  if (hosts) await insertCoHosts(tx, created.id, hosts.coHostIds);
  return created.id;
}

/** The round-robin host a booking has (organizer or co-host), kept on a move when the event type says so. */
function roundRobinHostOf(eventType: BookableEventType, booking: BookingRecord): number | undefined {
  if (!eventType.rescheduleWithSameRoundRobinHost) return undefined;
  const holders = new Set([booking.userId, ...booking.coHostIds]);
  return eventType.hosts.find((host) => !host.isFixed && holders.has(host.userId))?.userId;
}

/** Moves one seat to the seated booking at the new time (opening it if needed); an emptied booking is cancelled. */
async function moveSeat(tx: Tx, old: BookingRecord, eventType: BookableEventType, input: RescheduleBookingInput, durationMs: number) {
  const holder = old.attendees.find((a) => a.seatUid === input.seatUid);
  if (!holder) throw seatNotFound(input.seatUid);
  const [existing] = await tx.$queryRaw<{ id: number }[]>`
    SELECT b."id" FROM "Booking" b
    WHERE b."eventTypeId" = ${eventType.eventTypeId} AND b."startTime" = ${new Date(input.start)} AND b."status" = 'accepted'
    ORDER BY b."id" LIMIT 1`;
  const targetId =
    existing?.id ??
    (
      await tx.booking.create({
        data: movedBooking(old, input, durationMs, "ACCEPTED", holder.seatData?.responses ?? old.responses ?? {}),
        select: { id: true },
      })
    ).id;
  await tx.attendee.update({ where: { id: holder.id }, data: { bookingId: targetId } });
  await tx.bookingSeat.update({ where: { referenceUid: input.seatUid! }, data: { bookingId: targetId } });
  if (old.attendees.length === 1) {
    await tx.booking.update({ where: { id: old.id }, data: { status: "CANCELLED", rescheduled: true, rescheduledBy: input.rescheduledBy ?? null } });
  }
  return targetId;
}

/**
 * Moves a booking to a new start (Cal.com's reschedule): the old booking is cancelled and marked rescheduled, a new
 * one is created with `fromReschedule` pointing back at it. The new slot is checked with GET /v2/slots' engine
 * under the host's lock, the old booking not counting against itself. Seated bookings move seat by seat.
 */
export async function rescheduleBooking(deps: Deps, actor: Actor | undefined, input: RescheduleBookingInput): Promise<RescheduleResult> {
  const booking = await findBookingByUid(deps.db, input.uid);
  if (!booking) throw bookingNotFound(input.uid);
  const seatMove = await isSeatMove(deps, actor, booking, input);
  if (seatMove) {
    const seat = await findSeat(deps.db, input.seatUid!);
    if (!seat || seat.bookingUid !== booking.uid) throw seatNotFound(input.seatUid);
  }
  checkReschedulable(booking);
  if (!booking.eventTypeId) throw notFound(`Booking with uid=${input.uid} is missing event type`);
  const eventType = await loadBookableEventTypeById(deps.db, booking.eventTypeId);
  if (!eventType) throw notFound(`Event type with id=${booking.eventTypeId} not found`);
  if (eventType.disableRescheduling) throw badRequest("This event type does not allow rescheduling");

  const now = deps.now();
  const durationMs = booking.endTime.getTime() - booking.startTime.getTime();
  const durationMinutes = Math.round(durationMs / 60_000);
  const status = statusAfterMove(eventType, input, now);
  // The hosts' connected calendars, read live (the booking's own event does not block its move).
  await requireLiveCalendarBusy(deps, eventType, { starts: [input.start], durationMinutes, moving: booking });

  const teamHosts = isTeamEventType(eventType) && eventType.schedulingType !== "MANAGED" ? eventType.hosts.map((host) => host.userId) : [];
  const newId = await withBookingLock(
    deps.txDb,
    booking,
    (tx) => findBookingByUid(tx, booking.uid),
    async (tx, current) => {
      checkReschedulable(current);
      await requireBookableSlot(tx, eventType, {
        start: input.start,
        now,
        durationMinutes: durationMinutes === eventType.rules.lengthMinutes ? undefined : durationMinutes,
        // A booking never blocks its own move; a seat move leaves the other seats where they are.
        excludeBookingUid: seatMove ? undefined : current.uid,
        ignoreReservations: input.ignoreReservations,
      });
      if (seatMove) return moveSeat(tx, current, eventType, input, durationMs);
      // A team booking's hosts are chosen again at the new time (a round-robin host kept if asked and free).
      const hosts = teamHosts.length
        ? await chooseBookingHosts(tx, eventType, {
            starts: [input.start],
            durationMinutes,
            now,
            excludeBookingUid: current.uid,
            ignoreReservations: input.ignoreReservations,
            preferUserId: roundRobinHostOf(eventType, current),
          })
        : null;
      const movedId = await moveWholeBooking(tx, current, input, status, durationMs, hosts);
      // Paid bookings (src/stripe/payments.ts): the payment moves with the booking; an unpaid one cannot move.
      await carryPayments(tx, current.id, movedId);
      return movedId;
    },
    [...teamHosts, ...booking.coHostIds],
  );

  const [found] = await findBookingsByIds(deps.db, [newId]);
  // The video meeting follows the move (src/conferencing/meetings.ts); a seat move leaves the booking's meeting as is.
  const moved = seatMove ? found : await moveBookingMeetings(deps, booking, found!);
  const payload = bookingPayload(
    moved!,
    {
      rescheduleId: booking.id,
      rescheduleUid: booking.uid,
      rescheduleStartTime: payloadTime(booking.startTime),
      rescheduleEndTime: payloadTime(booking.endTime),
      rescheduledBy: input.rescheduledBy,
    },
    seatMove ? moved!.attendees.filter((a) => a.seatUid === input.seatUid) : moved!.attendees,
  );
  // BOOKING_RESCHEDULED even when the moved booking awaits confirmation (Cal.com sends BOOKING_REQUESTED: a bug).
  await emitWebhookEvents(deps, [bookingEvent("BOOKING_RESCHEDULED", moved!, payload)]);
  // Workflows: pending reminders move to the new booking and time (src/workflows/reminders/booking-hooks.ts).
  await notifyBookingChanges(deps, { kind: "rescheduled", fromUid: booking.uid, toUid: moved!.uid, seatMove });
  // The organizer's calendar event (src/calendars/booking-events/).
  await writeBookingCalendarEvents(deps, { kind: "rescheduled", fromUid: booking.uid, toUid: moved!.uid, seatMove });
  return { booking: moved!, seatUid: seatMove ? input.seatUid : undefined, showAttendees: await canSeeSeatedAttendees(deps, actor, moved!) };
}
