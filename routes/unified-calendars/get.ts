import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { GetUnifiedCalendarEventOutputSchema } from "../../src/unified-calendars/output";
import { UnifiedCalendarEventParams } from "../../src/unified-calendars/schemas";
import { getUnifiedCalendarEvent } from "../../src/unified-calendars/service";

const route = createRoute({
  method: "get",
  path: "/v2/calendars/{calendar}/event/{eventUid}",
  operationId: "CalUnifiedCalendarsController_getCalendarEventDetails",
  summary: "Get meeting details from calendar",
  description:
    "The Google Calendar event of a booking, by the event id its booking reference stores, read with the credential that wrote it. Only the booking's hosts, the event type's owner (or an admin of their organization) and admins of the event type's team may read it; for anyone else the reference is not found.",
  tags: ["Cal Unified Calendars"],
  request: { params: UnifiedCalendarEventParams },
  responses: {
    200: { description: "The event", content: { "application/json": { schema: GetUnifiedCalendarEventOutputSchema } } },
    ...errorResponses(400, 404, 503),
  },
});

export const getUnifiedCalendarEventOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await getUnifiedCalendarEvent(c.var.deps, actorOf(c), c.req.valid("param"))), 200),
});
