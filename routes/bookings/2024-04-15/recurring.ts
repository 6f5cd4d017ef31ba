import { createRoute, z } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { getCookie } from "hono/cookie";
import {
  createdBookings,
  legacyCreateInput,
  legacyErrors,
  LegacyBookingsOutputSchema,
  LegacyCreateBookingBodySchema,
} from "../../../src/bookings/api-2024-04-15/legacy";
import { createBooking } from "../../../src/bookings/create";
import { optionalActorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { LEGACY_BOOKINGS_VERSIONS } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings/recurring",
  operationId: "BookingsController_2024_04_15_createRecurringBooking",
  summary: "Create a recurring booking (legacy, used by @calcom/atoms)",
  description:
    "The atoms send one booking form body per occurrence; the occurrences are those of the event type's recurrence, starting at the " +
    "first body's start, as many as bodies were sent (checked and written together under the host's lock).",
  tags: ["Bookings"],
  request: { body: { required: true, content: { "application/json": { schema: z.array(LegacyCreateBookingBodySchema).min(1) } } } },
  responses: {
    201: { description: "The bookings, as Cal.com's core returns them", content: { "application/json": { schema: LegacyBookingsOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const createRecurringBookingLegacyOperation = defineOperation({
  route,
  versions: LEGACY_BOOKINGS_VERSIONS,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const bodies = c.req.valid("json");
    const first = [...bodies].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0]!;
    const input = { ...legacyCreateInput(first, getCookie(c, "uid")), recurrenceCount: first.recurringCount ?? bodies.length };
    const created = await legacyErrors(() => createBooking(c.var.deps, optionalActorOf(c), input));
    return c.json(success(createdBookings(created)), 201);
  },
});
