import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";
import { GetUnifiedCalendarEventOutputSchema } from "../../src/unified-calendars/output";
import { UnifiedCalendarEventParams, UpdateUnifiedCalendarEventInputSchema } from "../../src/unified-calendars/schemas";
import { updateUnifiedCalendarEvent } from "../../src/unified-calendars/service";

const route = createRoute({
  method: "patch",
  path: "/v2/calendars/{calendar}/events/{eventUid}",
  operationId: "CalUnifiedCalendarsController_updateCalendarEvent",
  summary: "Update meeting details in calendar",
  description:
    "Changes a booking's Google Calendar event (title, description, start, end, attendees, status) with the credential that wrote it; `attendees` replaces the event's list. The same callers as the read may do it. The booking itself is not changed.",
  tags: ["Cal Unified Calendars"],
  request: {
    params: UnifiedCalendarEventParams,
    body: { required: true, content: { "application/json": { schema: UpdateUnifiedCalendarEventInputSchema } } },
  },
  responses: {
    200: { description: "The updated event", content: { "application/json": { schema: GetUnifiedCalendarEventOutputSchema } } },
    ...errorResponses(400, 404, 503),
  },
});

export const updateUnifiedCalendarEventOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => c.json(success(await updateUnifiedCalendarEvent(c.var.deps, actorOf(c), { ...c.req.valid("param"), body: c.req.valid("json") })), 200),
});
