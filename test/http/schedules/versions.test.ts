import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

// Cal.com's SchedulesController_2024_06_11 serves 2024-06-11 and 2024-06-14. Without the header (or with any
// other value) Cal.com routes to its 2024-04-15 schedules controller, which this service does not implement:
// the router answers 404 "Cannot <METHOD> <path>", as Cal.com does for a version with no handler.
describe("schedules version routing", () => {
  for (const version of ["2024-06-11", "2024-06-14"]) {
    it(`serves ${version}`, async () => {
      const res = await api("/v2/schedules", { key: tenant.apiKey, version });
      expect(res.status).toBe(200);
      expect(contractProblems("SchedulesController_2024_06_11_getSchedules", 200, res.body)).toEqual([]);
    });
  }

  for (const version of [undefined, "2024-04-15", "2024-08-13", "2024-09-04", "not-a-version"]) {
    it(`answers 404 for ${version ?? "no header"}`, async () => {
      const res = await api("/v2/schedules", { key: tenant.apiKey, version });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe("Cannot GET /v2/schedules");
    });
  }
});
