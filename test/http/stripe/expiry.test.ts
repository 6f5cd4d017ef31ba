// Unpaid bookings whose payment lapsed are released by the cron (src/stripe/expiry.ts): cancelled, the Checkout
// Session expired at Stripe, and the slot offered again by /v2/slots; a booking paid in time is left alone.
import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { releaseExpiredPayments } from "../../../src/stripe/expiry";
import { handleScheduled } from "../../../src/workflows/reminders/scheduled";
import { at, futureMonday } from "../../helpers/bookings";
import { testDeps } from "../../helpers/calendars";
import { withDb } from "../../helpers/fixtures";
import { bookPaid, checkoutCompleted, createPaidHost, postStripeEvent, stripeReceived } from "../../helpers/stripe";
import { getSlots, seenWithinRecheck } from "../slots/helpers";

const monday = futureMonday(9);
let accountId: string;
let eventTypeId: number;

beforeAll(async () => {
  ({ accountId, eventTypeId } = await createPaidHost(4200, "gbp"));
});

const paidBooking = (hour: number) => bookPaid(eventTypeId, at(monday, 0, hour), "Late Payer");

const offered = async () => {
  const res = await getSlots({ eventTypeId, start: at(monday, 0, 0), end: at(monday, 0, 23) });
  return Object.values(res.body.data as Record<string, { start: string }[]>)
    .flat()
    .map((slot) => new Date(slot.start).toISOString());
};

describe("payment expiry", () => {
  it("a lapsed payment cancels its booking, expires the session at Stripe, and the slot reappears in /v2/slots", async () => {
    const { uid, payment } = await paidBooking(10);
    const slot = new Date(at(monday, 0, 10)).toISOString();
    expect(await offered()).not.toContain(slot);

    // Not yet due: nothing happens.
    await releaseExpiredPayments(testDeps());
    expect((await withDb((db) => db.booking.findUniqueOrThrow({ where: { uid } }))).status).toBe("PENDING");

    await withDb((db) => db.payment.update({ where: { id: payment.id }, data: { expiresAt: new Date(Date.now() - 1_000) } }));
    const result = await releaseExpiredPayments(testDeps());
    expect(result.released).toBeGreaterThanOrEqual(1);
    const booking = await withDb((db) => db.booking.findUniqueOrThrow({ where: { uid } }));
    expect(booking).toMatchObject({ status: "CANCELLED", paid: false, cancellationReason: "Payment was not completed in time" });
    const [expired] = await stripeReceived(`/v1/checkout/sessions/${payment.externalId}/expire`);
    expect(expired?.headers["stripe-account"]).toBe(accountId);
    await seenWithinRecheck(offered, (starts) => expect(starts).toContain(slot));

    // Stripe's late success for the released booking does not revive it.
    const late = await postStripeEvent(checkoutCompleted(payment.externalId, accountId, payment.uid));
    expect(late.body.outcome).toBe("paid");
    expect(await withDb((db) => db.booking.findUniqueOrThrow({ where: { uid }, select: { status: true } }))).toEqual({ status: "CANCELLED" });
  });

  it("the Worker's cron runs the release (after its other jobs)", async () => {
    const { uid, payment } = await paidBooking(15);
    await withDb((db) => db.payment.update({ where: { id: payment.id }, data: { expiresAt: new Date(Date.now() - 1_000) } }));
    // Without the channel settings, so this file's cron makes no calendar channels for other files' calendars.
    const { GOOGLE_WEBHOOK_URL: _google, MICROSOFT_WEBHOOK_URL: _microsoft, ...bindings } = env as unknown as Record<string, unknown>;
    await handleScheduled(createScheduledController({ cron: "*/10 * * * *", scheduledTime: Date.now() }), bindings);
    expect(await withDb((db) => db.booking.findUniqueOrThrow({ where: { uid }, select: { status: true } }))).toEqual({ status: "CANCELLED" });
  });

  it("a booking paid before the cron runs is not released", async () => {
    const { uid, payment } = await paidBooking(13);
    expect((await postStripeEvent(checkoutCompleted(payment.externalId, accountId, payment.uid))).body.outcome).toBe("paid");
    await withDb((db) => db.payment.update({ where: { id: payment.id }, data: { expiresAt: new Date(Date.now() - 1_000) } }));
    await releaseExpiredPayments(testDeps());
    expect(await withDb((db) => db.booking.findUniqueOrThrow({ where: { uid }, select: { status: true, paid: true } }))).toEqual({
      status: "ACCEPTED",
      paid: true,
    });
  });
});
