import { createRoute } from "@hono/zod-openapi";
import { CalendarStatusOutputSchema } from "../../src/calendars/output";
import { checkIcsFeed } from "../../src/calendars/service";
import { SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/calendars/ics-feed/check",
  operationId: "CalendarsController_checkIcsFeed",
  summary: "Check an ICS feed connection",
  description: "Whether the caller's ICS feeds are connected and readable: 400 when there is no or an invalid credential, 401 when a feed cannot be read.",
  tags: ["Calendars"],
  responses: {
    200: { description: "Connected", content: { "application/json": { schema: CalendarStatusOutputSchema } } },
  },
});

export const checkIcsFeedOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await checkIcsFeed(c.var.deps, actorOf(c));
    return c.json({ status: SUCCESS }, 200);
  },
});
