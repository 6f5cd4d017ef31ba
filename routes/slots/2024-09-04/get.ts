import { createRoute } from "@hono/zod-openapi";
import { getSlots } from "../../../src/availability/slot-lookups";
import type { Context } from "hono";
import { answerFromMemory, slotAnswerKey } from "../../../middleware/slot-answers";
import { GetSlotsOutputSchema } from "../../../src/availability/schemas";
import { GetSlotsQuerySchema, toGetSlotsQuery } from "../../../src/availability/slots-input";
import { errorResponses } from "../../../src/errors";
import { respondWithJsonText } from "../../../src/json-text";
import type { AppEnv } from "../../../src/context";
import { defineOperation } from "../../../src/operation";
import { SLOTS_VERSIONS } from "../../../src/availability/versions";

const OPERATION_ID = "SlotsController_2024_09_04_getAvailableSlots";
const answerKey = (c: Context<AppEnv>) => slotAnswerKey(c, OPERATION_ID, "bookingUidToReschedule");

const route = createRoute({
  method: "get",
  path: "/v2/slots",
  operationId: OPERATION_ID,
  summary: "Get available time slots for an event type",
  description:
    "Public (no credentials), rate-limited per IP. The event type is named by `eventTypeId`, or `eventTypeSlug` with `username` " +
    "(and `organizationSlug` inside an organization). `start` and `end` are read in UTC; a date-only `end` covers that whole day. " +
    "Dates and times in the response are in `timeZone`, UTC when it is omitted. Answers are kept in memory until the host's " +
    "bookings, holds, event type or schedule change (seen within a second everywhere), a hold lapses or 60 seconds pass.",
  tags: ["Slots"],
  request: { query: GetSlotsQuerySchema },
  middleware: [answerFromMemory(answerKey)],
  responses: {
    200: { description: "Slots by local date", content: { "application/json": { schema: GetSlotsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getSlotsOperation = defineOperation({
  route,
  versions: SLOTS_VERSIONS,
  auth: "public",
  handler: async (c) => {
    const body = await getSlots(c.var.deps, { query: toGetSlotsQuery(c.req.valid("query")), cacheKey: answerKey(c) });
    return respondWithJsonText(c, body, 200);
  },
});
