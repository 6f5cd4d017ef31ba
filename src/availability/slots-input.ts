import { z } from "@hono/zod-openapi";
import { isValidTimeZone } from "../slots/format";
import { isIsoInstant } from "./query-window";

// GET /v2/slots (2024-09-04) query, as Cal.com's GetSlotsInputPipe reads it: the first matching way of naming
// the event type wins (eventTypeId; username + eventTypeSlug; teamSlug + eventTypeSlug; else usernames +
// organizationSlug), and each way accepts only its own parameters (forbidNonWhitelisted: others are a 400).

const BASE_KEYS = ["start", "end", "timeZone", "duration", "format", "bookingUidToReschedule"] as const;
const KEYS_BY_WAY = {
  byEventTypeId: [...BASE_KEYS, "eventTypeId"],
  byUsernameAndEventTypeSlug: [...BASE_KEYS, "eventTypeSlug", "username", "organizationSlug"],
  byTeamSlugAndEventTypeSlug: [...BASE_KEYS, "eventTypeSlug", "teamSlug", "organizationSlug"],
  byUsernames: [...BASE_KEYS, "usernames", "organizationSlug"],
} as const;

export type SlotsEventTypeRef =
  | { type: "byEventTypeId"; eventTypeId: number }
  | { type: "byUsernameAndEventTypeSlug"; username: string; eventTypeSlug: string; organizationSlug?: string }
  | { type: "byTeamSlugAndEventTypeSlug"; teamSlug: string; eventTypeSlug: string; organizationSlug?: string }
  | { type: "byUsernames"; usernames: string[]; organizationSlug: string };

export interface GetSlotsQuery {
  eventType: SlotsEventTypeRef;
  start: string;
  end: string;
  timeZone?: string;
  duration?: number;
  format: "time" | "range";
  bookingUidToReschedule?: string;
}

const MAX_INT = 2_147_483_647;
const text = (description: string, example?: string) => z.string().max(255).optional().openapi({ description, example });

/** A whole number in a query string ("60"), as Cal.com's parseInt + IsNumber accept; null otherwise. */
export function queryInteger(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,10}$/.test(value)) return null;
  const parsed = Number(value);
  return parsed >= 1 && parsed <= MAX_INT ? parsed : null;
}

const GetSlotsQueryFields = z.looseObject({
  start: z.string().max(64).openapi({
    description: "Start of the window, ISO 8601, read in UTC (a date-time without offset is UTC). A date alone means 00:00:00 UTC that day.",
    example: "2050-09-05",
  }),
  end: z.string().max(64).openapi({
    description:
      "End of the window, ISO 8601, read in UTC. A date alone (or any time of exactly 00:00:00 UTC) means 23:59:59 UTC that day. Clamped to one year from now; at most 366 days after `start`.",
    example: "2050-09-06",
  }),
  timeZone: text("IANA zone of the returned dates and times. Without it, dates are UTC dates and times are UTC (`…Z`).", "Europe/Rome"),
  duration: text("Length in minutes for event types with several lengths: the event type's length or one of its `lengthInMinutesOptions`.", "60"),
  format: text("`time` (default): `[{start}]`; `range`: `[{start, end}]`.", "range"),
  bookingUidToReschedule: text("A booking being rescheduled: its own time stays available.", "abc123def456"),
  eventTypeId: text("The event type's id.", "100"),
  eventTypeSlug: text("The event type's slug, with `username` or `teamSlug`.", "intro"),
  username: text("Owner of the event type named by `eventTypeSlug`.", "bob"),
  teamSlug: text("Team owning the event type named by `eventTypeSlug`.", "team-slug"),
  organizationSlug: text("Organization of `username` or `teamSlug`.", "org-slug"),
  usernames: z
    .string()
    .max(4096)
    .optional()
    .openapi({ description: "Dynamic group events: comma-separated usernames (at least 2), with `organizationSlug`.", example: "alice,bob" }),
});

