// The whole path through the real queue: producer → Cloudflare Queue (miniflare) → the Worker's queue handler
// (fan-out, then delivery) → a real HTTP receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { enqueueWebhookEvent } from "../../../src/webhooks/producer";
import {
  createWebhookFor,
  hmacHex,
  producerServices,
  QUEUE,
  receivedRequests,
  receiverUrl,
  runQueue,
  uniqueName,
  waitForRequests,
} from "../../helpers/webhooks";
import { createTenant, type Tenant, withDb } from "../../helpers/fixtures";

let tenant: Tenant;
const producer = producerServices();

beforeAll(async () => {
  tenant = await createTenant();
});

afterAll(() => producer.dispose());

const bookingPayload = (title: string) => ({
  title,
  uid: `uid-${uniqueName()}`,
  startTime: "2026-12-01T10:00:00.000Z",
  endTime: "2026-12-01T10:30:00.000Z",
  organizer: { name: "Olivia Organizer", email: "olivia@example.com", timeZone: "Europe/London" },
  attendees: [{ name: "Ann Attendee", email: "ann@example.com", timeZone: "Europe/Paris" }],
});

describe("an event enqueued with enqueueWebhookEvent reaches the subscriber, signed", () => {
  it("delivers {triggerEvent, createdAt, payload} with Cal.com's signature, our delivery id and timestamped signature", async () => {
    const name = uniqueName("e2e");
    const secret = "whsec-" + uniqueName();
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name), secret, triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"] });
    const payload = bookingPayload("Intro call");
    const createdAt = new Date("2026-11-26T09:00:00.000Z");

    const result = await enqueueWebhookEvent(producer, { trigger: "BOOKING_CREATED", createdAt, payload, userId: tenant.userId });
    expect(result).toMatchObject({ enqueued: true });

    const [request] = await waitForRequests(name, 1);
    expect(request, "the receiver got the delivery").toBeDefined();
    expect(request!.method).toBe("POST");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ triggerEvent: "BOOKING_CREATED", createdAt: createdAt.toISOString(), payload });

    // x-cal-signature-256: hex HMAC-SHA256 of the raw body, as Cal.com computes it.
    expect(request!.headers["x-cal-signature-256"]).toBe(await hmacHex(secret, request!.body));
    // X-Cal-Signature-Timestamped: t=<unix seconds>,v1=HMAC("<t>.<body>").
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(request!.headers["x-cal-signature-timestamped"] ?? "");
    expect(match).not.toBeNull();
    expect(Math.abs(Number(match![1]) - Date.now() / 1000)).toBeLessThan(60);
    expect(match![2]).toBe(await hmacHex(secret, `${match![1]}.${request!.body}`));

    // The delivery id header matches the log, which records the success.
    const log = await api(`/v2/webhooks/${webhook.id}/deliveries`, { key: tenant.apiKey });
    expect(log.status).toBe(200);
    const [delivery] = log.body.data.deliveries;
    expect(request!.headers["x-cal-webhook-delivery-id"]).toBe(delivery.id);
    expect(request!.headers["x-cal-webhook-attempt"]).toBe("1");
    // The log is written after the response arrives: poll briefly.
    for (let i = 0; i < 20 && (await deliveryStatus(delivery.id)) !== "DELIVERED"; i++) await new Promise((r) => setTimeout(r, 100));
    const final = await api(`/v2/webhooks/${webhook.id}/deliveries`, { key: tenant.apiKey });
    expect(final.body.data.deliveries[0]).toMatchObject({
      id: delivery.id,
      eventId: result.enqueued ? result.eventId : undefined,
      triggerEvent: "BOOKING_CREATED",
      status: "delivered",
      attempts: 1,
      lastResponseCode: 200,
      lastError: null,
      failureReason: null,
    });
    expect(final.body.data.deliveries[0].lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(final.body.data.deliveries[0].deliveredAt).not.toBeNull();
  });

  it("does not enqueue anything when no active webhook subscribes to the trigger", async () => {
    const name = uniqueName("unsubscribed");
    await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name), triggers: ["BOOKING_CANCELLED"] });
    const quiet = await createTenant();
    expect(await enqueueWebhookEvent(producer, { trigger: "BOOKING_CREATED", payload: bookingPayload("x"), userId: quiet.userId })).toEqual({
      enqueued: false,
      reason: "no_subscribers",
    });
    expect(await enqueueWebhookEvent(producer, { trigger: "BOOKING_PAID", payload: bookingPayload("x"), userId: tenant.userId })).toEqual({
      enqueued: false,
      reason: "no_subscribers",
    });
  });
});

describe("fan-out (the event message, consumed by the queue handler)", () => {
  it("creates one delivery per matching active webhook, user-level and event-type-level, and nothing twice", async () => {
    const owner = await createTenant();
    const names = { user: uniqueName("user"), eventType: uniqueName("etype"), inactive: uniqueName("inactive"), otherTrigger: uniqueName("other") };
    const userHook = await createWebhookFor(owner, { subscriberUrl: receiverUrl(names.user), triggers: ["BOOKING_RESCHEDULED"] });
    await createWebhookFor(owner, { subscriberUrl: receiverUrl(names.inactive), triggers: ["BOOKING_RESCHEDULED"], active: false });
    await createWebhookFor(owner, { subscriberUrl: receiverUrl(names.otherTrigger), triggers: ["BOOKING_CREATED"] });
    const eventType = await api("/v2/event-types", {
      method: "POST",
      key: owner.apiKey,
      version: "2024-06-14",
      body: { lengthInMinutes: 30, title: "Fan-out", slug: `fan-out-${owner.userId}` },
    });
    expect(eventType.status).toBe(201);
    const eventTypeId: number = eventType.body.data.id;
    const eventTypeHook = await withDb((db) =>
      db.webhook.create({ data: { eventTypeId, subscriberUrl: receiverUrl(names.eventType), eventTriggers: ["BOOKING_RESCHEDULED"], active: true } }),
    );

    const event = {
      kind: "event",
      eventId: crypto.randomUUID(),
      trigger: "BOOKING_RESCHEDULED",
      createdAt: new Date().toISOString(),
      payload: bookingPayload("Moved"),
      userId: owner.userId,
      eventTypeId,
      oAuthClientId: null,
    };
    const first = await runQueue([{ body: event }], QUEUE);
    expect(first.result.explicitAcks).toEqual([first.batch.messages[0]!.id]);
    // At-least-once: the same event message again creates no second delivery.
    const second = await runQueue([{ body: event, attempts: 2 }], QUEUE);
    expect(second.result.explicitAcks).toHaveLength(1);

    const deliveries = await withDb((db) => db.webhookDelivery.findMany({ where: { eventId: event.eventId }, select: { webhookId: true } }));
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual([userHook.id, eventTypeHook.id].sort());

    // The delivery messages went to the real queue: each subscriber gets exactly one request.
    expect(await waitForRequests(names.user, 1)).toHaveLength(1);
    expect(await waitForRequests(names.eventType, 1)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await receivedRequests(names.user)).toHaveLength(1);
    expect(await receivedRequests(names.eventType)).toHaveLength(1);
    expect(await receivedRequests(names.inactive)).toHaveLength(0);
    expect(await receivedRequests(names.otherTrigger)).toHaveLength(0);
  });
});

function deliveryStatus(id: string) {
  return withDb(async (db) => (await db.webhookDelivery.findUniqueOrThrow({ where: { id }, select: { status: true } })).status);
}
