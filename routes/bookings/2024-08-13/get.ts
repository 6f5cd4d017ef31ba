import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { GetBookingOutputSchema, lookupOutput } from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { optionalActorOf } from "../../../src/http/context";
import { getBooking } from "../../../src/bookings/read";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "get",
  path: "/v2/bookings/{bookingUid}",
  operationId: "BookingsController_2024_08_13_getBooking",
  summary: "Get a booking",
  description:
    "Anyone with the uid may read the booking (as in Cal.com). The uid of a recurring booking returns all its occurrences. " +
    "Seated bookings list their attendees only when the event type shows them, or to its owner.",
  tags: ["Bookings"],
  request: { params: BookingUidParamSchema },
  responses: {
    200: { description: "The booking", content: { "application/json": { schema: GetBookingOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getBookingOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const lookup = await getBooking(c.var.deps, optionalActorOf(c), c.req.valid("param").bookingUid);
    return c.json(success(lookupOutput(lookup)), 200);
  },
});
