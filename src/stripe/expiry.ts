// Unpaid bookings whose payment lapsed (Payment.expiresAt passed without success), released by the cron: the booking
// is cancelled under its host's lock (unless its payment succeeded meanwhile), its Checkout Session is expired at
// Stripe so it can no longer be paid (best effort), and BOOKING_CANCELLED is sent. The slot reappears in /v2/slots
// (the booking's change moves the host's SlotsVersion).
import { Prisma } from "../generated/prisma/client";
import { withBookingLock } from "../bookings/lock";
import { findBookingsByIds, selectBookings } from "../bookings/store";
import { bookingEvent, bookingPayload } from "../bookings/webhooks";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";
import type { Deps } from "../services";
import { emitWebhookEvents } from "../webhooks/producer";
import { notifyBookingChanges } from "../workflows/reminders/booking-hooks";
import { stripeApi } from "./client";

export const PAYMENT_EXPIRED_REASON = "Payment was not completed in time";
/** Bookings released per cron tick at most; the next tick takes the rest. */
const BATCH = 100;

export async function releaseExpiredPayments(deps: Deps): Promise<{ released: number }> {
  const expired = await deps.db.$queryRaw<{ paymentId: number; bookingId: number; externalId: string; stripeAccount: string | null }[]>`
    SELECT p."id" AS "paymentId", p."bookingId", p."externalId", p."data"->>'stripeAccount' AS "stripeAccount"
    FROM "Payment" p JOIN "Booking" b ON b."id" = p."bookingId"
    WHERE NOT p."success" AND p."expiresAt" < ${new Date(deps.now())} AND b."status" = 'pending'
    ORDER BY p."expiresAt" LIMIT ${BATCH}`;
  let released = 0;
  for (const row of expired) {
    const [booking] = await findBookingsByIds(deps.db, [row.bookingId]);
    if (!booking) continue;
    const cancelled = await withBookingLock(
      deps.txDb,
      booking,
      async (tx) => (await findBookingsByIds(tx, [booking.id]))[0] ?? null,
      async (tx) =>
        tx.$executeRaw`
          UPDATE "Booking" SET "status" = 'cancelled', "cancellationReason" = ${PAYMENT_EXPIRED_REASON}, "updatedAt" = now()
          WHERE "id" = ${booking.id} AND "status" = 'pending'
            AND NOT EXISTS (SELECT 1 FROM "Payment" p WHERE p."bookingId" = ${booking.id} AND p."success")`,
      booking.coHostIds,
    );
    if (cancelled === 0) continue;
    released += 1;
    if (row.stripeAccount && row.externalId.startsWith("cs_")) {
      await stripeApi(deps, "POST", `checkout/sessions/${encodeURIComponent(row.externalId)}/expire`, { account: row.stripeAccount }).catch((error) =>
        deps.logger.warn("stripe checkout session could not be expired", {
          paymentId: row.paymentId,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    }
    const [current] = await selectBookings(deps.db, Prisma.sql`b."id" = ${booking.id}`);
    if (!current) continue;
    await emitWebhookEvents(deps, [bookingEvent("BOOKING_CANCELLED", current, bookingPayload(current, { cancellationReason: PAYMENT_EXPIRED_REASON }))]);
    await notifyBookingChanges(deps, { kind: "cancelled", bookingUid: current.uid });
    await writeBookingCalendarEvents(deps, { kind: "cancelled", bookingUid: current.uid });
  }
  return { released };
}
