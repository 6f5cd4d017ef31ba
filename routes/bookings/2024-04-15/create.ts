import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { getCookie } from "hono/cookie";
import {
  legacyCreateInput,
  legacyErrors,
  LegacyBookingOutputSchema,
  LegacyCreateBookingBodySchema,
  newBookingResponse,
  createdBookings,
} from "../../../src/bookings/api-2024-04-15/legacy";
import { createBooking } from "../../../src/bookings/create";
import { optionalActorOf } from "../../../src/http/context";
import { rescheduleBooking } from "../../../src/bookings/reschedule";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { LEGACY_BOOKINGS_VERSIONS } from "./versions";

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
    const body = c.req.valid("json");
    const deps = c.var.deps;
    const data = await legacyErrors(async () => {
      if (body.rescheduleUid) {
        const moved = await rescheduleBooking(deps, optionalActorOf(c), {
          uid: body.rescheduleUid,
          start: Date.parse(body.start),
          rescheduledBy: body.rescheduledBy,
          reschedulingReason: body.responses.rescheduleReason,
          seatUid: body.seatReferenceUid,
          ignoreReservations: true,
        });
        return newBookingResponse(moved.booking, moved.seatUid);
      }
      const created = await createBooking(deps, optionalActorOf(c), legacyCreateInput(body, getCookie(c, "uid")));
      // A recurring event type booked through this path: Cal.com answers with the first occurrence.
      return createdBookings(created)[0]!;
    });
    return c.json(success(data), 201);
  },
});
