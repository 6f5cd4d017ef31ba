import { createRoute } from "@hono/zod-openapi";
import { ReassignBookingOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, ReassignToUserBodySchema, REASSIGN_NOTE } from "../../../src/bookings/api-2024-08-13/schemas";
import { pathParams, UserIdParams } from "../../../src/http/common";
import { reassignBookingToUser } from "../../../src/bookings/reassign";
import { actorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { success } from "../../../src/http/common";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const reassignToUserRoute = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/reassign/{userId}",
  operationId: "BookingsController_2024_08_13_reassignBookingToUser",
  summary: "Reassign a booking to a specific host",
  description: REASSIGN_NOTE,
  tags: ["Bookings"],
  request: {
    params: pathParams(BookingUidParamSchema, UserIdParams),
    body: { required: false, content: { "application/json": { schema: ReassignToUserBodySchema } } },
  },
  responses: {
    200: { description: "The reassigned booking", content: { "application/json": { schema: ReassignBookingOutputSchema } } },
    ...errorResponses(400, 403, 404, 409, 503),
  },
});

export const reassignBookingToUserOperation = defineOperation({
  route: reassignToUserRoute,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => {
    const { bookingUid, userId } = c.req.valid("param");
    return c.json(success(await reassignBookingToUser(c.var.deps, actorOf(c), bookingUid, userId)), 200);
  },
});
