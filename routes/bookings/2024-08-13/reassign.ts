import { createRoute } from "@hono/zod-openapi";
import { ReassignBookingOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, REASSIGN_NOTE } from "../../../src/bookings/api-2024-08-13/schemas";
import { reassignBooking } from "../../../src/bookings/reassign";
import { actorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { success } from "../../../src/http/common";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const reassignRoute = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/reassign",
  operationId: "BookingsController_2024_08_13_reassignBooking",
  summary: "Reassign a booking to auto-selected host",
  description: REASSIGN_NOTE,
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema },
  responses: {
    200: { description: "The reassigned booking", content: { "application/json": { schema: ReassignBookingOutputSchema } } },
    ...errorResponses(400, 403, 404, 409, 503),
  },
});

export const reassignBookingOperation = defineOperation({
  route: reassignRoute,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => c.json(success(await reassignBooking(c.var.deps, actorOf(c), c.req.valid("param").bookingUid)), 200),
});
