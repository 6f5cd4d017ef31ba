import { createRoute } from "@hono/zod-openapi";
import { CalendarStatusOutputSchema } from "../../src/calendars/output";
import { CalendarParams } from "../../src/calendars/schemas";
import { checkCalendar } from "../../src/calendars/service";
import { SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/calendars/{calendar}/check",
  operationId: "CalendarsController_check",
  summary: "Check a calendar connection",
  description:
    "Whether the caller's `google`, `office365` or `apple` calendar is connected and usable: 400 when there is no or an invalid credential, 401 when its calendars cannot be listed.",
  tags: ["Calendars"],
  request: { params: CalendarParams },
  responses: {
    200: { description: "Connected", content: { "application/json": { schema: CalendarStatusOutputSchema } } },
  },
});

export const checkCalendarOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any", permissions: ["APPS_READ"] },
  handler: async (c) => {
    await checkCalendar(c.var.deps, actorOf(c), c.req.valid("param").calendar);
    return c.json({ status: SUCCESS }, 200);
  },
});
