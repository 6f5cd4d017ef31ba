import { createRoute } from "@hono/zod-openapi";
import { getLegacyAvailableSlots } from "../../../src/availability/slot-lookups";
import type { Context } from "hono";
import { answerFromMemory, slotAnswerKey } from "../../../middleware/slot-answers";
import { getCookie } from "hono/cookie";
import { GetAvailableSlotsOutputSchema, GetAvailableSlotsQuerySchema } from "../../../src/availability/schemas";
import { errorResponses } from "../../../src/errors";
import { respondWithJsonText } from "../../../src/json-text";
import type { AppEnv } from "../../../src/context";
import { defineOperation } from "../../../src/operation";
import { LEGACY_SLOTS_VERSIONS } from "../../../src/availability/versions";

const OPERATION_ID = "SlotsController_2024_04_15_getAvailableSlots";
// The booker's own hold (its `uid` cookie) is left out of its answer, so the answer depends on it.
const answerKey = (c: Context<AppEnv>) => slotAnswerKey(c, OPERATION_ID, "rescheduleUid", getCookie(c, "uid") ?? "");

const route = createRoute({
  method: "get",
  path: "/v2/slots/available",
  operationId: OPERATION_ID,
  summary: "Get available slots (legacy, used by @calcom/atoms)",
  description:
    "Every version except 2024-09-04. `startTime`/`endTime` are taken as given (ISO 8601, UTC without an offset). The caller's own hold " +
    "(its `uid` cookie) does not hide its slot from it. Times are UTC (`…Z`) without `timeZone`, else carry the zone's offset.",
  tags: ["Slots"],
  request: { query: GetAvailableSlotsQuerySchema },
  middleware: [answerFromMemory(answerKey)],
  responses: {
    200: { description: "Slots by local date", content: { "application/json": { schema: GetAvailableSlotsOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getAvailableSlotsLegacyOperation = defineOperation({
  route,
  versions: LEGACY_SLOTS_VERSIONS,
  auth: "public",
  handler: async (c) => {
    const body = await getLegacyAvailableSlots(c.var.deps, {
      query: c.req.valid("query"),
      ownHoldUid: getCookie(c, "uid"),
      cacheKey: answerKey(c),
    });
    return respondWithJsonText(c, body, 200);
  },
});
