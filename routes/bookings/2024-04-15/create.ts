import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { getCookie } from "hono/cookie";
import { createOrRescheduleLegacy, LegacyBookingOutputSchema, LegacyCreateBookingBodySchema } from "../../../src/bookings/api-2024-04-15/legacy";
import { optionalActorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { LEGACY_BOOKINGS_VERSIONS } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings",
  operationId: "BookingsController_2024_04_15_createBooking",
  summary: "Create a booking (legacy, used by @calcom/atoms)",
  description:
    "Versions 2024-04-15, 2024-06-11, 2024-06-14 (and no header): the web app's booking form body; with `rescheduleUid` it moves that " +
    "booking instead. Answers with Cal.com's core booking object; errors carry the core's raw codes (e.g. no_available_users_found_error).",
  tags: ["Bookings"],
  request: { body: { required: true, content: { "application/json": { schema: LegacyCreateBookingBodySchema } } } },
  responses: {
    201: { description: "The booking, as Cal.com's core returns it", content: { "application/json": { schema: LegacyBookingOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const createBookingLegacyOperation = defineOperation({
  route,
  versions: LEGACY_BOOKINGS_VERSIONS,
  documented: false,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const data = await createOrRescheduleLegacy(c.var.deps, optionalActorOf(c), { body: c.req.valid("json"), holdUid: getCookie(c, "uid") });
    return c.json(success(data), 201);
  },
});
