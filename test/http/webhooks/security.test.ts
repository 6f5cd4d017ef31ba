import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { insertDelivery, uniqueName } from "../../helpers/webhooks";
import { createTenant, type Tenant, withDb } from "../../helpers/fixtures";

let owner: Tenant;
let intruder: Tenant;
let webhookId: string;
let deliveryId: string;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([createTenant(), createTenant()]);
  const res = await api("/v2/webhooks", {
    key: owner.apiKey,
    body: { subscriberUrl: "https://example.com/sec/" + uniqueName(), triggers: ["BOOKING_CREATED"], active: true, secret: "owner-only" },
  });
  webhookId = res.body.data.id;
  deliveryId = (await insertDelivery(webhookId)).id;
  await withDb((db) => db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "FAILED", failureReason: "retries_exhausted" } }));
});

const ROUTES = () => [
  { path: "/v2/webhooks", method: "POST", body: { subscriberUrl: "https://example.com/x", triggers: [], active: true } },
  { path: "/v2/webhooks", method: "GET" },
  { path: `/v2/webhooks/${webhookId}`, method: "GET" },
  { path: `/v2/webhooks/${webhookId}`, method: "PATCH", body: { active: false } },
  { path: `/v2/webhooks/${webhookId}`, method: "DELETE" },
  { path: `/v2/webhooks/${webhookId}/deliveries`, method: "GET" },
  { path: `/v2/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`, method: "POST" },
];

for (const index of ROUTES().keys()) {
  describe(`${ROUTES()[index]!.method} ${ROUTES()[index]!.path.replace(/[0-9a-f-]{36}/g, "{id}")}`, () => {
    itRejectsMissingAndInvalidCredentials(() => ROUTES()[index]!);
  });
}

describe("another tenant's webhook", () => {
  // Cal.com's IsUserWebhookGuard returns false → Nest's 403 "Forbidden resource"; never the webhook's data.
  it.each(["GET", "PATCH", "DELETE"])("%s is a 403 without data", async (method) => {
    const res = await api(`/v2/webhooks/${webhookId}`, {
      method,
      key: intruder.apiKey,
      ...(method === "PATCH" ? { body: { active: false, subscriberUrl: "https://evil.example.com/x" } } : {}),
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "ForbiddenException", message: "Forbidden resource" });
    expect(res.text).not.toContain("owner-only");
    expect(res.text).not.toContain("example.com/sec/");
  });

  it("its delivery log and redelivery are 403 too", async () => {
    const log = await api(`/v2/webhooks/${webhookId}/deliveries`, { key: intruder.apiKey });
    expect(log.status).toBe(403);
    const redeliver = await api(`/v2/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`, { method: "POST", key: intruder.apiKey });
    expect(redeliver.status).toBe(403);
  });

  it("is untouched by the intruder's attempts and absent from the intruder's list", async () => {
    const row = await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id: webhookId } }));
    expect(row).toMatchObject({ active: true, userId: owner.userId });
    expect((await readDeliveryStatus()).status).toBe("FAILED");
    const list = await api("/v2/webhooks", { key: intruder.apiKey });
    expect(list.body.data.map((w: any) => w.id)).not.toContain(webhookId);
  });

  it("a delivery id of another webhook cannot be redelivered through one's own webhook", async () => {
    const mine = await api("/v2/webhooks", {
      key: intruder.apiKey,
      body: { subscriberUrl: "https://example.com/mine/" + uniqueName(), triggers: [], active: true },
    });
    const res = await api(`/v2/webhooks/${mine.body.data.id}/deliveries/${deliveryId}/redeliver`, { method: "POST", key: intruder.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`Webhook delivery (${deliveryId}) not found`);
  });
});

function readDeliveryStatus() {
  return withDb((db) => db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { status: true } }));
}
