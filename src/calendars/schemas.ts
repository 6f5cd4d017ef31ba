import { z } from "@hono/zod-openapi";
import { TimeZoneSchema } from "../time-zone";

const MAX_INT4 = 2147483647;
const credentialIdSchema = z.coerce.number({ error: "credentialId must be a number" }).int().positive().max(MAX_INT4);

/** `:calendar` of the Calendars routes: any string here, each service answers Cal.com's "Invalid calendar type". */
export const CalendarParams = z.object({
  calendar: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "calendar", in: "path" }, example: "apple" }),
});

const isoDate = (name: string) =>
  z
    .string({ error: `${name} must be a valid ISO 8601 date string` })
    .max(64)
    .refine((value) => !Number.isNaN(Date.parse(value)), `${name} must be a valid ISO 8601 date string`);

// Cal.com's CalendarBusyTimesInput (pt/calendars/inputs/busy-times.input.ts). The calendars arrive as nested
// query keys `calendarsToLoad[0][credentialId]=…&calendarsToLoad[0][externalId]=…`; the document flattens them
// into top-level `credentialId`/`externalId`, which are accepted too (one calendar).
export const BusyTimesQuery = z
  .looseObject({
    loggedInUsersTz: TimeZoneSchema.optional().openapi({ description: "Deprecated: use timeZone", example: "America/New_York" }),
    timeZone: TimeZoneSchema.optional(),
    dateFrom: isoDate("dateFrom").openapi({ example: "2024-12-01" }),
    dateTo: isoDate("dateTo").openapi({ example: "2024-12-08" }),
    credentialId: z.string().max(16).optional().openapi({ description: "calendarsToLoad[n][credentialId]", example: "135" }),
    externalId: z.string().max(1024).optional().openapi({ description: "calendarsToLoad[n][externalId]", example: "user@example.com" }),
  })
  .transform((query, ctx) => {
    const entries = new Map<number, { credentialId?: unknown; externalId?: unknown }>();
    for (const [key, value] of Object.entries(query)) {
      const match = /^calendarsToLoad\[(\d{1,3})\]\[(credentialId|externalId)\]$/.exec(key);
      if (!match) continue;
      const entry = entries.get(Number(match[1])) ?? {};
      entry[match[2] as "credentialId" | "externalId"] = Array.isArray(value) ? value[0] : value;
      entries.set(Number(match[1]), entry);
    }
    if (query.credentialId !== undefined || query.externalId !== undefined) entries.set(-1, { credentialId: query.credentialId, externalId: query.externalId });
    const calendars: { credentialId: number; externalId: string }[] = [];
    for (const [index, entry] of [...entries.entries()].sort(([a], [b]) => a - b)) {
      const path = index < 0 ? [] : ["calendarsToLoad", String(index)];
      const credentialId = credentialIdSchema.safeParse(entry.credentialId);
      if (!credentialId.success) ctx.addIssue({ code: "custom", path: [...path, "credentialId"], message: "credentialId must be a positive integer" });
      if (typeof entry.externalId !== "string" || entry.externalId.length === 0 || entry.externalId.length > 1024) {
        ctx.addIssue({ code: "custom", path: [...path, "externalId"], message: "externalId must be a non-empty string" });
      }
      if (credentialId.success && typeof entry.externalId === "string") calendars.push({ credentialId: credentialId.data, externalId: entry.externalId });
    }
    if (calendars.length > 50) ctx.addIssue({ code: "custom", path: ["calendarsToLoad"], message: "at most 50 calendars" });
    return { timeZone: query.timeZone ?? query.loggedInUsersTz, dateFrom: query.dateFrom, dateTo: query.dateTo, calendarsToLoad: calendars };
  });

export type BusyTimesInput = z.infer<typeof BusyTimesQuery>;

// pt/calendars/inputs/create-calendar-credentials.input.ts: trimmed strings.
export const CalendarCredentialsBody = z
  .object({
    username: z.string().trim().min(1).max(512),
    password: z.string().trim().min(1).max(512),
  })
  .openapi("CreateCalendarCredentialsInput");

export const DisconnectBody = z.object({ id: credentialIdSchema.openapi({ example: 10 }) }).openapi("DeleteCalendarCredentialsInputBodyDto");

// create-ics.input.ts: `readOnly` (older clients send `read_only`) defaults to true.
export const CreateIcsFeedBody = z
  .object({
    urls: z.array(z.string().min(1).max(2048)).min(1).max(20),
    readOnly: z.boolean().optional(),
    read_only: z.boolean().optional(),
  })
  .openapi("CreateIcsFeedInputDto");

export const SelectedCalendarBody = z
  .object({
    integration: z.string().min(1).max(100),
    externalId: z.string().min(1).max(1024),
    credentialId: credentialIdSchema,
    delegationCredentialId: z.string().min(1).max(100).optional(),
  })
  .openapi("SelectedCalendarsInputDto");

export const SelectedCalendarQuery = z.object({
  integration: z.string().min(1).max(100),
  externalId: z.string().min(1).max(1024),
  credentialId: credentialIdSchema,
  delegationCredentialId: z.string().min(1).max(100).optional(),
});

export const DestinationCalendarBody = z
  .object({
    integration: z.enum(["apple_calendar", "google_calendar", "office365_calendar"]),
    externalId: z.string().min(1).max(1024),
    delegationCredentialId: z.string().min(1).max(100).optional(),
  })
  .openapi("DestinationCalendarsInputBodyDto");
