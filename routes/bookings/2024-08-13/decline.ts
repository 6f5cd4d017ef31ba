import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { GetBookingOutputSchema, lookupOutput } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, DeclineBookingBodySchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { declineBooking } from "../../../src/bookings/confirm";
import { actorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/decline",
  operationId: "BookingsController_2024_08_13_declineBooking",
  summary: "Decline a booking",
  description: "The booking's host rejects a pending booking, optionally with a reason. Sends BOOKING_REJECTED.",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema, body: { required: false, content: { "application/json": { schema: DeclineBookingBodySchema } } } },
  responses: {
    200: { description: "The declined booking", content: { "application/json": { schema: GetBookingOutputSchema } } },
    ...errorResponses(404, 503),
  },
});

export const declineBookingOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => {
    const body = c.req.valid("json") ?? {};
    const lookup = await declineBooking(c.var.deps, actorOf(c), c.req.valid("param").bookingUid, body.reason);
    return c.json(success(lookupOutput(lookup)), 200);
  },
});
