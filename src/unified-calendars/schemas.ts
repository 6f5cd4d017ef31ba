import { z } from "@hono/zod-openapi";
import { CalendarParams } from "../calendars/schemas";
import { stringPathParam } from "../http/common";
import { TimeZoneSchema } from "../time-zone";

/** `{calendar}/event(s)/{eventUid}`: the calendar is checked by the service (Cal.com's 400 for non-Google). */
export const UnifiedCalendarEventParams = CalendarParams.extend({
  // Google event ids are at most 1024 characters.
  eventUid: stringPathParam("eventUid", { max: 1024, example: "a1b2c3d4e5f6" }),
});

export const CALENDAR_EVENT_RESPONSE_STATUSES = ["accepted", "pending", "declined", "needsAction"] as const;
export const CALENDAR_EVENT_STATUSES = ["accepted", "pending", "declined", "cancelled"] as const;

const DateTimeWithZoneInput = z.object({
  time: z.iso.datetime({ offset: true, error: "time must be an ISO 8601 date-time" }),
  timeZone: TimeZoneSchema.optional(),
});

const UpdateAttendeeInput = z
  .object({
    email: z.email({ error: "attendees.email must be an email" }).max(320),
    name: z.string().max(255).optional(),
    responseStatus: z.enum(CALENDAR_EVENT_RESPONSE_STATUSES).nullable().optional(),
    self: z.boolean().nullable().optional(),
    optional: z.boolean().nullable().optional(),
    host: z.boolean().nullable().optional(),
  })
  .openapi("UpdateCalendarEventAttendee");

// Cal.com's UpdateUnifiedCalendarEventInput as the contract documents it: the attendee list replaces Google's.
export const UpdateUnifiedCalendarEventInputSchema = z
  .object({
    start: DateTimeWithZoneInput.optional(),
    end: DateTimeWithZoneInput.optional(),
    title: z.string().min(1).max(1024).optional(),
    description: z.string().max(8192).nullable().optional(),
    attendees: z.array(UpdateAttendeeInput).max(100).nullable().optional(),
    status: z.enum(CALENDAR_EVENT_STATUSES).nullable().optional(),
  })
  .refine((body) => !body.start || !body.end || Date.parse(body.end.time) > Date.parse(body.start.time), {
    message: "end.time must be after start.time",
    path: ["end"],
  })
  .openapi("UpdateUnifiedCalendarEventInput");

export type UpdateUnifiedCalendarEventInput = z.infer<typeof UpdateUnifiedCalendarEventInputSchema>;
