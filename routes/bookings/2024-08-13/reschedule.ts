import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { rescheduleOutput, RescheduleBookingOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, RescheduleBookingBodySchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { optionalActorOf } from "../../../src/http/context";
import { rescheduleBooking } from "../../../src/bookings/reschedule";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/reschedule",
  operationId: "BookingsController_2024_08_13_rescheduleBooking",
  summary: "Reschedule a booking",
  description:
    "Moves the booking to `start` (checked like a new booking, the booking itself not counting against its move). The old booking " +
    "is cancelled and marked rescheduled; the new one carries `rescheduledFromUid`, and the old one `rescheduledToUid`. Seated " +
    "bookings move one seat at a time (`seatUid`). Sends BOOKING_RESCHEDULED, also when the moved booking awaits confirmation.",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema, body: { required: true, content: { "application/json": { schema: RescheduleBookingBodySchema } } } },
  responses: {
    201: { description: "The new booking", content: { "application/json": { schema: RescheduleBookingOutputSchema } } },
    ...errorResponses(404, 409, 503),
  },
});

export const rescheduleBookingOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const body = c.req.valid("json");
    const result = await rescheduleBooking(c.var.deps, optionalActorOf(c), {
      uid: c.req.valid("param").bookingUid,
      start: Date.parse(body.start),
      rescheduledBy: body.rescheduledBy,
      reschedulingReason: body.reschedulingReason,
      seatUid: body.seatUid,
    });
    return c.json(success(rescheduleOutput(result)), 201);
  },
});
