import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { coreBooking, legacyErrors, LegacyBookingOutputSchema } from "../../../src/bookings/api-2024-04-15/legacy";
import { BookingUidParamSchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { getBookingByUid } from "../../../src/bookings/read";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { LEGACY_BOOKINGS_VERSIONS } from "../../../src/bookings/versions";

const route = createRoute({
  method: "get",
  path: "/v2/bookings/{bookingUid}/reschedule",
  operationId: "BookingsController_2024_04_15_getBookingForReschedule",
  summary: "The booking to reschedule (legacy, used by @calcom/atoms)",
  description: "What the Booker needs to reschedule a booking: the core booking object with its attendees and answers. Anyone holding the uid may read it.",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema },
  responses: {
    200: { description: "The booking", content: { "application/json": { schema: LegacyBookingOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getBookingForRescheduleLegacyOperation = defineOperation({
  route,
  versions: LEGACY_BOOKINGS_VERSIONS,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const uid = c.req.valid("param").bookingUid;
    const booking = await legacyErrors(() => getBookingByUid(c.var.deps, uid));
    return c.json(success({ ...coreBooking(booking), eventType: booking.eventType }), 200);
  },
});
