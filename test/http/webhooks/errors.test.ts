import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { expectBadRequest, uniqueName, validWebhookBody } from "../../helpers/webhooks";
import { createTenant, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;
let webhookId: string;

beforeAll(async () => {
  tenant = await createTenant();
  const res = await api("/v2/webhooks", {
    key: tenant.apiKey,
    body: { subscriberUrl: "https://example.com/errors/" + uniqueName(), triggers: ["BOOKING_CREATED"], active: true },
  });
  webhookId = res.body.data.id;
});

const valid = validWebhookBody;

// Every way a subscriber URL is refused (400 at creation), with the reason Cal.com's message format gives.
const REFUSED_URLS: Array<[string, string]> = [
  ["not a url", "Invalid URL format"],
  ["ftp://example.com/hook", "Only HTTP and HTTPS protocols are allowed"],
  ["file:///etc/passwd", "Only HTTP and HTTPS protocols are allowed"],
  ["https://user:pass@example.com/hook", "Credentials in the URL are not allowed"],
  ["http://10.0.0.1/hook", "Private IP address (private)"],
  ["http://172.20.1.1/hook", "Private IP address (private)"],
  ["http://192.168.1.10:8080/hook", "Private IP address (private)"],
  ["http://100.64.0.1/hook", "Private IP address (carrier-grade NAT)"],
  ["http://169.254.169.254/latest/meta-data/", "Private IP address (link-local / cloud metadata)"],
  ["http://0.0.0.0/hook", "Private IP address (unspecified)"],
  ["http://0xa9.0xfe.0xa9.0xfe/", "Private IP address (link-local / cloud metadata)"],
  ["http://[fd00:ec2::254]/latest/meta-data/", "Private IP address (unique local / cloud metadata)"],
  ["http://[fe80::1]/hook", "Private IP address (link-local)"],
  ["http://[::ffff:10.0.0.1]/hook", "IPv4-mapped IPv6 address"],
  ["http://metadata.google.internal/computeMetadata/v1/", "Blocked hostname (cloud metadata)"],
  ["http://db.internal/hook", "Blocked hostname (internal network name)"],
  ["http://buildserver/hook", "Blocked hostname (not a fully qualified domain name)"],
  ["http://10.1.2.3.nip.io/hook", "Private IP address (private) via nip.io"],
];

describe("POST /v2/webhooks: bad input is a 400 naming the field", () => {
  it.each(REFUSED_URLS)("refuses subscriberUrl %s", async (subscriberUrl, reason) => {
    const res = await api("/v2/webhooks", { key: tenant.apiKey, body: { ...valid(), subscriberUrl } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`Webhook URL is not allowed: ${reason}`);
    expect(res.body.error.details.errors[0].property).toBe("subscriberUrl");
  });

  it("refuses an unknown trigger, naming it", async () => {
    const res = await api("/v2/webhooks", { key: tenant.apiKey, body: { ...valid(), triggers: ["BOOKING_CREATED", "BOOKING_EXPLODED"] } });
    expectBadRequest(res, "triggers.1");
  });

  it("refuses the organization-only DELEGATION_CREDENTIAL_ERROR trigger on a user webhook (as Cal.com)", async () => {
    const res = await api("/v2/webhooks", { key: tenant.apiKey, body: { ...valid(), triggers: ["DELEGATION_CREDENTIAL_ERROR"] } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("DELEGATION_CREDENTIAL_ERROR trigger is only available for organization webhooks");
  });

  it.each([
    ["subscriberUrl", { triggers: ["BOOKING_CREATED"], active: true }],
    ["triggers", { subscriberUrl: "https://example.com/x", active: true }],
    ["active", { subscriberUrl: "https://example.com/x", triggers: [] }],
  ])("requires %s", async (field, body) => {
    expectBadRequest(await api("/v2/webhooks", { key: tenant.apiKey, body }), field);
  });

  it.each([
    ["triggers", { triggers: "BOOKING_CREATED" }],
    ["active", { active: "yes" }],
    ["subscriberUrl", { subscriberUrl: 42 }],
    ["payloadTemplate", { payloadTemplate: { a: 1 } }],
    ["secret", { secret: 123 }],
    ["version", { version: "2020-01-01" }],
  ])("refuses a wrongly typed %s", async (field, override) => {
    expectBadRequest(await api("/v2/webhooks", { key: tenant.apiKey, body: { ...valid(), ...override } }), field);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await api("/v2/webhooks", { key: tenant.apiKey, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
  });

  it("409 for a second webhook on the same subscriber URL (Cal.com's message)", async () => {
    const body = valid();
    expect((await api("/v2/webhooks", { key: tenant.apiKey, body })).status).toBe(201);
    const again = await api("/v2/webhooks", { key: tenant.apiKey, body });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "ConflictException", message: "Webhook with this subscriber url already exists for this user" });
    // Another user may use the same URL.
    expect((await api("/v2/webhooks", { key: (await createTenant()).apiKey, body })).status).toBe(201);
  });
});

describe("GET /v2/webhooks: pagination is validated", () => {
  it.each(["take=0", "take=251", "take=abc", "skip=-1", "skip=1.5"])("400 for %s", async (query) => {
    const res = await api(`/v2/webhooks?${query}`, { key: tenant.apiKey });
    expectBadRequest(res, query.split("=")[0]!);
  });
});

describe("/v2/webhooks/{webhookId}: unknown ids and bad updates", () => {
  it.each(["GET", "PATCH", "DELETE"])("%s on an unknown id is Cal.com's 404", async (method) => {
    const res = await api("/v2/webhooks/90284", { method, key: tenant.apiKey, ...(method === "PATCH" ? { body: { active: false } } : {}) });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "NotFoundException", message: "Webhook (90284) not found" });
  });

  it("PATCH refuses a private subscriber URL, an unknown trigger and wrong types", async () => {
    const privateUrl = await api(`/v2/webhooks/${webhookId}`, { method: "PATCH", key: tenant.apiKey, body: { subscriberUrl: "http://192.168.0.1/x" } });
    expect(privateUrl.status).toBe(400);
    expect(privateUrl.body.error.message).toBe("Webhook URL is not allowed: Private IP address (private)");
    expectBadRequest(await api(`/v2/webhooks/${webhookId}`, { method: "PATCH", key: tenant.apiKey, body: { triggers: ["NOPE"] } }), "triggers.0");
    expectBadRequest(await api(`/v2/webhooks/${webhookId}`, { method: "PATCH", key: tenant.apiKey, body: { active: null } }), "active");
    const org = await api(`/v2/webhooks/${webhookId}`, { method: "PATCH", key: tenant.apiKey, body: { triggers: ["DELEGATION_CREDENTIAL_ERROR"] } });
    expect(org.status).toBe(400);
    // Nothing changed.
    const current = await api(`/v2/webhooks/${webhookId}`, { key: tenant.apiKey });
    expect(current.body.data).toMatchObject({ triggers: ["BOOKING_CREATED"], active: true });
  });

  it("PATCH to a URL another of the caller's webhooks uses is a 409", async () => {
    const taken = valid();
    await api("/v2/webhooks", { key: tenant.apiKey, body: taken });
    const res = await api(`/v2/webhooks/${webhookId}`, { method: "PATCH", key: tenant.apiKey, body: { subscriberUrl: taken.subscriberUrl } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "CONFLICT", message: "Invalid Input: Trying to create a record that already exists." });
  });
});
