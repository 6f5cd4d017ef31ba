import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { receiverUrl, uniqueName, webhookContractProblems } from "../../helpers/webhooks";
import { createTenant, type Tenant, withDb } from "../../helpers/fixtures";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

const TEMPLATE = '{"content":"A new event has been scheduled","name":"{{title}}","booker":"{{attendees.0.name}}"}';

describe("POST /v2/webhooks", () => {
  it("creates a webhook in the contract's shape and returns its secret this once", async () => {
    const subscriberUrl = "https://example.com/hooks/" + uniqueName();
    const res = await api("/v2/webhooks", {
      key: tenant.apiKey,
      body: { subscriberUrl, triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"], active: true, payloadTemplate: TEMPLATE, secret: "s3cret" },
    });
    expect(res.status).toBe(201);
    expect(webhookContractProblems("WebhooksController_createWebhook", 201, res.body)).toEqual([]);
    expect(res.body).toEqual({
      status: "success",
      data: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        userId: tenant.userId,
        subscriberUrl,
        triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"],
        active: true,
        payloadTemplate: TEMPLATE,
        secret: "s3cret",
      },
    });
    // Stored as Cal.com's columns.
    const row = await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id: res.body.data.id } }));
    expect(row).toMatchObject({ userId: tenant.userId, eventTriggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"], secret: "s3cret", eventTypeId: null });
  });

  it("accepts a webhook without template or secret (payloadTemplate null, no secret field)", async () => {
    const res = await api("/v2/webhooks", {
      key: tenant.apiKey,
      body: { subscriberUrl: "https://example.com/plain/" + uniqueName(), triggers: [], active: false },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ payloadTemplate: null, triggers: [], active: false });
    expect(res.body.data).not.toHaveProperty("secret");
  });

  it("stores repeated triggers once and ignores unknown keys", async () => {
    const res = await api("/v2/webhooks", {
      key: tenant.apiKey,
      body: {
        subscriberUrl: "https://example.com/dup/" + uniqueName(),
        triggers: ["BOOKING_PAID", "BOOKING_PAID"],
        active: true,
        foo: "bar",
        version: "2021-10-20",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.triggers).toEqual(["BOOKING_PAID"]);
    expect(res.body.data).not.toHaveProperty("foo");
  });

  it("accepts a loopback receiver only because the test environment allows it", async () => {
    const res = await api("/v2/webhooks", {
      key: tenant.apiKey,
      body: { subscriberUrl: receiverUrl(uniqueName()), triggers: ["BOOKING_CREATED"], active: true },
    });
    expect(res.status).toBe(201);
  });
});

describe("GET /v2/webhooks", () => {
  it("lists only the caller's webhooks, paginated with skip/take, never with secrets", async () => {
    const owner = await createTenant();
    const other = await createTenant();
    const urls = [0, 1, 2].map((i) => `https://example.com/list/${i}/${uniqueName()}`);
    for (const subscriberUrl of urls) {
      await api("/v2/webhooks", {
        key: owner.apiKey,
        body: { subscriberUrl, triggers: ["BOOKING_CREATED"], active: true, payloadTemplate: "x", secret: "hidden" },
      });
    }
    await api("/v2/webhooks", { key: other.apiKey, body: { subscriberUrl: "https://example.com/other/" + uniqueName(), triggers: [], active: true } });

    const all = await api("/v2/webhooks", { key: owner.apiKey });
    expect(all.status).toBe(200);
    expect(webhookContractProblems("WebhooksController_getWebhooks", 200, all.body)).toEqual([]);
    expect(all.body.data.map((w: any) => w.subscriberUrl)).toEqual(urls);
    for (const webhook of all.body.data) {
      expect(webhook.userId).toBe(owner.userId);
      expect(webhook).not.toHaveProperty("secret");
    }

    const page = await api("/v2/webhooks?take=1&skip=1", { key: owner.apiKey });
    expect(page.status).toBe(200);
    expect(page.body.data.map((w: any) => w.subscriberUrl)).toEqual([urls[1]]);

    const empty = await api("/v2/webhooks", { key: (await createTenant()).apiKey });
    expect(empty.body).toEqual({ status: "success", data: [] });
  });
});

describe("GET/PATCH/DELETE /v2/webhooks/{webhookId}", () => {
  it("reads, updates and deletes a webhook", async () => {
    const created = await api("/v2/webhooks", {
      key: tenant.apiKey,
      body: {
        subscriberUrl: "https://example.com/rud/" + uniqueName(),
        triggers: ["BOOKING_CREATED"],
        active: true,
        payloadTemplate: TEMPLATE,
        secret: "first",
      },
    });
    const id = created.body.data.id;

    const got = await api(`/v2/webhooks/${id}`, { key: tenant.apiKey });
    expect(got.status).toBe(200);
    expect(webhookContractProblems("WebhooksController_getWebhook", 200, got.body)).toEqual([]);
    expect(got.body.data).toEqual({ ...created.body.data, secret: undefined });
    expect(got.body.data).not.toHaveProperty("secret");

    const patched = await api(`/v2/webhooks/${id}`, { method: "PATCH", key: tenant.apiKey, body: { active: false, triggers: ["MEETING_ENDED"] } });
    expect(patched.status).toBe(200);
    expect(webhookContractProblems("WebhooksController_updateWebhook", 200, patched.body)).toEqual([]);
    expect(patched.body.data).toMatchObject({ id, active: false, triggers: ["MEETING_ENDED"], payloadTemplate: TEMPLATE });
    expect(patched.body.data).not.toHaveProperty("secret");

    // A new secret is echoed in the response that sets it, then never again.
    const rotated = await api(`/v2/webhooks/${id}`, { method: "PATCH", key: tenant.apiKey, body: { secret: "second" } });
    expect(rotated.body.data.secret).toBe("second");
    expect((await api(`/v2/webhooks/${id}`, { key: tenant.apiKey })).body.data).not.toHaveProperty("secret");
    expect((await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id } }))).secret).toBe("second");

    const cleared = await api(`/v2/webhooks/${id}`, { method: "PATCH", key: tenant.apiKey, body: { payloadTemplate: null } });
    expect(cleared.body.data.payloadTemplate).toBeNull();

    const deleted = await api(`/v2/webhooks/${id}`, { method: "DELETE", key: tenant.apiKey });
    expect(deleted.status).toBe(200);
    expect(webhookContractProblems("WebhooksController_deleteWebhook", 200, deleted.body)).toEqual([]);
    expect(deleted.body.data).toMatchObject({ id, active: false, triggers: ["MEETING_ENDED"] });
    expect(deleted.body.data).not.toHaveProperty("secret");

    const gone = await api(`/v2/webhooks/${id}`, { key: tenant.apiKey });
    expect(gone.status).toBe(404);
  });

  it("answers under every API version (webhooks are version-neutral)", async () => {
    for (const version of ["2024-04-15", "2024-06-14", "2024-08-13", "2024-09-04", "not-a-version"]) {
      const res = await api("/v2/webhooks", { key: tenant.apiKey, version });
      expect(res.status).toBe(200);
    }
  });
});
