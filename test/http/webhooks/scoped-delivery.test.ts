// Event-type and OAuth-client webhooks through the real queue and consumer to a real receiver, and the
// delivery-log endpoints for their owners.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueWebhookEvent } from "../../../src/webhooks/producer";
import { api } from "../../helpers/api";
import { bearer } from "../../helpers/platform";
import { hmacHex, insertDelivery, producerServices, readDelivery, receivedRequests, receiverUrl, uniqueName, waitForRequests } from "../../helpers/webhooks";
import {
  createEventType,
  createManagedUser,
  createOAuthClient,
  createPlatformOrganization,
  type CreatedClient,
  type CreatedManagedUser,
  type PlatformOrganization,
  createTenant,
  type Tenant,
  withDb,
} from "../../helpers/fixtures";

const producer = producerServices();
afterAll(() => producer.dispose());

const bookingPayload = (title: string) => ({
  title,
  uid: `uid-${uniqueName()}`,
  startTime: "2026-12-01T10:00:00.000Z",
  endTime: "2026-12-01T10:30:00.000Z",
  attendees: [{ name: "Ann Attendee", email: "ann@example.com", timeZone: "Europe/Paris" }],
});

async function untilStatus(deliveryId: string, status: string) {
  for (let i = 0; i < 40 && (await readDelivery(deliveryId)).status !== status; i++) await new Promise((r) => setTimeout(r, 100));
  return readDelivery(deliveryId);
}

