import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { AddGuestsOutputSchema, lookupOutput } from "../../../src/bookings/api-2024-08-13/output";
import { AddGuestsBodySchema, BookingUidParamSchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { actorOf } from "../../../src/http/context";
import { addGuests } from "../../../src/bookings/guests";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/{bookingUid}/guests",
  operationId: "BookingGuestsController_2024_08_13_addGuests",
  summary: "Add guests to an existing booking",
  description: "The booking's host or one of its attendees adds guests; emails already on the booking are skipped.",
  tags: ["Bookings / Guests"],
  request: { params: BookingUidParamSchema, body: { required: true, content: { "application/json": { schema: AddGuestsBodySchema } } } },
  responses: {
    200: { description: "The booking with its new guests", content: { "application/json": { schema: AddGuestsOutputSchema } } },
    ...errorResponses(404, 503),
  },
});

export const addGuestsOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_WRITE"] },
  handler: async (c) => {
    const lookup = await addGuests(c.var.deps, actorOf(c), c.req.valid("param").bookingUid, c.req.valid("json").guests);
    return c.json(success(lookupOutput(lookup)), 200);
  },
});
