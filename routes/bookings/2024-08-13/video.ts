import { createRoute, type z } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import {
  GetBookingRecordingsOutputSchema,
  GetBookingTranscriptsOutputSchema,
  GetBookingVideoSessionsOutputSchema,
} from "../../../src/bookings/api-2024-08-13/output";
import { BookingUidParamSchema } from "../../../src/bookings/api-2024-08-13/schemas";
import { actorOf } from "../../../src/http/context";
import { calVideoRoom } from "../../../src/bookings/video";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "./versions";

const NO_PROVIDER =
  "Cal Video (Daily) is not connected to this deployment: the booking's host (or an org admin of theirs) gets Cal.com's 404 " +
  '"No Cal Video reference found", anyone else a 403.';

function videoRoute<S extends z.ZodType>(suffix: string, operationId: string, summary: string, schema: S) {
  return createRoute({
    method: "get",
    path: `/v2/bookings/{bookingUid}/${suffix}`,
    operationId,
    summary,
    description: NO_PROVIDER,
    tags: ["Bookings"],
    request: { params: BookingUidParamSchema },
    responses: {
      200: { description: summary, content: { "application/json": { schema } } },
      ...errorResponses(404),
    },
  });
}

export const getRecordingsOperation = defineOperation({
  route: videoRoute(
    "recordings",
    "BookingsController_2024_08_13_getBookingRecordings",
    "Get all the recordings for the booking",
    GetBookingRecordingsOutputSchema,
  ),
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_READ"] },
  handler: async (c) => {
    await calVideoRoom(c.var.deps, actorOf(c), c.req.valid("param").bookingUid);
    return c.json(success([]), 200);
  },
});

export const getTranscriptsOperation = defineOperation({
  route: videoRoute(
    "transcripts",
    "BookingsController_2024_08_13_getBookingTranscripts",
    "Get all the transcripts for the booking",
    GetBookingTranscriptsOutputSchema,
  ),
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_READ"] },
  handler: async (c) => {
    await calVideoRoom(c.var.deps, actorOf(c), c.req.valid("param").bookingUid);
    return c.json(success([]), 200);
  },
});

export const getVideoSessionsOperation = defineOperation({
  route: videoRoute(
    "conferencing-sessions",
    "BookingsController_2024_08_13_getVideoSessions",
    "Get Video Meeting Sessions",
    GetBookingVideoSessionsOutputSchema,
  ),
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_READ"] },
  handler: async (c) => {
    await calVideoRoom(c.var.deps, actorOf(c), c.req.valid("param").bookingUid);
    return c.json(success([]), 200);
  },
});
