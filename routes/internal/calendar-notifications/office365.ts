import { createRoute } from "@hono/zod-openapi";
import { OFFICE365_NOTIFICATIONS_PATH } from "../../../src/calendars/notifications/channels";
import { office365ValidationAnswer, receiveOffice365Notifications } from "../../../src/calendars/notifications/receive";
import { Office365NotificationBody, Office365NotificationQuery } from "../../../src/calendars/notifications/schemas";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";

// Not in Cal.com's contract: Microsoft Graph subscription handshake and change notifications, README "Calendars".
const route = createRoute({
  method: "post",
  path: OFFICE365_NOTIFICATIONS_PATH,
  operationId: "calendarNotificationsOffice365",
  summary: "Microsoft Graph change notification receiver",
  tags: ["Internal"],
  request: {
    query: Office365NotificationQuery,
    body: { content: { "application/json": { schema: Office365NotificationBody } }, required: false },
  },
  responses: {
    200: { description: "The validation token, echoed as text/plain (subscription handshake)" },
    202: { description: "Accepted" },
    ...errorResponses(400, 403, 404),
  },
});

export const receiveOffice365CalendarNotificationOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const { validationToken } = c.req.valid("query");
    // Graph's handshake: answer the token as plain text within 10 s, or the subscription is not made.
    if (validationToken !== undefined) return c.text(office365ValidationAnswer(c.var.deps, validationToken), 200);
    const body = c.req.valid("json") as { value?: { subscriptionId: string; clientState?: string }[] } | undefined;
    await receiveOffice365Notifications(c.var.deps, body?.value ?? []);
    return c.body(null, 202);
  },
});
