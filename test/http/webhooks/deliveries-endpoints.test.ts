// Our delivery-log and redelivery endpoints (not in Cal.com's API).
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import {
  createWebhookFor,
  deliverBody,
  insertDelivery,
  readDelivery,
  receivedRequests,
  receiverUrl,
  runQueue,
  uniqueName,
  waitForRequests,
} from "../../helpers/webhooks";
import { createTenant, type Tenant, withDb } from "../../helpers/fixtures";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

describe("GET /v2/webhooks/{webhookId}/deliveries", () => {
  it("lists the webhook's deliveries newest first, filtered by status and paginated", async () => {
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(uniqueName()) });
    const older = await insertDelivery(webhook.id, { n: 1 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const newer = await insertDelivery(webhook.id, { n: 2 });
    await runQueue([{ body: deliverBody(newer.id) }]);

    const all = await api(`/v2/webhooks/${webhook.id}/deliveries`, { key: tenant.apiKey });
    expect(all.status).toBe(200);
    expect(all.body.data.deliveries.map((d: any) => d.id)).toEqual([newer.id, older.id]);
    expect(all.body.data.deliveries[1]).toEqual({
      id: older.id,
      eventId: older.eventId,
      triggerEvent: "BOOKING_CREATED",
      status: "pending",
      attempts: 0,
      redeliveries: 0,
      lastResponseCode: null,
      lastError: null,
      lastDurationMs: null,
      failureReason: null,
      createdAt: older.createdAt.toISOString(),
      firstAttemptAt: null,
      lastAttemptAt: null,
      nextAttemptAt: null,
      deliveredAt: null,
      failedAt: null,
    });

    const delivered = await api(`/v2/webhooks/${webhook.id}/deliveries?status=delivered`, { key: tenant.apiKey });
    expect(delivered.body.data.deliveries.map((d: any) => d.id)).toEqual([newer.id]);
    const page = await api(`/v2/webhooks/${webhook.id}/deliveries?take=1&skip=1`, { key: tenant.apiKey });
    expect(page.body.data.deliveries.map((d: any) => d.id)).toEqual([older.id]);
  });

  it("400 for a bad status, take or skip; 404 for an unknown webhook", async () => {
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(uniqueName()) });
    for (const [query, field] of [
      ["status=lost", "status"],
      ["take=0", "take"],
      ["take=300", "take"],
      ["skip=-2", "skip"],
    ]) {
      const res = await api(`/v2/webhooks/${webhook.id}/deliveries?${query}`, { key: tenant.apiKey });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    const unknown = await api("/v2/webhooks/does-not-exist/deliveries", { key: tenant.apiKey });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Webhook (does-not-exist) not found");
  });
});

describe("POST /v2/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver", () => {
  it("queues a failed delivery again: the receiver gets it with the same delivery id and the log says delivered", async () => {
    const name = uniqueName("redeliver");
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name, { failTimes: 1 }), secret: "redeliver-secret" });
    const delivery = await insertDelivery(webhook.id);
    await runQueue([{ body: deliverBody(delivery.id), attempts: 1 }]);
    await withDb((db) => db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", failureReason: "retries_exhausted" } }));

    const res = await api(`/v2/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`, { method: "POST", key: tenant.apiKey });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "success", data: { id: delivery.id, status: "pending", redeliveries: 1, attempts: 1, failureReason: null } });

    // Through the real queue and consumer.
    const requests = await waitForRequests(name, 2);
    expect(requests.map((r) => r.answeredWith)).toEqual([500, 200]);
    expect(requests.map((r) => r.headers["x-cal-webhook-delivery-id"])).toEqual([delivery.id, delivery.id]);
    for (let i = 0; i < 20 && (await readDelivery(delivery.id)).status !== "DELIVERED"; i++) await new Promise((r) => setTimeout(r, 100));
    const log = await api(`/v2/webhooks/${webhook.id}/deliveries`, { key: tenant.apiKey });
    expect(log.body.data.deliveries[0]).toMatchObject({ id: delivery.id, status: "delivered", attempts: 2, redeliveries: 1, lastResponseCode: 200 });

    // A leftover message of the previous round is recognised as stale.
    const stale = await runQueue([{ body: deliverBody(delivery.id, 0), attempts: 2 }]);
    expect(stale.acked).toHaveLength(1);
    expect(await receivedRequests(name)).toHaveLength(2);
  });

  it("409 while the delivery is still in progress; 400 when the webhook is inactive; 404 for unknown ids", async () => {
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(uniqueName()) });
    const delivery = await insertDelivery(webhook.id);
    const inProgress = await api(`/v2/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`, { method: "POST", key: tenant.apiKey });
    expect(inProgress.status).toBe(409);
    expect(inProgress.body.error.message).toBe(`Webhook delivery (${delivery.id}) is still in progress`);

    await withDb((db) => db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED" } }));
    await api(`/v2/webhooks/${webhook.id}`, { method: "PATCH", key: tenant.apiKey, body: { active: false } });
    const inactive = await api(`/v2/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`, { method: "POST", key: tenant.apiKey });
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.message).toContain("is not active");
    expect((await readDelivery(delivery.id)).status).toBe("FAILED");

    const unknownDelivery = await api(`/v2/webhooks/${webhook.id}/deliveries/nope/redeliver`, { method: "POST", key: tenant.apiKey });
    expect(unknownDelivery.status).toBe(404);
    const unknownWebhook = await api(`/v2/webhooks/nope/deliveries/${delivery.id}/redeliver`, { method: "POST", key: tenant.apiKey });
    expect(unknownWebhook.status).toBe(404);
  });
});

describe("the OpenAPI document marks these endpoints as ours", () => {
  it("documents them with a 'Not part of Cal.com's API' note", async () => {
    const doc = (await api("/docs/openapi.json")).body;
    const list = doc.paths["/v2/webhooks/{webhookId}/deliveries"].get;
    const redeliver = doc.paths["/v2/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver"].post;
    for (const operation of [list, redeliver]) expect(operation.description).toContain("Not part of Cal.com's API");
    expect(doc.paths["/v2/webhooks"].post.operationId).toBe("WebhooksController_createWebhook");
  });
});
