// Stripe's webhook events (`POST /v2/stripe/webhook`, ours: Cal.com receives them in its web app). Each event is
// verified as Stripe documents: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under the
// endpoint secret>` (any of several v1 values), compared in constant time, `t` within 5 minutes of now (a replay
// outside the window is refused). A verified `checkout.session.completed` (paid) or `payment_intent.succeeded` for one
// of our payments marks it successful and its booking paid and accepted (Cal.com's handlePaymentSuccess), then sends
// BOOKING_PAID and BOOKING_CREATED, the booking's reminders and calendar event. Processing is idempotent: Stripe
// delivers at least once, and a payment already successful is left as it is.
import { Prisma } from "../generated/prisma/client";
import { bookingGone } from "../bookings/errors";
import { withBookingLock } from "../bookings/lock";
import { findBookingsByIds, selectBookings } from "../bookings/store";
import { bookingEvent, bookingPayload } from "../bookings/webhooks";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";
import { bytesToHex, digestsEqual } from "../crypto";
import { badRequest } from "../errors";
import type { Deps } from "../services";
import { emitWebhookEvents } from "../webhooks/producer";
import { notifyBookingChanges } from "../workflows/reminders/booking-hooks";

/** Stripe's default tolerance: a signature older (or newer) than this is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export const invalidStripeSignature = () => badRequest("Stripe webhook signature verification failed");
export const stripeWebhookNotConfigured = () => badRequest("Stripe webhooks are not configured on this deployment (STRIPE_WEBHOOK_SECRET)");

const encoder = new TextEncoder();

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return bytesToHex(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text))));
}

/** Verifies Stripe's signature over the raw body; answers the parsed event or throws a 400. */
export async function verifyStripeEvent(deps: Deps, rawBody: string, header: string | undefined): Promise<StripeEvent> {
  const secret = deps.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw stripeWebhookNotConfigured();
  if (!header) throw invalidStripeSignature();
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [name, value] = part.split("=", 2).map((piece) => piece?.trim());
    if (name === "t" && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (name === "v1" && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) throw invalidStripeSignature();
  if (Math.abs(deps.now() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) throw invalidStripeSignature();
  const expected = await hmacHex(secret, `${timestamp}.${rawBody}`);
  // Every candidate is compared (no early exit), each in constant time.
  let matched = false;
  for (const signature of signatures) matched = digestsEqual(signature, expected) || matched;
  if (!matched) throw invalidStripeSignature();
  try {
    const event = JSON.parse(rawBody) as StripeEvent;
    if (typeof event?.type !== "string") throw new Error("no type");
    return event;
  } catch {
    throw badRequest("Stripe webhook body is not a Stripe event");
  }
}

export interface StripeEvent {
  id?: string;
  type: string;
  account?: string;
  data?: { object?: Record<string, unknown> };
}

/** Which of our payments an event is about: by the Checkout Session id or our payment uid in its metadata. */
function paymentReference(event: StripeEvent): { externalId?: string; uid?: string } | null {
  const object = event.data?.object ?? {};
  const metadata = (object.metadata ?? {}) as Record<string, unknown>;
  const uid = typeof metadata.paymentUid === "string" ? metadata.paymentUid : undefined;
  if (event.type === "checkout.session.completed") {
    if (object.payment_status !== "paid") return null;
    return { externalId: typeof object.id === "string" ? object.id : undefined, uid };
  }
  if (event.type === "payment_intent.succeeded") return uid ? { uid } : null;
  return null;
}

export type StripeWebhookOutcome = "paid" | "already-paid" | "ignored";

/** Handles one verified event. Unknown events and payments that are not ours are acknowledged and ignored. */
export async function handleStripeEvent(deps: Deps, event: StripeEvent): Promise<StripeWebhookOutcome> {
  const reference = paymentReference(event);
  if (!reference) return "ignored";
  const payment = await deps.db.payment.findFirst({
    where: { OR: [...(reference.externalId ? [{ externalId: reference.externalId }] : []), ...(reference.uid ? [{ uid: reference.uid }] : [])] },
    select: { id: true, bookingId: true, success: true, data: true },
  });
  if (!payment) return "ignored";
  // An event of a connected account names it; it must be the account the payment was made to.
  const account = (payment.data as { stripeAccount?: string } | null)?.stripeAccount;
  if (event.account && account && event.account !== account) return "ignored";
  if (payment.success) return "already-paid";

  const [booking] = await findBookingsByIds(deps.db, [payment.bookingId]);
  if (!booking) throw bookingGone();
  const result = await withBookingLock(
    deps.txDb,
    booking,
    async (tx) => (await findBookingsByIds(tx, [booking.id]))[0] ?? null,
    async (tx, current) => {
      const claimed = await tx.$executeRaw`UPDATE "Payment" SET "success" = true WHERE "id" = ${payment.id} AND NOT "success"`;
      if (claimed === 0) return null;
      // A booking cancelled meanwhile (the payment lapsed) stays cancelled: the payment is recorded, nothing else.
      if (current.status !== "pending") {
        await tx.$executeRaw`UPDATE "Booking" SET "paid" = true, "updatedAt" = now() WHERE "id" = ${current.id}`;
        return { accepted: false };
      }
      await tx.$executeRaw`UPDATE "Booking" SET "paid" = true, "status" = 'accepted', "updatedAt" = now() WHERE "id" = ${current.id}`;
      return { accepted: true };
    },
    booking.coHostIds,
  );
  if (!result) return "already-paid";
  if (!result.accepted) {
    deps.logger.warn("stripe payment succeeded for a booking that is no longer pending", { bookingId: booking.id, paymentId: payment.id });
    return "paid";
  }
  const [paid] = await selectBookings(deps.db, Prisma.sql`b."id" = ${booking.id}`);
  await emitWebhookEvents(deps, [
    bookingEvent("BOOKING_PAID", paid!, bookingPayload(paid!, { paymentId: payment.id })),
    bookingEvent("BOOKING_CREATED", paid!, bookingPayload(paid!)),
  ]);
  await notifyBookingChanges(deps, { kind: "confirmed", bookingUids: [paid!.uid] });
  await writeBookingCalendarEvents(deps, { kind: "confirmed", bookingUids: [paid!.uid] });
  return "paid";
}
