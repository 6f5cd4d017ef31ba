import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { getCookie } from "hono/cookie";
import { createOutput, CreateBookingOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { CreateBookingBodySchema, type CreateBookingBody } from "../../../src/bookings/api-2024-08-13/schemas";
import { createBooking, type CreateBookingInput } from "../../../src/bookings/create";
import { optionalActorOf } from "../../../src/http/context";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

const route = createRoute({
  method: "post",
  path: "/v2/bookings",
  operationId: "BookingsController_2024_08_13_createBooking",
  summary: "Create a booking",
  description:
    "Creates a regular, recurring or seated booking (the event type decides). The slot must be offered by the same engine as " +
    "GET /v2/slots (schedule, buffers, minimum notice, booking window, limits, seats, reservations): a slot taken or held " +
    "by someone else, or outside the schedule, is a 409; a start in the past or outside the notice/window bounds is a 400. " +
    "Concurrent requests for one slot produce exactly one booking (per-host lock and a no-overlap constraint in the database). " +
    "Pass your reservation's uid as `reservedSlotUid` (or the `uid` cookie) so that your own hold does not block you.",
  tags: ["Bookings"],
  request: { body: { required: true, content: { "application/json": { schema: CreateBookingBodySchema } } } },
  responses: {
    201: { description: "The booking (an array for recurring event types)", content: { "application/json": { schema: CreateBookingOutputSchema } } },
    ...errorResponses(404, 409, 422, 503),
  },
});

function toCreateInput(body: CreateBookingBody, reservationCookie: string | undefined): CreateBookingInput {
  const eventType =
    body.eventTypeId !== undefined
      ? { eventTypeId: body.eventTypeId }
      : body.username !== undefined
        ? { eventTypeSlug: body.eventTypeSlug!, username: body.username, organizationSlug: body.organizationSlug }
        : { eventTypeSlug: body.eventTypeSlug!, teamSlug: body.teamSlug!, organizationSlug: body.organizationSlug };
  return {
    eventType,
    start: Date.parse(body.start),
    lengthInMinutes: body.lengthInMinutes,
    attendee: body.attendee,
    guests: body.guests,
    location: body.location ?? body.meetingUrl,
    bookingFieldsResponses: body.bookingFieldsResponses,
    metadata: body.metadata,
    recurrenceCount: body.recurrenceCount,
    instant: body.instant,
    reservationUid: body.reservedSlotUid ?? reservationCookie,
    routingFormResponseId: body.routing?.responseId ?? undefined,
    routedTeamMemberIds: body.routing?.teamMemberIds,
  };
}

export const createBookingOperation = defineOperation({
  route,
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const result = await createBooking(c.var.deps, optionalActorOf(c), toCreateInput(c.req.valid("json"), getCookie(c, "uid")));
    return c.json(success(createOutput(result)), 201);
  },
});
