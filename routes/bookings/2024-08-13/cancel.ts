import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { CancelBookingOutputSchema, lookupOutput } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, CancelBookingBodySchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { cancelBooking } from "../../../src/bookings/cancel";
import { optionalActorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/cancel",
  operationId: "BookingsController_2024_08_13_cancelBooking",
  summary: "Cancel a booking",
  description:
    "Anyone with the uid may cancel (as in Cal.com); a host must give a cancellationReason. A recurring booking's uid cancels all " +
    "remaining occurrences; cancelSubsequentBookings cancels one occurrence and the later ones. Seated: `seatUid` gives up one seat; " +
    "only the host may cancel every seat.",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema, body: { required: false, content: { "application/json": { schema: CancelBookingBodySchema } } } },
  responses: {
    200: { description: "The cancelled booking(s)", content: { "application/json": { schema: CancelBookingOutputSchema } } },
    ...errorResponses(404, 409, 503),
  },
});

export const cancelBookingOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const body = c.req.valid("json") ?? {};
    const lookup = await cancelBooking(c.var.deps, optionalActorOf(c), { uid: c.req.valid("param").bookingUid, ...body });
    return c.json(success(lookupOutput(lookup)), 200);
  },
});
