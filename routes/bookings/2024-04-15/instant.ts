import { createRoute } from "@hono/zod-openapi";
import { legacyCreateInput, legacyErrors, LegacyBookingOutputSchema, LegacyCreateBookingBodySchema } from "../../../src/bookings/api-2024-04-15/legacy";
import { createBooking } from "../../../src/bookings/create";
import { optionalActorOf } from "../../../src/http/context";
import { instantMeetingNeedsTeam } from "../../../src/bookings/errors";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { LEGACY_BOOKINGS_VERSIONS } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/instant",
  operationId: "BookingsController_2024_04_15_createInstantBooking",
  summary: "Create an instant meeting (legacy, used by @calcom/atoms)",
  description:
    "Instant meetings exist only for team event types, which this API does not host: every event type is refused with a 400, as Cal.com refuses a user's.",
  tags: ["Bookings"],
  request: { body: { required: true, content: { "application/json": { schema: LegacyCreateBookingBodySchema } } } },
  responses: {
    201: { description: "Never: see the description", content: { "application/json": { schema: LegacyBookingOutputSchema } } },
    ...errorResponses(404),
  },
});

export const createInstantBookingLegacyOperation = defineOperation({
  route,
  versions: LEGACY_BOOKINGS_VERSIONS,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const input = { ...legacyCreateInput(c.req.valid("json"), undefined), instant: true };
    // The event type is resolved first (an unknown one is event_type_not_found_error); the instant check refuses the rest.
    await legacyErrors(() => createBooking(c.var.deps, optionalActorOf(c), input));
    throw instantMeetingNeedsTeam();
  },
});
