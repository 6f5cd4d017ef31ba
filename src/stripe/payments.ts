// Paid bookings through Stripe Checkout on the event type owner's connected account (Cal.com's stripepayment app
// creates a PaymentIntent for its own payment page; a Checkout Session is Stripe's hosted equivalent). The booking is
// written PENDING with a Payment row in its transaction; the session is created after the commit; Stripe's webhook
// (src/stripe/webhook.ts) marks it paid and accepted; the cron cancels it when the payment lapses.
import type { BookableEventType } from "../bookings/event-type";
import { badRequest } from "../errors";
import type { Deps } from "../services";
import type { Queryable } from "../services/db";
import { stripeApi } from "./client";
import { findStripeCredential, readStripeKey } from "./store";

/** How long a booker has to pay: Stripe's shortest Checkout Session lifetime. The slot is held meanwhile. */
export const PAYMENT_WINDOW_MS = 30 * 60_000;

export const missingPaymentCredentials = () => badRequest("Missing payment credentials");
export const paidSeriesNotSupported = () => badRequest("Paid seated or recurring event types cannot be booked through this API yet.");

export interface PaymentPlan {
  amount: number;
  currency: string;
  /** The connected Stripe account (`stripe_user_id`) the booker pays. */
  accountId: string;
}

/** The payment a booking of `eventType` needs, or null; the owner's (team's, or organizer's) Stripe account must be connected. */
export async function planPayment(deps: Deps, eventType: BookableEventType): Promise<PaymentPlan | null> {
  if (!eventType.stripePrice) return null;
  if (eventType.recurrence || eventType.rules.seatsPerTimeSlot) throw paidSeriesNotSupported();
  const owner = eventType.teamId !== null ? { kind: "team" as const, teamId: eventType.teamId } : { kind: "user" as const, userId: eventType.hostUsers[0]!.id };
  const credential = await findStripeCredential(deps, owner);
  if (!credential || credential.invalid) throw missingPaymentCredentials();
  const accountId = (await readStripeKey(deps, credential)).stripe_user_id;
  if (typeof accountId !== "string" || !accountId) throw missingPaymentCredentials();
  return { ...eventType.stripePrice, accountId };
}

/** The booking's Payment row, written in the booking's transaction (the session id replaces the placeholder later). */
export async function insertPayment(tx: Queryable, plan: PaymentPlan, bookingId: number, now: number): Promise<{ id: number; uid: string }> {
  const uid = crypto.randomUUID();
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "Payment" ("uid", "appId", "bookingId", "amount", "fee", "currency", "success", "refunded", "data", "externalId", "expiresAt")
    VALUES (${uid}, 'stripe', ${bookingId}, ${plan.amount}, 0, ${plan.currency}, false, false,
            ${JSON.stringify({ stripeAccount: plan.accountId })}::jsonb, ${`pending_${uid}`}, ${new Date(now + PAYMENT_WINDOW_MS)})
    RETURNING "id"`;
  return { id: row!.id, uid };
}

/**
 * Creates the Checkout Session on the connected account (`Stripe-Account`, idempotent on the payment uid) and stores
 * its id and URL on the Payment. A failure is logged and leaves the placeholder: the payment then lapses like an
 * unpaid one and the slot is released.
 */
export async function startCheckout(
  deps: Deps,
  input: { plan: PaymentPlan; payment: { id: number; uid: string }; booking: { id: number; uid: string; title: string }; now: number },
): Promise<string | null> {
  const { plan, payment, booking } = input;
  const site = deps.env.WEBSITE_URL.replace(/\/+$/, "");
  try {
    const session = await stripeApi(deps, "POST", "checkout/sessions", {
      account: plan.accountId,
      idempotencyKey: payment.uid,
      body: {
        mode: "payment",
        line_items: { 0: { quantity: 1, price_data: { currency: plan.currency, unit_amount: plan.amount, product_data: { name: booking.title } } } },
        success_url: `${site}/booking/${booking.uid}?payment=success`,
        cancel_url: `${site}/booking/${booking.uid}?payment=cancelled`,
        expires_at: Math.ceil((input.now + PAYMENT_WINDOW_MS) / 1000),
        client_reference_id: payment.uid,
        metadata: { bookingId: booking.id, bookingUid: booking.uid, paymentUid: payment.uid },
        payment_intent_data: { metadata: { bookingId: booking.id, bookingUid: booking.uid, paymentUid: payment.uid } },
      },
    });
    const sessionId = String(session.id);
    const url = typeof session.url === "string" ? session.url : null;
    await deps.db.payment.update({
      where: { id: payment.id },
      data: { externalId: sessionId, data: { stripeAccount: plan.accountId, sessionId, url } },
    });
    return url;
  } catch (error) {
    deps.logger.error("stripe checkout session failed", { paymentId: payment.id, reason: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

export const awaitingPaymentNotReschedulable = () => badRequest("A booking awaiting its payment cannot be rescheduled before it is paid.");

/**
 * A reschedule (in its transaction, after the new booking is written): a booking whose payment is still open cannot
 * move (the new booking would be accepted unpaid); a paid booking's payments move to the new booking, which is paid
 * (Cal.com moves the payment the same way).
 */
export async function carryPayments(tx: Queryable, fromBookingId: number, toBookingId: number): Promise<void> {
  const payments = await tx.$queryRaw<{ success: boolean }[]>`SELECT "success" FROM "Payment" WHERE "bookingId" = ${fromBookingId}`;
  if (payments.length === 0) return;
  if (payments.some((payment) => !payment.success)) throw awaitingPaymentNotReschedulable();
  await tx.$executeRaw`UPDATE "Payment" SET "bookingId" = ${toBookingId} WHERE "bookingId" = ${fromBookingId}`;
  await tx.$executeRaw`UPDATE "Booking" SET "paid" = true WHERE "id" = ${toBookingId}`;
}
