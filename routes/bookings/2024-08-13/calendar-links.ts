import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { CalendarLinksOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { getCalendarLinks } from "../../../src/bookings/calendar-links";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "get",
  path: "/v2/bookings/{bookingUid}/calendar-links",
  operationId: "BookingsController_2024_08_13_getCalendarLinks",
  summary: "Get 'Add to Calendar' links for a booking",
  description: "Links for Google Calendar, Microsoft Office, Microsoft Outlook and Yahoo Calendar, and an ICS file as a data URL.",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema },
  responses: {
    200: { description: "The links", content: { "application/json": { schema: CalendarLinksOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getCalendarLinksOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_READ"] },
  handler: async (c) => {
    const data = await getCalendarLinks(c.var.deps, c.req.valid("param").bookingUid);
    return c.json(success(data), 200);
  },
});
