import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { createEventType, createTenant, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-14";
let owner: Tenant;
let intruder: Tenant;
let eventTypeId: number;
let linkId: string;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([createTenant(), createTenant()]);
  eventTypeId = (await createEventType(owner, { lengthInMinutes: 30, title: "Secret strategy session", slug: "secret", hidden: true })).id;
  const link = await api(`/v2/event-types/${eventTypeId}/private-links`, { method: "POST", key: owner.apiKey, version: V, body: {} });
  linkId = link.body.data.linkId;
});

describe("every authenticated event type route requires credentials", () => {
  describe("POST /v2/event-types", () =>
    itRejectsMissingAndInvalidCredentials(() => ({
      path: "/v2/event-types",
      method: "POST",
      version: V,
      body: { lengthInMinutes: 30, title: "x", slug: "x" },
    })));
  describe("GET /v2/event-types/{id}", () => itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/event-types/${eventTypeId}`, version: V })));
  describe("PATCH /v2/event-types/{id}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/event-types/${eventTypeId}`, method: "PATCH", version: V, body: { title: "x" } })));
  describe("DELETE /v2/event-types/{id}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/event-types/${eventTypeId}`, method: "DELETE", version: V })));
  describe("GET private links", () => itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/event-types/${eventTypeId}/private-links`, version: V })));
  describe("POST private links", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/event-types/${eventTypeId}/private-links`, method: "POST", version: V, body: {} })));
  describe("PATCH private link", () =>
    itRejectsMissingAndInvalidCredentials(() => ({
      path: `/v2/event-types/${eventTypeId}/private-links/${linkId}`,
      method: "PATCH",
      version: V,
      body: { maxUsageCount: 3 },
    })));
  describe("DELETE private link", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/event-types/${eventTypeId}/private-links/${linkId}`, method: "DELETE", version: V })));

  it("the public list still refuses an invalid key (401), as Cal.com's optional guard does", async () => {
    const res = await api(`/v2/event-types?username=${owner.username}`, { version: V, key: "cal_00000000000000000000000000000000" });
    expect(res.status).toBe(401);
  });
});

describe("another user's event type: never the data", () => {
  it("GET by id is a 404, as for an unknown id", async () => {
    const res = await api(`/v2/event-types/${eventTypeId}`, { key: intruder.apiKey, version: V });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`Event type with id ${eventTypeId} not found`);
    expect(res.text).not.toContain("Secret strategy session");
  });

  it("PATCH is a 404 and changes nothing", async () => {
    const res = await api(`/v2/event-types/${eventTypeId}`, { method: "PATCH", key: intruder.apiKey, version: V, body: { title: "Pwned", hidden: false } });
    expect(res.status).toBe(404);
    const mine = await api(`/v2/event-types/${eventTypeId}`, { key: owner.apiKey, version: V });
    expect(mine.body.data).toMatchObject({ title: "Secret strategy session", hidden: true });
  });

  it("DELETE is a 403 (Cal.com's message) and deletes nothing", async () => {
    const res = await api(`/v2/event-types/${eventTypeId}`, { method: "DELETE", key: intruder.apiKey, version: V });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(`User with ID=${intruder.userId} does not own event type with ID=${eventTypeId}`);
    expect((await api(`/v2/event-types/${eventTypeId}`, { key: owner.apiKey, version: V })).status).toBe(200);
  });

  it("a hidden event type is not listed for others, nor found by username + slug", async () => {
    const list = await api(`/v2/event-types?username=${owner.username}`, { key: intruder.apiKey, version: V });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    const bySlug = await api(`/v2/event-types?username=${owner.username}&eventSlug=secret`, { version: V });
    expect(bySlug.body.data).toEqual([]);
    const mine = await api("/v2/event-types", { key: intruder.apiKey, version: V });
    expect(mine.body.data).toEqual([]);
  });

  it("the intruder cannot pin an event type to the owner's schedule", async () => {
    const schedule = await api("/v2/schedules", {
      method: "POST",
      key: owner.apiKey,
      version: "2024-06-11",
      body: { name: "Mine", timeZone: "UTC", isDefault: true },
    });
    const res = await api("/v2/event-types", {
      method: "POST",
      key: intruder.apiKey,
      version: V,
      body: { lengthInMinutes: 30, title: "x", slug: "borrow", scheduleId: schedule.body.data.id },
    });
    expect(res.status).toBe(404);
  });
});

describe("another user's private links: 403, never the links", () => {
  const forbidden = (res: { status: number; body: any; text: string }) => {
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(`User does not have permission to access event type ${eventTypeId}`);
    expect(res.body.data).toBeUndefined();
    expect(res.text).not.toContain("bookingUrl");
  };

  it("list", async () => {
    const res = await api(`/v2/event-types/${eventTypeId}/private-links`, { key: intruder.apiKey, version: V });
    forbidden(res);
    expect(res.text).not.toContain(linkId);
  });
  it("create", async () =>
    forbidden(await api(`/v2/event-types/${eventTypeId}/private-links`, { method: "POST", key: intruder.apiKey, version: V, body: {} })));
  it("update", async () =>
    forbidden(
      await api(`/v2/event-types/${eventTypeId}/private-links/${linkId}`, { method: "PATCH", key: intruder.apiKey, version: V, body: { maxUsageCount: 100 } }),
    ));
  it("delete", async () => {
    forbidden(await api(`/v2/event-types/${eventTypeId}/private-links/${linkId}`, { method: "DELETE", key: intruder.apiKey, version: V }));
    const still = await api(`/v2/event-types/${eventTypeId}/private-links`, { key: owner.apiKey, version: V });
    expect(still.body.data.map((l: any) => l.linkId)).toEqual([linkId]);
  });

  it("a link id cannot be reached through another event type, even one the caller owns", async () => {
    const mine = await api("/v2/event-types", { method: "POST", key: intruder.apiKey, version: V, body: { lengthInMinutes: 30, title: "Mine", slug: "mine" } });
    const res = await api(`/v2/event-types/${mine.body.data.id}/private-links/${linkId}`, {
      method: "PATCH",
      key: intruder.apiKey,
      version: V,
      body: { maxUsageCount: 100 },
    });
    expect(res.status).toBe(404);
    const del = await api(`/v2/event-types/${mine.body.data.id}/private-links/${linkId}`, { method: "DELETE", key: intruder.apiKey, version: V });
    expect(del.status).toBe(404);
    const still = await api(`/v2/event-types/${eventTypeId}/private-links`, { key: owner.apiKey, version: V });
    expect(still.body.data[0]).toMatchObject({ linkId, maxUsageCount: 1 });
  });
});
