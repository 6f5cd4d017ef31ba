// Stripe's webhook events (POST /v2/stripe/webhook): signed as Stripe signs them, a paid Checkout Session confirms
// its booking (paid, accepted, BOOKING_PAID and BOOKING_CREATED delivered); forged, altered and replayed events are
// refused; a redelivered event changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../../helpers/api";
import { at, futureMonday, type Host, onBooking } from "../../helpers/bookings";
import { withDb } from "../../helpers/fixtures";
import { bookPaid, checkoutCompleted, createPaidHost, postStripeEvent, stripeSignature } from "../../helpers/stripe";
import { createWebhookFor, receiverUrl, uniqueName, waitForRequests } from "../../helpers/webhooks";

const monday = futureMonday(8);
let host: Host;
let accountId: string;
let eventTypeId: number;
let receiver: string;

beforeAll(async () => {
  ({ host, accountId, eventTypeId } = await createPaidHost(1500, "usd"));
  receiver = uniqueName("stripe");
  await createWebhookFor(host, { subscriberUrl: receiverUrl(receiver), triggers: ["BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_CREATED"] });
});

const paidBooking = (dayOffset: number, hour: number) => bookPaid(eventTypeId, at(monday, dayOffset, hour));

const bookingRow = (uid: string) => withDb((db) => db.booking.findUniqueOrThrow({ where: { uid }, select: { status: true, paid: true } }));

describe("POST /v2/stripe/webhook", () => {
  it("checkout.session.completed confirms the booking: paid, accepted, BOOKING_PAID and BOOKING_CREATED; a redelivery changes nothing", async () => {
    const { uid, payment } = await paidBooking(0, 10);
    const event = checkoutCompleted(payment.externalId, accountId, payment.uid);
    const res = await postStripeEvent(event);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ received: true, outcome: "paid" });
    expect(await bookingRow(uid)).toEqual({ status: "ACCEPTED", paid: true });
    expect((await withDb((db) => db.payment.findUniqueOrThrow({ where: { id: payment.id } }))).success).toBe(true);

    const deadline = Date.now() + 20_000;
    let triggers: string[] = [];
    while (Date.now() < deadline) {
      const requests = await waitForRequests(receiver, 1, 1_000);
      triggers = requests
        .map((r) => JSON.parse(r.body))
        .filter((b) => b.payload?.uid === uid || b.payload?.bookingUid === uid)
        .map((b) => b.triggerEvent);
      if (triggers.includes("BOOKING_PAID") && triggers.includes("BOOKING_CREATED")) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(triggers).toEqual(expect.arrayContaining(["BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_CREATED"]));

    const again = await postStripeEvent(event);
    expect(again.body).toEqual({ received: true, outcome: "already-paid" });
  });

  it("payment_intent.succeeded (our payment uid in its metadata) confirms too; other events and foreign accounts are ignored", async () => {
    const { uid, payment } = await paidBooking(0, 12);
    const other = await postStripeEvent(checkoutCompleted(payment.externalId, "acct_someoneelse", payment.uid));
    expect(other.body).toEqual({ received: true, outcome: "ignored" });
    const unrelated = await postStripeEvent({ id: "evt_x", type: "customer.created", data: { object: { id: "cus_1" } } });
    expect(unrelated.body.outcome).toBe("ignored");
    expect(await bookingRow(uid)).toEqual({ status: "PENDING", paid: false });

    const res = await postStripeEvent({
      id: "evt_pi",
      type: "payment_intent.succeeded",
      account: accountId,
      data: { object: { id: "pi_1", metadata: { paymentUid: payment.uid } } },
    });
    expect(res.body.outcome).toBe("paid");
    expect(await bookingRow(uid)).toEqual({ status: "ACCEPTED", paid: true });
  });

  it("refuses forged, altered, unsigned and replayed events (400) and changes nothing", async () => {
    const { uid, payment } = await paidBooking(0, 14);
    const body = JSON.stringify(checkoutCompleted(payment.externalId, accountId, payment.uid));
    const refused = [
      await postStripeEvent(body, await stripeSignature(body, { secret: "whsec_not_ours" })),
      await postStripeEvent(body.replace('"paid"', '"paid" '), await stripeSignature(body)),
      await postStripeEvent(body, ""),
      await postStripeEvent(body, "t=abc,v1=xyz"),
      // Replayed: a genuine signature made 6 minutes ago (Stripe's tolerance is 5).
      await postStripeEvent(body, await stripeSignature(body, { timestamp: Math.floor(Date.now() / 1000) - 360 })),
      await postStripeEvent(body, await stripeSignature(body, { timestamp: Math.floor(Date.now() / 1000) + 360 })),
    ];
    for (const res of refused) expect(expectError(res, 400).error.message).toBe("Stripe webhook signature verification failed");
    expect(await bookingRow(uid)).toEqual({ status: "PENDING", paid: false });
    // A second, valid v1 among others is accepted (Stripe sends several during secret rotation).
    const good = await stripeSignature(body);
    const res = await postStripeEvent(body, `${good.split(",")[0]},v1=${"0".repeat(64)},${good.split(",")[1]}`);
    expect(res.body.outcome).toBe("paid");
  });

  it("reschedule: a booking awaiting payment cannot move (400); a paid one moves with its payment and stays paid", async () => {
    const { uid, payment } = await paidBooking(1, 10);
    const refused = await onBooking(uid, "/reschedule", { method: "POST", body: { start: at(monday, 1, 12) } });
    expect(expectError(refused, 400).error.message).toBe("A booking awaiting its payment cannot be rescheduled before it is paid.");
    expect(await bookingRow(uid)).toEqual({ status: "PENDING", paid: false });

    expect((await postStripeEvent(checkoutCompleted(payment.externalId, accountId, payment.uid))).body.outcome).toBe("paid");
    const moved = await onBooking(uid, "/reschedule", { method: "POST", body: { start: at(monday, 1, 12) } });
    expect(moved.status, moved.text).toBe(201);
    const newUid = moved.body.data.uid as string;
    expect(await bookingRow(newUid)).toEqual({ status: "ACCEPTED", paid: true });
    const after = await withDb((db) => db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { booking: { select: { uid: true } } } }));
    expect(after.booking.uid).toBe(newUid);
  });
});
