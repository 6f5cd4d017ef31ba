import { createRoute } from "@hono/zod-openapi";
import { BusyTimesOutputSchema } from "../../src/calendars/output";
import { BusyTimesQuery } from "../../src/calendars/schemas";
import { getBusyTimes } from "../../src/calendars/service";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/calendars/busy-times",
  operationId: "CalendarsController_getBusyTimes",
  summary: "Get busy times",
  description:
    "Busy intervals of the given calendars, sent as `calendarsToLoad[0][credentialId]=…&calendarsToLoad[0][externalId]=…` (the flat " +
    "`credentialId`/`externalId` pair is accepted for one calendar). The window is widened to 11 hours before `dateFrom` and 14 hours " +
    "after `dateTo`, as in Cal.com; times are UTC. `timeZone` (or the deprecated `loggedInUsersTz`) is required. Recurring events are expanded.",
  tags: ["Calendars"],
  request: { query: BusyTimesQuery },
  responses: {
    200: { description: "Busy times", content: { "application/json": { schema: BusyTimesOutputSchema } } },
    ...errorResponses(401, 500),
  },
});

export const getBusyTimesOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getBusyTimes(c.var.deps, actorOf(c), c.req.valid("query"))), 200),
});
