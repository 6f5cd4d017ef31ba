import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import type { Context } from "hono";
import { answerFromMemory, slotAnswerKey } from "../../../middleware/slot-answers";
import { getCookie } from "hono/cookie";
import { publicSlotsAnswer } from "../../../src/availability/public-slots";
import { resolveSlotsWindow } from "../../../src/availability/query-window";
import { GetAvailableSlotsOutputSchema, GetAvailableSlotsQuerySchema } from "../../../src/availability/schemas";
import { queryInteger } from "../../../src/availability/slots-input";
import { legacySlotsOutput } from "../../../src/availability/slots-output";
import type { TeamEventTypeLookup } from "../../../src/event-types/scheduling";
import type { EventTypeLookup } from "../../../src/event-types/slots-loader";
import { eventTypeNotFound, invalidQueryField } from "../../../src/availability/errors";
import { errorResponses } from "../../../src/errors";
import { respondWithJsonText } from "../../../src/json-text";
import type { AppEnv } from "../../../src/context";
import { defineOperation } from "../../../src/operation";
import { isValidTimeZone } from "../../../src/slots/format";
import { LEGACY_SLOTS_VERSIONS } from "../versions";

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

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const getAvailableSlotsLegacyOperation = defineOperation({
  route,
  versions: LEGACY_SLOTS_VERSIONS,
  auth: "public",
  handler: async (c) => {
    const query = c.req.valid("query");
    const now = Date.now();
    if (query.timeZone !== undefined && !isValidTimeZone(query.timeZone))
      throw invalidQueryField("timeZone", "must be a valid IANA time zone, e.g. Europe/Rome");
    const slotFormat = query.slotFormat ? query.slotFormat.toLowerCase() : undefined;
    if (slotFormat !== undefined && slotFormat !== "time" && slotFormat !== "range")
      throw invalidQueryField("slotFormat", "slotFormat must be either 'range' or 'time'");
    const duration = query.duration === undefined ? undefined : queryInteger(query.duration);
    if (duration === null) throw invalidQueryField("duration", "Duration must be a positive number");
    const eventTypeId = query.eventTypeId === undefined ? undefined : queryInteger(query.eventTypeId);
    if (eventTypeId === null) throw invalidQueryField("eventTypeId", "eventTypeId must be a number conforming to the specified constraints");
    const usernames = [...asList(query["usernameList[]"]), ...asList(query.usernameList)];
    const window = resolveSlotsWindow(query.startTime, query.endTime, {
      now,
      names: { start: "startTime", end: "endTime" },
      endOfDayForMidnightEnd: false,
    });

    let lookup: EventTypeLookup | TeamEventTypeLookup;
    if (eventTypeId !== undefined) lookup = { eventTypeId };
    else if (usernames.length > 1) throw invalidQueryField("usernameList", "slots of dynamic group events (several usernames) are not available in this API");
    else if (query.eventTypeSlug && usernames[0]) {
      const organizationSlug = query.orgSlug ? { organizationSlug: query.orgSlug } : {};
      lookup =
        query.isTeamEvent?.toLowerCase() === "true"
          ? { teamSlug: usernames[0], ...organizationSlug }
          : { username: usernames[0], slug: query.eventTypeSlug, ...organizationSlug };
    } else throw eventTypeNotFound();

    // The booker's own hold (Cal.com's bookerClientUid) stays visible to it.
    const ownHoldUid = getCookie(c, "uid") || undefined;
    const rescheduleUid = query.rescheduleUid || undefined;
    const body = await publicSlotsAnswer(c.var.deps, {
      lookup,
      window,
      now,
      excludeBookingUid: rescheduleUid,
      excludeReservationUid: ownHoldUid,
      duration,
      cacheKey: answerKey(c),
      render: (slots, eventType) =>
        success({
          slots: legacySlotsOutput(slots, slotFormat as "time" | "range" | undefined, {
            timeZone: query.timeZone,
            onlyFirstPerDate: eventType.onlyShowFirstAvailableSlot,
            seatsTotal: eventType.rules.seatsPerTimeSlot,
          }),
        }),
    });
    return respondWithJsonText(c, body, 200);
  },
});
