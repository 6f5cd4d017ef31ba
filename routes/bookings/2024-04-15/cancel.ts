import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { cancelBookingLegacy, LegacyCancelBookingBodySchema, LegacyCancelOutputSchema } from "../../../src/bookings/api-2024-04-15/legacy";
import { BookingUidParamSchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { optionalActorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { LEGACY_BOOKINGS_VERSIONS } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/cancel",
  operationId: "BookingsController_2024_04_15_cancelBooking",
  summary: "Cancel a booking (legacy, used by @calcom/atoms)",
  description: "Versions 2024-04-15, 2024-06-11, 2024-06-14: body `{uid?, cancellationReason?, seatReferenceUid?}`; the path's uid is the booking.",
  tags: ["Bookings"],
  request: {
    params: BookingUidParamSchema,
    body: { required: false, content: { "application/json": { schema: LegacyCancelBookingBodySchema } } },
  },
  responses: {
    200: { description: "The cancellation", content: { "application/json": { schema: LegacyCancelOutputSchema } } },
    ...errorResponses(404),
  },
});

export const cancelBookingLegacyOperation = defineOperation({
  route,
  versions: LEGACY_BOOKINGS_VERSIONS,
  documented: false,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const body = c.req.valid("json") ?? {};
    const data = await cancelBookingLegacy(c.var.deps, optionalActorOf(c), {
      uid: c.req.valid("param").bookingUid,
      cancellationReason: body.cancellationReason,
      seatReferenceUid: body.seatReferenceUid,
    });
    return c.json(success(data), 200);
  },
});
