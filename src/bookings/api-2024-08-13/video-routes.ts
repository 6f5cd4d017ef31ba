import { createRoute, type z } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { BookingUidParamSchema } from "./schemas";

const NO_PROVIDER =
  "Cal Video (Daily) is not connected to this deployment: the booking's host (or an org admin of theirs) gets Cal.com's 404 " +
  '"No Cal Video reference found", anyone else a 403.';

/** The contract of the three read-only Cal Video endpoints of a booking (recordings, transcripts, sessions). */
export function bookingVideoRoute<S extends z.ZodType>(suffix: string, operationId: string, summary: string, schema: S) {
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
