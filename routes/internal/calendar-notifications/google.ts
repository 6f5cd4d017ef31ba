import { createRoute } from "@hono/zod-openapi";
import { GOOGLE_NOTIFICATIONS_PATH } from "../../../src/calendars/notifications/channels";
import { receiveGoogleNotification } from "../../../src/calendars/notifications/receive";
import { GoogleNotificationHeaders } from "../../../src/calendars/notifications/schemas";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";

// Not in Cal.com's contract: Google Calendar's push notifications (events.watch channels), README "Calendars".
const route = createRoute({
  method: "post",
  path: GOOGLE_NOTIFICATIONS_PATH,
  operationId: "calendarNotificationsGoogle",
  summary: "Google Calendar push notification receiver",
  tags: ["Internal"],
  request: { headers: GoogleNotificationHeaders },
  responses: { 204: { description: "Received" }, ...errorResponses(400, 403, 404) },
});

export const receiveGoogleCalendarNotificationOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const headers = c.req.valid("header");
    await receiveGoogleNotification(c.var.deps, {
      channelId: headers["x-goog-channel-id"],
      resourceState: headers["x-goog-resource-state"],
      token: headers["x-goog-channel-token"],
    });
    return c.body(null, 204);
  },
});
