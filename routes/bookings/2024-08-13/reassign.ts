import { createRoute, z } from "@hono/zod-openapi";
import { ReassignBookingOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, ReassignToUserBodySchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { actorOf } from "../../../src/http/context";
import { reassignBooking, reassignBookingToUser } from "../../../src/bookings/reassign";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "./versions";

const NON_TEAM_NOTE =
  "Reassignment applies to round-robin team bookings; team event types are not available yet, so for every booking the " +
  "answer is Cal.com's for a booking without other hosts (400), after the owner check (403).";

const reassignRoute = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/reassign",
  operationId: "BookingsController_2024_08_13_reassignBooking",
  summary: "Reassign a booking to auto-selected host",
  description: NON_TEAM_NOTE,
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema },
  responses: {
    200: { description: "The reassigned booking", content: { "application/json": { schema: ReassignBookingOutputSchema } } },
    ...errorResponses(404),
  },
});

export const reassignBookingOperation = defineOperation({
  route: reassignRoute,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => reassignBooking(c.var.deps, actorOf(c), c.req.valid("param").bookingUid),
});

const reassignToUserRoute = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/reassign/{userId}",
  operationId: "BookingsController_2024_08_13_reassignBookingToUser",
  summary: "Reassign a booking to a specific host",
  description: NON_TEAM_NOTE,
  tags: ["Bookings"],
  request: {
    params: BookingUidParamSchema.extend({
      userId: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: "userId", in: "path" }, example: 12 }),
    }),
    body: { required: false, content: { "application/json": { schema: ReassignToUserBodySchema } } },
  },
  responses: {
    200: { description: "The reassigned booking", content: { "application/json": { schema: ReassignBookingOutputSchema } } },
    ...errorResponses(404),
  },
});

export const reassignBookingToUserOperation = defineOperation({
  route: reassignToUserRoute,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => {
    const { bookingUid, userId } = c.req.valid("param");
    return reassignBookingToUser(c.var.deps, actorOf(c), bookingUid, userId);
  },
});
