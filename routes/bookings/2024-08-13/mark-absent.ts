import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { anyBookingOutput, MarkAbsentBookingOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, MarkAbsentBodySchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { markAbsent } from "../../../src/bookings/absent";
import { actorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/mark-absent",
  operationId: "BookingsController_2024_08_13_markNoShow",
  summary: "Mark a booking absence",
  description: "The booking's host records whether the host and/or attendees were absent, once the booking has started. Sends BOOKING_NO_SHOW_UPDATED.",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema, body: { required: false, content: { "application/json": { schema: MarkAbsentBodySchema } } } },
  responses: {
    200: { description: "The booking", content: { "application/json": { schema: MarkAbsentBookingOutputSchema } } },
    ...errorResponses(404),
  },
});

export const markAbsentOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => {
    const body = c.req.valid("json") ?? {};
    const booking = await markAbsent(c.var.deps, actorOf(c), { uid: c.req.valid("param").bookingUid, ...body });
    return c.json(success(anyBookingOutput(booking, true)), 200);
  },
});