type RawSlotsQuery = z.infer<typeof GetSlotsQueryFields>;

/** Reads a query that passed GetSlotsQuerySchema; `issue` collects problems (only the schema's check passes one). */
function readSlotsQuery(query: RawSlotsQuery, issue: (path: string, message: string) => void): GetSlotsQuery {
  const raw = query as Record<string, unknown>;
  const has = (key: string) => Object.hasOwn(raw, key);
  const way: keyof typeof KEYS_BY_WAY = has("eventTypeId")
    ? "byEventTypeId"
    : has("username") && has("eventTypeSlug")
      ? "byUsernameAndEventTypeSlug"
      : has("teamSlug") && has("eventTypeSlug")
        ? "byTeamSlugAndEventTypeSlug"
        : "byUsernames";
  const allowed: readonly string[] = KEYS_BY_WAY[way];
  for (const key of Object.keys(raw)) if (!allowed.includes(key)) issue(key, `property ${key} should not exist`);

  if (!isIsoInstant(query.start)) issue("start", "start must be a valid ISO 8601 date string");
  if (!isIsoInstant(query.end)) issue("end", "end must be a valid ISO 8601 date string");
  if (query.timeZone !== undefined && !isValidTimeZone(query.timeZone)) issue("timeZone", "must be a valid IANA time zone, e.g. Europe/Rome");
  const duration = query.duration === undefined ? undefined : queryInteger(query.duration);
  if (duration === null) issue("duration", "duration must be a positive whole number of minutes");
  const format = query.format === undefined || query.format === "" ? "time" : query.format.toLowerCase();
  if (format !== "time" && format !== "range") issue("format", "format must be either 'range' or 'time'");

  let eventType: SlotsEventTypeRef;
  switch (way) {
    case "byEventTypeId": {
      const eventTypeId = queryInteger(query.eventTypeId);
      if (eventTypeId === null) issue("eventTypeId", "eventTypeId must be a number conforming to the specified constraints");
      eventType = { type: way, eventTypeId: eventTypeId ?? 0 };
      break;
    }
    case "byUsernameAndEventTypeSlug":
      eventType = { type: way, username: query.username!, eventTypeSlug: query.eventTypeSlug!, organizationSlug: query.organizationSlug };
      break;
    case "byTeamSlugAndEventTypeSlug":
      eventType = { type: way, teamSlug: query.teamSlug!, eventTypeSlug: query.eventTypeSlug!, organizationSlug: query.organizationSlug };
      break;
    case "byUsernames": {
      const usernames = (query.usernames ?? "")
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean);
      if (usernames.length < 2) {
        issue("usernames", "usernames must contain at least 2 elements (or pass eventTypeId, or eventTypeSlug with username or teamSlug)");
      }
      if (!query.organizationSlug) issue("organizationSlug", "organizationSlug must be a string");
      eventType = { type: way, usernames, organizationSlug: query.organizationSlug ?? "" };
      break;
    }
  }
  return {
    eventType,
    start: query.start,
    end: query.end,
    timeZone: query.timeZone,
    duration: duration ?? undefined,
    format: format === "range" ? "range" : "time",
    bookingUidToReschedule: query.bookingUidToReschedule || undefined,
  };
}

// Validation stays on the object schema (a refinement, not a transform) so the OpenAPI document lists each
// query parameter; the handler reads the validated query with toGetSlotsQuery.
export const GetSlotsQuerySchema = GetSlotsQueryFields.superRefine((query, ctx) => {
  readSlotsQuery(query, (path, message) => ctx.addIssue({ code: "custom", path: [path], message }));
});

export const toGetSlotsQuery = (query: RawSlotsQuery): GetSlotsQuery =>
  readSlotsQuery(query, () => {
    throw new Error("toGetSlotsQuery: the query did not pass GetSlotsQuerySchema");
  });
