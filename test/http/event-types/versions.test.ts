import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createEventType, createTenant, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;
let eventTypeId: number;

beforeAll(async () => {
  tenant = await createTenant();
  eventTypeId = (await createEventType(tenant, { lengthInMinutes: 30, title: "V", slug: "v" })).id;
});

// Cal.com serves /v2/event-types with EventTypesController_2024_06_14 only for 2024-06-14. Without the header
// (→ 2024-04-15) or with 2024-06-11 it uses a legacy controller not implemented here, and under 2024-08-13 or
// 2024-09-04 it has no handler at all: in every such case the router answers 404 "Cannot <METHOD> <path>".
describe("event types version routing", () => {
  for (const version of [undefined, "2024-04-15", "2024-06-11", "2024-08-13", "2024-09-04", "garbage"]) {
    it(`404 for ${version ?? "no header"}`, async () => {
      const list = await api("/v2/event-types", { key: tenant.apiKey, version });
      expect(list.status).toBe(404);
      expect(list.body.error.message).toBe("Cannot GET /v2/event-types");
      const one = await api(`/v2/event-types/${eventTypeId}`, { key: tenant.apiKey, version });
      expect(one.status).toBe(404);
      // The private links' controller declares no version: it answers every one (private-links.test.ts).
      const links = await api(`/v2/event-types/${eventTypeId}/private-links`, { key: tenant.apiKey, version });
      expect(links.status).toBe(200);
    });
  }

  it("2024-06-14 is served, under the /api/v2 and /v2/ee prefixes too", async () => {
    for (const prefix of ["/v2", "/api/v2", "/v2/ee"]) {
      const res = await api(`${prefix}/event-types/${eventTypeId}`, { key: tenant.apiKey, version: "2024-06-14" });
      expect(res.status, prefix).toBe(200);
    }
  });
});