async function markFailed(deliveryId: string) {
  await withDb((db) => db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", failureReason: "retries_exhausted" } }));
}

describe("event-type webhooks", () => {
  let owner: Tenant;
  let intruder: Tenant;
  let eventTypeId: number;
  let webhookId: string;
  const name = uniqueName("etype");
  const secret = `whsec-${uniqueName()}`;

  beforeAll(async () => {
    owner = await createTenant();
    intruder = await createTenant();
    eventTypeId = (await createEventType(owner, { title: "Webhook target" })).id;
    const created = await api(`/v2/event-types/${eventTypeId}/webhooks`, {
      key: owner.apiKey,
      body: { subscriberUrl: receiverUrl(name), triggers: ["BOOKING_CREATED"], active: true, secret },
    });
    webhookId = created.body.data.id;
  });

  it("receive their event type's events, signed, and not those of the owner's other event types", async () => {
    const otherEventTypeId = (await createEventType(owner, { title: "Other" })).id;
    const elsewhere = await enqueueWebhookEvent(producer, {
      trigger: "BOOKING_CREATED",
      payload: bookingPayload("x"),
      userId: owner.userId,
      eventTypeId: otherEventTypeId,
    });
    expect(elsewhere).toEqual({ enqueued: false, reason: "no_subscribers" });

    const payload = bookingPayload("Intro call");
    const createdAt = new Date("2026-11-26T09:00:00.000Z");
    const result = await enqueueWebhookEvent(producer, { trigger: "BOOKING_CREATED", createdAt, payload, userId: owner.userId, eventTypeId });
    expect(result).toMatchObject({ enqueued: true });

    const [request] = await waitForRequests(name, 1);
    expect(request, "the receiver got the delivery").toBeDefined();
    expect(JSON.parse(request!.body)).toEqual({ triggerEvent: "BOOKING_CREATED", createdAt: createdAt.toISOString(), payload });
    expect(request!.headers["x-cal-signature-256"]).toBe(await hmacHex(secret, request!.body));

    const deliveryId = request!.headers["x-cal-webhook-delivery-id"]!;
    expect((await untilStatus(deliveryId, "DELIVERED")).status).toBe("DELIVERED");
    const log = await api(`/v2/webhooks/${webhookId}/deliveries`, { key: owner.apiKey });
    expect(log.status).toBe(200);
    expect(log.body.data.webhook).toMatchObject({ id: webhookId, active: true });
    expect(log.body.data.deliveries[0]).toMatchObject({ id: deliveryId, status: "delivered", attempts: 1, lastResponseCode: 200 });
  });

  it("their delivery log and redelivery are the event type owner's: anyone else gets a 403", async () => {
    const delivery = await insertDelivery(webhookId);
    await markFailed(delivery.id);
    const log = await api(`/v2/webhooks/${webhookId}/deliveries`, { key: intruder.apiKey });
    expect(log.status).toBe(403);
    expect(log.text).not.toContain(delivery.id);
    const stolen = await api(`/v2/webhooks/${webhookId}/deliveries/${delivery.id}/redeliver`, { method: "POST", key: intruder.apiKey });
    expect(stolen.status).toBe(403);
    expect((await readDelivery(delivery.id)).status).toBe("FAILED");

    const before = (await receivedRequests(name)).length;
    const redelivered = await api(`/v2/webhooks/${webhookId}/deliveries/${delivery.id}/redeliver`, { method: "POST", key: owner.apiKey });
    expect(redelivered.status).toBe(202);
    expect(redelivered.body.data).toMatchObject({ id: delivery.id, status: "pending", redeliveries: 1 });
    const requests = await waitForRequests(name, before + 1);
    expect(requests.at(-1)!.headers["x-cal-webhook-delivery-id"]).toBe(delivery.id);
  });
});

describe("OAuth-client webhooks", () => {
  let org: PlatformOrganization;
  let client: CreatedClient;
  let siblingClient: CreatedClient;
  let managed: CreatedManagedUser;
  let webhookId: string;
  const name = uniqueName("client");
  const secret = `whsec-${uniqueName()}`;
  const clientHeaders = () => client.headers;

  beforeAll(async () => {
    org = await createPlatformOrganization();
    client = await createOAuthClient(org.owner.apiKey);
    siblingClient = await createOAuthClient(org.owner.apiKey);
    managed = await createManagedUser(client);
    const created = await api(`/v2/oauth-clients/${client.clientId}/webhooks`, {
      headers: { "x-cal-secret-key": client.secret },
      body: { subscriberUrl: receiverUrl(name), triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"], active: true, secret },
    });
    webhookId = created.body.data.id;
  });

  it("receive the events of the client's managed users (the producer names only the user), and no one else's", async () => {
    const otherClientsUser = await createManagedUser(siblingClient);
    const lone = await createTenant();
    for (const userId of [otherClientsUser.id, lone.userId]) {
      const ignored = await enqueueWebhookEvent(producer, { trigger: "BOOKING_CREATED", payload: bookingPayload("x"), userId });
      expect(ignored).toEqual({ enqueued: false, reason: "no_subscribers" });
    }

    const payload = bookingPayload("Platform booking");
    const result = await enqueueWebhookEvent(producer, { trigger: "BOOKING_CANCELLED", payload, userId: managed.id });
    expect(result).toMatchObject({ enqueued: true });
    const [request] = await waitForRequests(name, 1);
    expect(request, "the receiver got the delivery").toBeDefined();
    expect(JSON.parse(request!.body)).toMatchObject({ triggerEvent: "BOOKING_CANCELLED", payload });
    expect(request!.headers["x-cal-signature-256"]).toBe(await hmacHex(secret, request!.body));
    expect((await untilStatus(request!.headers["x-cal-webhook-delivery-id"]!, "DELIVERED")).status).toBe("DELIVERED");
  });

  it("their delivery log is readable by the client itself and the organization's owner and admins", async () => {
    const admin = await org.addMember("ADMIN");
    for (const auth of [{ headers: clientHeaders() }, { key: org.owner.apiKey }, { key: admin.apiKey }]) {
      const log = await api(`/v2/webhooks/${webhookId}/deliveries`, auth);
      expect(log.status).toBe(200);
      expect(log.body.data.webhook.id).toBe(webhookId);
      expect(log.body.data.deliveries.length).toBeGreaterThan(0);
    }
  });

  it("anyone else gets a 403: a MEMBER, a managed user, another organization, an unrelated user", async () => {
    const delivery = await insertDelivery(webhookId);
    await markFailed(delivery.id);
    const otherOrg = await createPlatformOrganization();
    const callers = [
      { key: (await org.addMember("MEMBER")).apiKey },
      { headers: bearer(managed.accessToken) },
      { key: otherOrg.owner.apiKey },
      { key: (await createTenant()).apiKey },
    ];
    for (const auth of callers) {
      const log = await api(`/v2/webhooks/${webhookId}/deliveries`, auth);
      expect(log.status).toBe(403);
      expect(log.body.error.message).toBe("Forbidden resource");
      const redeliver = await api(`/v2/webhooks/${webhookId}/deliveries/${delivery.id}/redeliver`, { method: "POST", ...auth });
      expect(redeliver.status).toBe(403);
    }
    expect((await readDelivery(delivery.id)).status).toBe("FAILED");

    // The client's own credentials may redeliver it.
    const before = (await receivedRequests(name)).length;
    const redelivered = await api(`/v2/webhooks/${webhookId}/deliveries/${delivery.id}/redeliver`, { method: "POST", headers: clientHeaders() });
    expect(redelivered.status).toBe(202);
    const requests = await waitForRequests(name, before + 1);
    expect(requests.at(-1)!.headers["x-cal-webhook-delivery-id"]).toBe(delivery.id);
  });

  it("deleting the client's webhooks stops deliveries to them", async () => {
    const deleted = await api(`/v2/oauth-clients/${client.clientId}/webhooks`, { method: "DELETE", headers: { "x-cal-secret-key": client.secret } });
    expect(deleted.body.data).toBe("1 webhooks deleted");
    const result = await enqueueWebhookEvent(producer, { trigger: "BOOKING_CREATED", payload: bookingPayload("x"), userId: managed.id });
    expect(result).toEqual({ enqueued: false, reason: "no_subscribers" });
  });
});
