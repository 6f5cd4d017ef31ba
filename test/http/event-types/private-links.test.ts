import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createEventType, createTenant, testDb, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-14";
let tenant: Tenant;
let eventTypeId: number;
const base = () => `/v2/event-types/${eventTypeId}/private-links`;

beforeAll(async () => {
  tenant = await createTenant();
  eventTypeId = (await createEventType(tenant, { lengthInMinutes: 30, title: "VIP", slug: "vip", hidden: true })).id;
});

describe("private links", () => {
  it("creates a one-time link by default", async () => {
    const res = await api(base(), { method: "POST", key: tenant.apiKey, version: V, body: {} });
    expect(res.status).toBe(201);
    expect(contractProblems("EventTypesPrivateLinksController_createPrivateLink", 201, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ eventTypeId, isExpired: false, maxUsageCount: 1, usageCount: 0 });
    expect(res.body.data.bookingUrl).toBe(`https://cal.com/d/${res.body.data.linkId}/vip`);
  });

  it("creates usage-based and time-based links and lists them", async () => {
    const uses = await api(base(), { method: "POST", key: tenant.apiKey, version: V, body: { maxUsageCount: 5 } });
    expect(uses.body.data).toMatchObject({ maxUsageCount: 5, usageCount: 0, isExpired: false });
    const dated = await api(base(), { method: "POST", key: tenant.apiKey, version: V, body: { expiresAt: "2031-01-01T00:00:00.000Z" } });
    expect(dated.status).toBe(201);
    expect(contractProblems("EventTypesPrivateLinksController_createPrivateLink", 201, dated.body)).toEqual([]);
    expect(dated.body.data).toMatchObject({ expiresAt: "2031-01-01T00:00:00.000Z", isExpired: false });
    expect(dated.body.data).not.toHaveProperty("maxUsageCount");
    const past = await api(base(), { method: "POST", key: tenant.apiKey, version: V, body: { expiresAt: "2020-01-01T00:00:00Z" } });
    expect(past.body.data.isExpired).toBe(true);

    const list = await api(base(), { key: tenant.apiKey, version: V });
    expect(list.status).toBe(200);
    expect(contractProblems("EventTypesPrivateLinksController_getPrivateLinks", 200, list.body)).toEqual([]);
    expect(list.body.data.map((l: any) => l.linkId)).toEqual(expect.arrayContaining([uses.body.data.linkId, dated.body.data.linkId, past.body.data.linkId]));
  });

  it("a usage-based link is expired once its uses are spent", async () => {
    const link = await api(base(), { method: "POST", key: tenant.apiKey, version: V, body: { maxUsageCount: 2 } });
    const db = testDb();
    try {
      await db.hashedLink.update({ where: { link: link.body.data.linkId }, data: { usageCount: 2 } });
    } finally {
      await db.$disconnect();
    }
    const list = await api(base(), { key: tenant.apiKey, version: V });
    expect(list.body.data.find((l: any) => l.linkId === link.body.data.linkId)).toMatchObject({ isExpired: true, usageCount: 2 });
  });

  it("PATCH switches between expiry by date and by use count", async () => {
    const link = await api(base(), { method: "POST", key: tenant.apiKey, version: V, body: { maxUsageCount: 3 } });
    const id = link.body.data.linkId;
    const dated = await api(`${base()}/${id}`, { method: "PATCH", key: tenant.apiKey, version: V, body: { expiresAt: "2032-06-01T12:00:00+02:00" } });
    expect(dated.status).toBe(200);
    expect(contractProblems("EventTypesPrivateLinksController_updatePrivateLink", 200, dated.body)).toEqual([]);
    expect(dated.body.data).toMatchObject({ linkId: id, expiresAt: "2032-06-01T10:00:00.000Z" });
    const counted = await api(`${base()}/${id}`, { method: "PATCH", key: tenant.apiKey, version: V, body: { maxUsageCount: 10 } });
    expect(counted.body.data).toMatchObject({ linkId: id, maxUsageCount: 10, usageCount: 0 });
    expect(counted.body.data).not.toHaveProperty("expiresAt");
  });

  it("DELETE removes it", async () => {
    const link = await api(base(), { method: "POST", key: tenant.apiKey, version: V, body: {} });
    const id = link.body.data.linkId;
    const res = await api(`${base()}/${id}`, { method: "DELETE", key: tenant.apiKey, version: V });
    expect(res.status).toBe(200);
    expect(contractProblems("EventTypesPrivateLinksController_deletePrivateLink", 200, res.body)).toEqual([]);
    expect(res.body.data).toEqual({ linkId: id, message: "Private link deleted successfully" });
    const again = await api(`${base()}/${id}`, { method: "DELETE", key: tenant.apiKey, version: V });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe(`Private link with ID ${id} not found for this event type`);
  });

  it("links go with their event type", async () => {
    const et = await api("/v2/event-types", { method: "POST", key: tenant.apiKey, version: V, body: { lengthInMinutes: 30, title: "Tmp", slug: "tmp" } });
    const link = await api(`/v2/event-types/${et.body.data.id}/private-links`, { method: "POST", key: tenant.apiKey, version: V, body: {} });
    await api(`/v2/event-types/${et.body.data.id}`, { method: "DELETE", key: tenant.apiKey, version: V });
    const db = testDb();
    try {
      expect(await db.hashedLink.findUnique({ where: { link: link.body.data.linkId } })).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });

  it("bad input is a 400 naming the field; unknown event type or link is a 404", async () => {
    for (const [body, field] of [
      [{ maxUsageCount: 0 }, "maxUsageCount"],
      [{ maxUsageCount: "many" }, "maxUsageCount"],
      [{ expiresAt: "next tuesday" }, "expiresAt"],
    ] as const) {
      const res = await api(base(), { method: "POST", key: tenant.apiKey, version: V, body });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    const empty = await api(`${base()}/whatever`, { method: "PATCH", key: tenant.apiKey, version: V, body: {} });
    expect(empty.status).toBe(400);
    const unknownEvent = await api(`/v2/event-types/2000000000/private-links`, { key: tenant.apiKey, version: V });
    expect(unknownEvent.status).toBe(404);
    const unknownLink = await api(`${base()}/no-such-link`, { method: "PATCH", key: tenant.apiKey, version: V, body: { maxUsageCount: 2 } });
    expect(unknownLink.status).toBe(404);
  });
});

// Cal.com's EventTypesPrivateLinksController declares no version and the contract documents no cal-api-version
// header for these operations: every version, and none, is served (unlike the event types themselves).
describe("private links under any version", () => {
  for (const version of [undefined, "2024-04-15", "2024-08-13", "garbage"]) {
    it(`${version ?? "no header"}: create, list, update and delete answer`, async () => {
      const created = await api(base(), { method: "POST", key: tenant.apiKey, version, body: { maxUsageCount: 3 } });
      expect(created.status).toBe(201);
      expect(contractProblems("EventTypesPrivateLinksController_createPrivateLink", 201, created.body)).toEqual([]);
      const id = created.body.data.linkId;
      const list = await api(base(), { key: tenant.apiKey, version });
      expect(list.status).toBe(200);
      expect(list.body.data.map((l: any) => l.linkId)).toContain(id);
      const updated = await api(`${base()}/${id}`, { method: "PATCH", key: tenant.apiKey, version, body: { maxUsageCount: 4 } });
      expect(updated.status).toBe(200);
      expect(updated.body.data).toMatchObject({ linkId: id, maxUsageCount: 4 });
      const deleted = await api(`${base()}/${id}`, { method: "DELETE", key: tenant.apiKey, version });
      expect(deleted.status).toBe(200);
      expect(deleted.body.data).toEqual({ linkId: id, message: "Private link deleted successfully" });
    });
  }
});
