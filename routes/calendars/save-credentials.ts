import { createRoute } from "@hono/zod-openapi";
import { CalendarStatusOutputSchema } from "../../src/calendars/output";
import { CalendarCredentialsBody, CalendarParams } from "../../src/calendars/schemas";
import { saveCalendarCredentials } from "../../src/calendars/service";
import { SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/calendars/{calendar}/credentials",
  operationId: "CalendarsController_syncCredentials",
  summary: "Sync credentials",
  description:
    "Connects an Apple iCloud calendar account (`calendar` = `apple`) with its username and app-specific password, verified against " +
    "iCloud's CalDAV server first (400 when refused). The password is stored encrypted. No calendar is selected for conflict checking.",
  tags: ["Calendars"],
  request: { params: CalendarParams, body: { required: true, content: { "application/json": { schema: CalendarCredentialsBody } } } },
  responses: {
    201: { description: "Connected", content: { "application/json": { schema: CalendarStatusOutputSchema } } },
  },
});

export const saveCalendarCredentialsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    await saveCalendarCredentials(c.var.deps, actorOf(c), c.req.valid("param").calendar, c.req.valid("json"));
    return c.json({ status: SUCCESS }, 201);
  },
});
