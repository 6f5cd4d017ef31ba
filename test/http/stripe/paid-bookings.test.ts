// Paid event types (Cal.com's metadata.apps.stripe): a booking is written PENDING with a Payment row, a Checkout
// Session is created on the owner's connected account (the local Stripe fake records it), and the slot stays held
// while the payment is open.
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, type Host } from "../../helpers/bookings";
import { contractProblems } from "../../helpers/contract";
import { createTeam, createTeamEventTypeRow, unique, withDb } from "../../helpers/fixtures";
import { connectStripe, makePaid, setStripeAccount, stripeReceived } from "../../helpers/stripe";
import { getSlots } from "../slots/helpers";

const monday = futureMonday(7);
let host: Host;
let accountId: string;
let eventTypeId: number;

beforeAll(async () => {
  host = await createHost();
  accountId = await connectStripe(host.apiKey, unique("paidhost"));
  eventTypeId = (await createBookableEventType(host)).id;
  await makePaid(eventTypeId);
});

describe("booking a paid event type", () => {
  it("201 PENDING with a Payment row and a Checkout Session on the owner's connected account", async () => {
    const res = await book({ eventTypeId, start: at(monday, 0, 10), attendee: attendee("Paying Booker") });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("BookingsController_2024_08_13_createBooking", 201, res.body)).toEqual([]);
    expect(res.body.data.status).toBe("pending");
    const uid = res.body.data.uid as string;

    const [payment] = await withDb((db) => db.payment.findMany({ where: { booking: { uid } } }));
    expect(payment).toMatchObject({ appId: "stripe", amount: 2500, fee: 0, currency: "eur", success: false, refunded: false, paymentOption: "ON_BOOKING" });
    expect(payment!.externalId).toMatch(/^cs_test_\d+$/);
    expect(payment!.data).toMatchObject({
      stripeAccount: accountId,
      sessionId: payment!.externalId,
      url: `https://checkout.stripe.test/c/pay/${payment!.externalId}`,
    });
    expect(payment!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);

    const [session] = await stripeReceived(`metadata%5BbookingUid%5D=${uid}`);
    expect(session?.path).toBe("/v1/checkout/sessions");
    expect(session?.headers["stripe-account"]).toBe(accountId);
    expect(session?.headers.authorization).toBe("Bearer sk_test_platform");
    expect(session?.headers["idempotency-key"]).toBe(payment!.uid);
    const form = Object.fromEntries(new URLSearchParams(session!.body));
    expect(form).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][unit_amount]": "2500",
      "metadata[paymentUid]": payment!.uid,
      client_reference_id: payment!.uid,
    });
    const booking = await withDb((db) => db.booking.findUniqueOrThrow({ where: { uid }, select: { paid: true, status: true } }));
    expect(booking).toEqual({ paid: false, status: "PENDING" });
  });

  it("the slot stays held while the payment is open: gone from /v2/slots, a second booking is a 409", async () => {
    const start = at(monday, 1, 11);
    expect((await book({ eventTypeId, start, attendee: attendee("First Payer") })).status).toBe(201);
    const slots = await getSlots({ eventTypeId, start: at(monday, 1, 0), end: at(monday, 1, 23) });
    const starts = Object.values(slots.body.data as Record<string, { start: string }[]>)
      .flat()
      .map((slot) => new Date(slot.start).toISOString());
    expect(starts).toContain(new Date(at(monday, 1, 10)).toISOString());
    expect(starts).not.toContain(new Date(start).toISOString());
    expectError(await book({ eventTypeId, start, attendee: attendee("Second Payer") }), 409);
  });

  it("400 'Missing payment credentials' when the owner has not connected Stripe; nothing is written", async () => {
    const other = await createHost();
    const id = (await createBookableEventType(other)).id;
    await makePaid(id);
    const res = await book({ eventTypeId: id, start: at(monday, 2, 10), attendee: attendee("No Stripe") });
    expect(expectError(res, 400).error.message).toBe("Missing payment credentials");
    expect(await withDb((db) => db.booking.count({ where: { eventTypeId: id } }))).toBe(0);
  });

  it("a disabled or zero price is not paid: the booking is accepted at once", async () => {
    const id = (await createBookableEventType(host)).id;
    await withDb((db) => db.eventType.update({ where: { id }, data: { metadata: { apps: { stripe: { enabled: false, price: 900, currency: "usd" } } } } }));
    const res = await book({ eventTypeId: id, start: at(monday, 3, 10), attendee: attendee("Free Booker") });
    expect(res.body.data.status).toBe("accepted");
    expect(await withDb((db) => db.payment.count({ where: { booking: { uid: res.body.data.uid } } }))).toBe(0);
  });

  it("a paid recurring event type is refused clearly (not supported yet)", async () => {
    const id = (await createBookableEventType(host, { recurrence: { frequency: "weekly", interval: 1, occurrences: 3 } })).id;
    await makePaid(id);
    const res = await book({ eventTypeId: id, start: at(monday, 4, 10), attendee: attendee("Series Payer") });
    expect(expectError(res, 400).error.message).toBe("Paid seated or recurring event types cannot be booked through this API yet.");
  });

  it("a team event type is paid to the team's Stripe account, never to a host's own", async () => {
    const member = await createHost();
    const team = await createTeam({ owners: [member] });
    const paid = { metadata: { apps: { stripe: { enabled: true, price: 700, currency: "usd" } } } };
    const eventType = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: member.userId }], paid);
    // The host's own connection does not pay for the team's event type.
    const teamAccount = await connectStripe(member.apiKey, unique("teamacct"));
    const refused = await book({ eventTypeId: eventType.id, start: at(monday, 4, 9), attendee: attendee("Team Payer") });
    expect(expectError(refused, 400).error.message).toBe("Missing payment credentials");
    // The same account, now the team's.
    await withDb((db) => db.credential.updateMany({ where: { userId: member.userId, type: "stripe_payment" }, data: { userId: null, teamId: team.teamId } }));
    const res = await book({ eventTypeId: eventType.id, start: at(monday, 4, 9), attendee: attendee("Team Payer") });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.status).toBe("pending");
    const payment = await withDb((db) => db.payment.findFirstOrThrow({ where: { booking: { uid: res.body.data.uid } } }));
    expect(payment).toMatchObject({ amount: 700, currency: "usd" });
    expect(payment.data).toMatchObject({ stripeAccount: teamAccount });
  });

  it("Stripe failing to open the Checkout Session leaves the booking pending with its placeholder payment (it lapses later)", async () => {
    const payer = await createHost();
    const account = await connectStripe(payer.apiKey, unique("failing"));
    const id = (await createBookableEventType(payer)).id;
    await makePaid(id);
    await setStripeAccount(account, { fail: 503 });
    const res = await book({ eventTypeId: id, start: at(monday, 4, 11), attendee: attendee("Unlucky Payer") });
    await setStripeAccount(account, { fail: 0 });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.status).toBe("pending");
    const payment = await withDb((db) => db.payment.findFirstOrThrow({ where: { booking: { uid: res.body.data.uid } } }));
    expect(payment.externalId).toBe(`pending_${payment.uid}`);
    expect(payment.success).toBe(false);
  });
});
