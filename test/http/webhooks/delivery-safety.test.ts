// What the consumer refuses to send, how it renders payload templates, and when it switches a webhook off.
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import {
  createWebhookFor,
  deliverBody,
  hmacHex,
  insertDelivery,
  readDelivery,
  receivedRequests,
  receiverUrl,
  runQueue,
  uniqueName,
} from "../../helpers/webhooks";
import { createTenant, type Tenant, withDb } from "../../helpers/fixtures";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

const HOUR_MS = 3_600_000;

describe("subscriber URL checks again at delivery", () => {
  it("a URL that became private (changed behind the API's back) is refused without sending, and not retried", async () => {
    const name = uniqueName();
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name) });
    const delivery = await insertDelivery(webhook.id);
    await withDb((db) => db.webhook.update({ where: { id: webhook.id }, data: { subscriberUrl: "http://169.254.169.254/latest/meta-data/" } }));
    const run = await runQueue([{ body: deliverBody(delivery.id) }]);
    expect(run.acked).toHaveLength(1);
    expect(run.retries).toHaveLength(0);
    expect(await readDelivery(delivery.id)).toMatchObject({
      status: "FAILED",
      failureReason: "blocked_url",
      attempts: 0,
      lastError: "Subscriber URL refused: Private IP address (link-local / cloud metadata)",
    });
    expect(await receivedRequests(name)).toHaveLength(0);
  });

  it("a webhook deactivated after the event is not called; its pending delivery fails as webhook_inactive", async () => {
    const name = uniqueName();
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name) });
    const delivery = await insertDelivery(webhook.id);
    await api(`/v2/webhooks/${webhook.id}`, { method: "PATCH", key: tenant.apiKey, body: { active: false } });
    const run = await runQueue([{ body: deliverBody(delivery.id) }]);
    expect(run.acked).toHaveLength(1);
    expect(await readDelivery(delivery.id)).toMatchObject({ status: "FAILED", failureReason: "webhook_inactive" });
    expect(await receivedRequests(name)).toHaveLength(0);
  });
});

describe("payloadTemplate and signatures", () => {
  const payload = {
    title: 'Demo "with quotes"',
    type: "30min",
    organizer: { name: "Olivia", email: "olivia@example.com" },
    attendees: [{ name: "Ann & Bob", email: "ann@example.com" }],
    responses: { notes: { value: "line1\nline2" } },
  };

  it("a JSON template is rendered ({{path}}, {{list.0.field}}, triggerEvent/createdAt), sent as JSON and signed over the rendered body", async () => {
    const name = uniqueName();
    const secret = "tmpl-secret";
    const template =
      '{"content":"A new event","type":"{{type}}","name":"{{title}}","organizer":"{{organizer.name}}","booker":"{{attendees.0.name}}","notes":"{{responses.notes.value}}","trigger":"{{triggerEvent}}","missing":"{{nope.nothing}}","raw":"{{{type}}}","people":"{{attendees}}"}';
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name), secret, payloadTemplate: template });
    const delivery = await insertDelivery(webhook.id, payload);
    await runQueue([{ body: deliverBody(delivery.id) }]);

    const [request] = await receivedRequests(name);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({
      content: "A new event",
      type: "30min",
      name: 'Demo "with quotes"',
      organizer: "Olivia",
      booker: "Ann & Bob",
      notes: "line1\nline2",
      trigger: "BOOKING_CREATED",
      missing: "",
      raw: "30min",
      people: JSON.stringify(payload.attendees),
    });
    expect(request!.headers["x-cal-signature-256"]).toBe(await hmacHex(secret, request!.body));
  });

  it("a template that is not JSON is sent as application/x-www-form-urlencoded", async () => {
    const name = uniqueName();
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name), payloadTemplate: "event={{triggerEvent}}&type={{type}}" });
    const delivery = await insertDelivery(webhook.id, payload);
    await runQueue([{ body: deliverBody(delivery.id) }]);
    const [request] = await receivedRequests(name);
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request!.body).toBe("event=BOOKING_CREATED&type=30min");
  });

  it("without a secret the signature header is Cal.com's literal no-secret-provided and there is no timestamped signature", async () => {
    const name = uniqueName();
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name) });
    const delivery = await insertDelivery(webhook.id);
    await runQueue([{ body: deliverBody(delivery.id) }]);
    const [request] = await receivedRequests(name);
    expect(request!.headers["x-cal-signature-256"]).toBe("no-secret-provided");
    expect(request!.headers).not.toHaveProperty("x-cal-signature-timestamped");
    expect(request!.headers["x-cal-webhook-delivery-id"]).toBe(delivery.id);
  });
});

