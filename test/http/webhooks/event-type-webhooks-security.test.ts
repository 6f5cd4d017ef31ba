// Cal.com's IsUserEventTypeWebhookGuard: only the event type's owner, only that event type's webhooks.
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { bearer } from "../../helpers/platform";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createWebhookFor, uniqueName } from "../../helpers/webhooks";
import { createEventType, createManagedUser, createOAuthClient, createPlatformOrganization, createTenant, type Tenant, withDb } from "../../helpers/fixtures";

let owner: Tenant;
let intruder: Tenant;
let eventTypeId: number;
let otherEventTypeId: number;
let intruderEventTypeId: number;
let webhookId: string;
let otherEventTypesWebhookId: string;
let intrudersWebhookId: string;
let userWebhookId: string;

const hookBody = (tag: string) => ({
  subscriberUrl: `https://example.com/${tag}/${uniqueName()}`,
  triggers: ["BOOKING_CREATED"],
  active: true,
  secret: "owner-only",
});

beforeAll(async () => {
  owner = await createTenant();
  intruder = await createTenant();
  eventTypeId = (await createEventType(owner, { title: "Guarded" })).id;
  otherEventTypeId = (await createEventType(owner, { title: "Sibling" })).id;
  intruderEventTypeId = (await createEventType(intruder, { title: "Intruder's" })).id;
  webhookId = (await api(`/v2/event-types/${eventTypeId}/webhooks`, { key: owner.apiKey, body: hookBody("guarded") })).body.data.id;
  otherEventTypesWebhookId = (await api(`/v2/event-types/${otherEventTypeId}/webhooks`, { key: owner.apiKey, body: hookBody("sibling") })).body.data.id;
  intrudersWebhookId = (await api(`/v2/event-types/${intruderEventTypeId}/webhooks`, { key: intruder.apiKey, body: hookBody("theirs") })).body.data.id;
  userWebhookId = (await createWebhookFor(owner, { subscriberUrl: `https://example.com/user/${uniqueName()}` })).id;
});

const ROUTES = () => [
  { path: `/v2/event-types/${eventTypeId}/webhooks`, method: "POST", body: hookBody("x") },
  { path: `/v2/event-types/${eventTypeId}/webhooks`, method: "GET" },
  { path: `/v2/event-types/${eventTypeId}/webhooks`, method: "DELETE" },
  { path: `/v2/event-types/${eventTypeId}/webhooks/${webhookId}`, method: "GET" },
  { path: `/v2/event-types/${eventTypeId}/webhooks/${webhookId}`, method: "PATCH", body: { active: false } },
  { path: `/v2/event-types/${eventTypeId}/webhooks/${webhookId}`, method: "DELETE" },
];

for (const index of ROUTES().keys()) {
  describe(`${ROUTES()[index]!.method} ${ROUTES()
    [index]!.path.replace(/\/\d+\//, "/{eventTypeId}/")
    .replace(/[0-9a-f-]{36}/g, "{webhookId}")}`, () => {
    itRejectsMissingAndInvalidCredentials(() => ROUTES()[index]!);
  });
}

describe("another user's event type", () => {
  it("every operation is Cal.com's 403 naming the guard, never the webhooks' data", async () => {
    for (const route of ROUTES()) {
      const res = await api(route.path, { method: route.method, key: intruder.apiKey, body: route.body });
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.body.error).toMatchObject({
        code: "ForbiddenException",
        message: `IsUserEventTypeWebhookGuard - User (${intruder.userId}) is not the owner of event type (${eventTypeId})`,
      });
      expect(res.text).not.toContain("owner-only");
      expect(res.text).not.toContain("example.com/guarded/");
    }
  });

  it("the guard answers before input validation: an invalid body is still a 403", async () => {
    const res = await api(`/v2/event-types/${eventTypeId}/webhooks`, { key: intruder.apiKey, body: { nonsense: true } });
    expect(res.status).toBe(403);
  });

  it("the owner's webhooks are untouched by the intruder's attempts", async () => {
    const rows = await withDb((db) => db.webhook.findMany({ where: { eventTypeId } }));
    expect(rows.map((row) => row.id)).toContain(webhookId);
    expect(rows.find((row) => row.id === webhookId)).toMatchObject({ active: true, secret: "owner-only" });
    const list = await api(`/v2/event-types/${intruderEventTypeId}/webhooks`, { key: intruder.apiKey });
    expect(list.body.data.map((webhook: any) => webhook.id)).toEqual([intrudersWebhookId]);
  });
});

describe("event type and webhook ids", () => {
  it("an unknown event type is a 404 naming it", async () => {
    const res = await api("/v2/event-types/2147480000/webhooks", { key: owner.apiKey });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "NotFoundException", message: "IsUserEventTypeWebhookGuard - Event type (2147480000) not found" });
  });

  it.each(["abc", "0", "-3", "1.5", "99999999999"])("a malformed eventTypeId (%s) is a 400 naming it", async (eventType) => {
    const res = await api(`/v2/event-types/${eventType}/webhooks`, { key: owner.apiKey });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("eventTypeId");
  });

  it("a webhook of another of the owner's event types is a 403", async () => {
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const res = await api(`/v2/event-types/${eventTypeId}/webhooks/${otherEventTypesWebhookId}`, {
        method,
        key: owner.apiKey,
        ...(method === "PATCH" ? { body: { active: false } } : {}),
      });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `IsUserEventTypeWebhookGuard - Webhook (${otherEventTypesWebhookId}) is not associated with event type (${eventTypeId})`,
      );
    }
    expect((await api(`/v2/event-types/${otherEventTypeId}/webhooks/${otherEventTypesWebhookId}`, { key: owner.apiKey })).body.data.active).toBe(true);
  });

  it("another user's event-type webhook, reached through one's own event type, is a 403 without data", async () => {
    const res = await api(`/v2/event-types/${eventTypeId}/webhooks/${intrudersWebhookId}`, { key: owner.apiKey });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain("example.com/theirs/");
  });

  it("a user webhook under an event type path is Cal.com's 400", async () => {
    const res = await api(`/v2/event-types/${eventTypeId}/webhooks/${userWebhookId}`, { key: owner.apiKey });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`IsUserEventTypeWebhookGuard - Webhook (${userWebhookId}) is not associated with an event type`);
  });

  it("an event-type webhook is not reachable through the user webhook routes (IsUserWebhookGuard's 403)", async () => {
    const res = await api(`/v2/webhooks/${webhookId}`, { key: owner.apiKey });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe("Forbidden resource");
    const list = await api("/v2/webhooks", { key: owner.apiKey });
    expect(list.body.data.map((webhook: any) => webhook.id)).toEqual([userWebhookId]);
  });
});

describe("a managed user's access token", () => {
  it("manages the webhooks of the managed user's own event types, and no one else's", async () => {
    const org = await createPlatformOrganization();
    const client = await createOAuthClient(org.owner.apiKey);
    const managed = await createManagedUser(client);
    const created = await api("/v2/event-types", {
      headers: bearer(managed.accessToken),
      version: "2024-06-14",
      body: { lengthInMinutes: 30, title: "Managed", slug: uniqueName("managed") },
    });
    expect(created.status).toBe(201);
    const mine = await api(`/v2/event-types/${created.body.data.id}/webhooks`, { headers: bearer(managed.accessToken), body: hookBody("managed") });
    expect(mine.status).toBe(201);
    expect(mine.body.data.eventTypeId).toBe(created.body.data.id);
    const theirs = await api(`/v2/event-types/${eventTypeId}/webhooks`, { headers: bearer(managed.accessToken) });
    expect(theirs.status).toBe(403);
  });
});
