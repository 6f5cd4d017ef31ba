import { createRoute } from "@hono/zod-openapi";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";
import { cityTimeZones } from "../../src/timezones/cities";
import { CityTimeZonesOutputSchema } from "../../src/timezones/output";

const route = createRoute({
  method: "get",
  path: "/v2/timezones",
  operationId: "TimezonesController_getTimeZones",
  summary: "Get all timezones",
  description: "Cities with their IANA time zone and population, one per city name; used by the atoms' time-zone picker. Public.",
  tags: ["Timezones"],
  responses: {
    200: { description: "Cities and their time zones", content: { "application/json": { schema: CityTimeZonesOutputSchema } } },
  },
});

export const listTimeZonesOperation = defineOperation({
  route,
  // Cal.com's TimezonesController: every version, no guard.
  versions: "all",
  auth: "public",
  handler: (c) => c.json(success(cityTimeZones()), 200),
});