describe("a webhook that keeps failing is disabled, visibly", () => {
  it("stays active while failures are recent, and a success resets the failure clock", async () => {
    const name = uniqueName();
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name, { failTimes: 1 }) });
    const delivery = await insertDelivery(webhook.id);
    await withDb((db) => db.webhook.update({ where: { id: webhook.id }, data: { failingSince: new Date(Date.now() - 2 * HOUR_MS) } }));
    expect((await runQueue([{ body: deliverBody(delivery.id), attempts: 1 }])).retried).toHaveLength(1);
    expect((await api(`/v2/webhooks/${webhook.id}`, { key: tenant.apiKey })).body.data.active).toBe(true);
    await runQueue([{ body: deliverBody(delivery.id), attempts: 2 }]);
    const log = await api(`/v2/webhooks/${webhook.id}/deliveries`, { key: tenant.apiKey });
    expect(log.body.data.webhook).toEqual({ id: webhook.id, active: true, failingSince: null, disabledAt: null, disabledReason: null });
  });

  it("after 24 h of nothing but failures the webhook is switched off with the reason shown to its owner; re-activating clears it", async () => {
    const name = uniqueName();
    const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name, { alwaysFail: 1 }) });
    const since = new Date(Date.now() - 25 * HOUR_MS);
    await withDb((db) => db.webhook.update({ where: { id: webhook.id }, data: { failingSince: since } }));
    const delivery = await insertDelivery(webhook.id);
    const pending = await insertDelivery(webhook.id);

    const run = await runQueue([{ body: deliverBody(delivery.id), attempts: 1 }]);
    expect(run.acked).toHaveLength(1);
    expect(run.retries).toHaveLength(0);
    expect(await readDelivery(delivery.id)).toMatchObject({ status: "FAILED", failureReason: "webhook_disabled", attempts: 1, lastResponseCode: 500 });

    const got = await api(`/v2/webhooks/${webhook.id}`, { key: tenant.apiKey });
    expect(got.body.data.active).toBe(false);
    const log = await api(`/v2/webhooks/${webhook.id}/deliveries`, { key: tenant.apiKey });
    expect(log.body.data.webhook).toMatchObject({ active: false, failingSince: since.toISOString() });
    expect(log.body.data.webhook.disabledAt).not.toBeNull();
    expect(log.body.data.webhook.disabledReason).toContain("Disabled automatically");
    expect(log.body.data.webhook.disabledReason).toContain(`every delivery has failed since ${since.toISOString()}`);
    expect(log.body.data.webhook.disabledReason).toContain("HTTP 500");

    // Other deliveries of the disabled webhook are not attempted.
    await runQueue([{ body: deliverBody(pending.id), attempts: 1 }]);
    expect(await readDelivery(pending.id)).toMatchObject({ status: "FAILED", failureReason: "webhook_inactive", attempts: 0 });
    expect(await receivedRequests(name)).toHaveLength(1);

    const reactivated = await api(`/v2/webhooks/${webhook.id}`, { method: "PATCH", key: tenant.apiKey, body: { active: true } });
    expect(reactivated.body.data.active).toBe(true);
    const after = await api(`/v2/webhooks/${webhook.id}/deliveries`, { key: tenant.apiKey });
    expect(after.body.data.webhook).toEqual({ id: webhook.id, active: true, failingSince: null, disabledAt: null, disabledReason: null });
  });
});
