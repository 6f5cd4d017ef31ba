// Bad input on event-type and OAuth-client webhooks: a 400 naming the field, Cal.com's 404s and 409s.
import { beforeAll, describe, expect, it } from "vitest";
import { eventTypeWebhookScope, expectBadRequest, oAuthClientWebhookScope, scopeApi, validWebhookBody, type WebhookScope } from "../../helpers/webhooks";

const valid = validWebhookBody;

const REFUSED_URLS: Array<[string, string]> = [
  ["not a url", "Invalid URL format"],
  ["ftp://example.com/hook", "Only HTTP and HTTPS protocols are allowed"],
  ["https://user:pass@example.com/hook", "Credentials in the URL are not allowed"],
  ["http://10.0.0.1/hook", "Private IP address (private)"],
  ["http://169.254.169.254/latest/meta-data/", "Private IP address (link-local / cloud metadata)"],
  ["http://[::ffff:10.0.0.1]/hook", "IPv4-mapped IPv6 address"],
  ["http://metadata.google.internal/computeMetadata/v1/", "Blocked hostname (cloud metadata)"],
];

const SCOPES: Array<[string, () => Promise<WebhookScope>]> = [
  ["event type", () => eventTypeWebhookScope()],
  ["OAuth client", () => oAuthClientWebhookScope("client credentials")],
];

describe.each(SCOPES)("%s webhooks: bad input", (_label, makeScope) => {
  let scope: WebhookScope;
  let webhookId: string;

  beforeAll(async () => {
    scope = await makeScope();
    webhookId = (await scopeApi(scope, "", { body: valid() })).body.data.id;
  });

  it.each(REFUSED_URLS)("POST refuses subscriberUrl %s, naming the field", async (subscriberUrl, reason) => {
    const res = await scopeApi(scope, "", { body: { ...valid(), subscriberUrl } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`Webhook URL is not allowed: ${reason}`);
    expect(res.body.error.details.errors[0].property).toBe("subscriberUrl");
  });

  it("POST refuses an unknown trigger, naming it", async () => {
    expectBadRequest(await scopeApi(scope, "", { body: { ...valid(), triggers: ["BOOKING_CREATED", "BOOKING_EXPLODED"] } }), "triggers.1");
  });

  it.each([
    ["subscriberUrl", { triggers: ["BOOKING_CREATED"], active: true }],
    ["triggers", { subscriberUrl: "https://example.com/x", active: true }],
    ["active", { subscriberUrl: "https://example.com/x", triggers: [] }],
  ])("POST requires %s", async (field, body) => {
    expectBadRequest(await scopeApi(scope, "", { body }), field);
  });

  it.each([
    ["active", { active: "yes" }],
    ["payloadTemplate", { payloadTemplate: { a: 1 } }],
    ["secret", { secret: 123 }],
    ["version", { version: "2020-01-01" }],
  ])("POST refuses a wrongly typed %s", async (field, override) => {
    expectBadRequest(await scopeApi(scope, "", { body: { ...valid(), ...override } }), field);
  });

  it("POST refuses a body that is not JSON", async () => {
    const res = await scopeApi(scope, "", { rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
  });

  it("DELEGATION_CREDENTIAL_ERROR: refused on event types, accepted on OAuth clients (as Cal.com's services)", async () => {
    const res = await scopeApi(scope, "", { body: { ...valid(), triggers: ["DELEGATION_CREDENTIAL_ERROR"] } });
    if (scope.kind === "eventType") {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe("DELEGATION_CREDENTIAL_ERROR trigger is only available for organization webhooks");
      const patched = await scopeApi(scope, `/${webhookId}`, { method: "PATCH", body: { triggers: ["DELEGATION_CREDENTIAL_ERROR"] } });
      expect(patched.status).toBe(400);
    } else {
      expect(res.status).toBe(201);
      expect(res.body.data.triggers).toEqual(["DELEGATION_CREDENTIAL_ERROR"]);
    }
  });

  it("409 for a second webhook on the same subscriber URL, with Cal.com's message for the owner", async () => {
    const body = valid();
    expect((await scopeApi(scope, "", { body })).status).toBe(201);
    const again = await scopeApi(scope, "", { body });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "ConflictException", message: scope.conflictMessage });
    // Another owner of the same kind may use the URL.
    expect((await scopeApi(await makeScope(), "", { body })).status).toBe(201);
  });

  it.each(["take=0", "take=251", "take=abc", "skip=-1", "skip=1.5"])("GET (list) 400 for %s", async (query) => {
    expectBadRequest(await scopeApi(scope, `?${query}`), query.split("=")[0]!);
  });

  it.each(["GET", "PATCH", "DELETE"])("%s on an unknown webhook id is Cal.com's 404", async (method) => {
    const res = await scopeApi(scope, "/90284", { method, ...(method === "PATCH" ? { body: { active: false } } : {}) });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "NotFoundException", message: "Webhook (90284) not found" });
  });

  it("PATCH refuses a private URL, an unknown trigger, a null active and a URL already used; nothing changes", async () => {
    const privateUrl = await scopeApi(scope, `/${webhookId}`, { method: "PATCH", body: { subscriberUrl: "http://192.168.0.1/x" } });
    expect(privateUrl.status).toBe(400);
    expect(privateUrl.body.error.message).toBe("Webhook URL is not allowed: Private IP address (private)");
    expectBadRequest(await scopeApi(scope, `/${webhookId}`, { method: "PATCH", body: { triggers: ["NOPE"] } }), "triggers.0");
    expectBadRequest(await scopeApi(scope, `/${webhookId}`, { method: "PATCH", body: { active: null } }), "active");

    const taken = valid();
    await scopeApi(scope, "", { body: taken });
    const conflict = await scopeApi(scope, `/${webhookId}`, { method: "PATCH", body: { subscriberUrl: taken.subscriberUrl } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: "CONFLICT", message: "Invalid Input: Trying to create a record that already exists." });

    const current = await scopeApi(scope, `/${webhookId}`);
    expect(current.body.data).toMatchObject({ triggers: ["BOOKING_CREATED"], active: true, subscriberUrl: expect.stringContaining("https://example.com/ok/") });
  });
});
