import { z } from "@hono/zod-openapi";
import { intPathParam, OrgIdParams, stringPathParam } from "../http/common";
import { OrgTeamParams } from "../teams/schemas";
import { isValidTimeZone } from "../slots/format";

// Inputs of the routing-form routes. Lists take Cal.com's GetRoutingFormResponsesParams (skip/take, sort and date
// filters); a response's slots query is GetAvailableSlotsInput_2024_09_04's start/end/timeZone/duration/format.

export const RoutingFormIdParams = z.object({ routingFormId: stringPathParam("routingFormId", { max: 64, example: "clx1routingform0001" }) });
export const ResponseIdParams = z.object({ responseId: intPathParam("responseId") });

export const OrgRoutingFormParams = OrgIdParams.extend(RoutingFormIdParams.shape);
export const OrgRoutingFormResponseParams = OrgRoutingFormParams.extend(ResponseIdParams.shape);
export const OrgTeamRoutingFormParams = OrgTeamParams.extend(RoutingFormIdParams.shape);
export const OrgTeamRoutingFormResponseParams = OrgTeamRoutingFormParams.extend(ResponseIdParams.shape);

const sort = (description: string) => z.enum(["asc", "desc"]).optional().openapi({ description });
const instant = (description: string) => z.iso.datetime({ offset: true }).optional().openapi({ description, example: "2024-03-28T10:00:00.000Z" });

const ListFields = {
  skip: z.coerce.number().int().min(0).optional().openapi({ description: "Number of responses to skip", example: 0 }),
  take: z.coerce.number().int().min(1).max(250).optional().openapi({ description: "Number of responses to take (at most 250)", example: 25 }),
  sortCreatedAt: sort("Sort by creation time"),
  sortUpdatedAt: sort("Sort by update time"),
  afterCreatedAt: instant("Filter by responses created after this date"),
  beforeCreatedAt: instant("Filter by responses created before this date"),
  afterUpdatedAt: instant("Filter by responses updated after this date"),
  beforeUpdatedAt: instant("Filter by responses updated before this date"),
  routedToBookingUid: z.string().max(255).optional().openapi({ description: "Filter by responses routed to a specific booking" }),
};

export const ListRoutingFormResponsesQuery = z.object(ListFields);
export type ListQuery = z.infer<typeof ListRoutingFormResponsesQuery>;

export const ListTeamRoutingFormsQuery = z.object(ListFields);

export const ListOrgRoutingFormsQuery = z.object({
  ...ListFields,
  teamIds: z
    .string()
    .max(2000)
    .regex(/^\d{1,10}(,\d{1,10})*$/, "teamIds must be team ids separated by commas")
    .optional()
    .openapi({ description: "Filter by teamIds. Team ids must be separated by a comma.", example: "100,200" }),
});

const SlotsFields = {
  start: z.string().max(64).openapi({ description: "Start of the slots window, ISO 8601 in UTC (a date alone is 00:00:00 that day).", example: "2050-09-05" }),
  end: z.string().max(64).openapi({ description: "End of the slots window, ISO 8601 in UTC (a date alone is 23:59:59 that day).", example: "2050-09-06" }),
  timeZone: z
    .string()
    .max(64)
    .refine(isValidTimeZone, "timeZone must be a valid IANA time zone, e.g. Europe/Rome")
    .optional()
    .openapi({ description: "Time zone of the returned slots. Defaults to UTC.", example: "Europe/Rome" }),
  duration: z.coerce.number().int().min(1).max(1440).optional().openapi({ description: "One of the event type's lengths, in minutes.", example: 60 }),
  format: z.enum(["range", "time"]).optional().openapi({ description: "`range` gives start and end times.", example: "range" }),
  bookingUidToReschedule: z.string().max(255).optional().openapi({ description: "A booking being rescheduled: its own time stays available." }),
};

export const CalculateSlotsQuery = z.object(SlotsFields);

export const CreateResponseQuery = z.object({
  ...SlotsFields,
  queueResponse: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .openapi({ type: "boolean", description: "Whether to queue the form response.", example: "true" }),
});
export type SlotsQuery = z.infer<typeof CalculateSlotsQuery>;

/** The answers: field identifier (else label) → value. */
export const RoutingFormAnswersSchema = z.record(z.string().max(255), z.unknown()).openapi("RoutingFormAnswers", {
  description: "The answers, keyed by each field's identifier (else its label).",
  example: { email: "jane@example.com", topic: "sales" },
});

export const UpdateRoutingFormResponseInputSchema = z
  .object({ response: z.record(z.string(), z.unknown()).optional().openapi({ description: "The updated response data" }) })
  .strict()
  .openapi("UpdateRoutingFormResponseInput");
