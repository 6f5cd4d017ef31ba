import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { lookupOutput, UpdateBookingLocationOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema, UpdateLocationBodySchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { actorOf } from "../../../src/http/context";
import { updateBookingLocation } from "../../../src/bookings/location-update";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "patch",
  path: "/v2/bookings/{bookingUid}/location",
  operationId: "BookingLocationController_2024_08_13_updateBookingLocation",
  summary: "Update booking location for an existing booking",
  description: "The event type's owner (or an admin of their organization) changes where the booking happens.",
  tags: ["Bookings / Location"],
  request: { params: BookingUidParamSchema, body: { required: true, content: { "application/json": { schema: UpdateLocationBodySchema } } } },
  responses: {
    200: { description: "The updated booking", content: { "application/json": { schema: UpdateBookingLocationOutputSchema } } },
    ...errorResponses(404),
  },
});

export const updateBookingLocationOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => {
    const lookup = await updateBookingLocation(c.var.deps, actorOf(c), c.req.valid("param").bookingUid, c.req.valid("json").location);
    return c.json(success(lookupOutput(lookup)), 200);
  },
});
