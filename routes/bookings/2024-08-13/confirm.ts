import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { GetBookingOutputSchema, lookupOutput } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { confirmBooking } from "../../../src/bookings/confirm";
import { actorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/confirm",
  operationId: "BookingsController_2024_08_13_confirmBooking",
  summary: "Confirm a booking",
  description:
    "The booking's host accepts a pending booking (all pending occurrences of a recurring one). A confirmation that would overlap " +
    "an accepted booking of the host is a 409, so concurrent confirmations never double-book. Sends BOOKING_CREATED (Cal.com has no " +
    "BOOKING_CONFIRMED trigger).",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema },
  responses: {
    200: { description: "The confirmed booking", content: { "application/json": { schema: GetBookingOutputSchema } } },
    ...errorResponses(404, 409, 503),
  },
});

export const confirmBookingOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => {
    const lookup = await confirmBooking(c.var.deps, actorOf(c), c.req.valid("param").bookingUid);
    return c.json(success(lookupOutput(lookup)), 200);
  },
});
