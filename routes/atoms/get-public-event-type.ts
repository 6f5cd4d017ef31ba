import { createRoute, z } from "@hono/zod-openapi";
import { getPublicEvent } from "../../src/atoms/public-event";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";

// Cal.com's `?teamId=12`: class-transformer parseInt, then IsNumber (so "abc" is a 400).
const integerParam = z
  .string()
  .transform((value) => Number.parseInt(value, 10))
  .pipe(z.number({ error: "must be a number conforming to the specified constraints" }));

export const GetPublicEventTypeQuerySchema = z.object({
  username: z.string().max(255).optional(),
  // Cal.com: `value === "true"`; anything else is false.
  isTeamEvent: z
    .string()
    .optional()
    .transform((value) => value === "true"),
  teamId: integerParam.optional(),
  orgId: integerParam.optional(),
});

const UserProfileSchema = z.looseObject({
  username: z.string().nullable(),
  organizationId: z.number().nullable(),
  organization: z.looseObject({ id: z.number(), slug: z.string().nullable(), name: z.string() }).nullable(),
});

// Cal.com's PublicEventType (packages/features/eventtypes/lib/getPublicEvent.ts): the fields the Booker reads are
// named; the rest of the event type's internal columns pass through.
export const PublicEventTypeSchema = z
  .looseObject({
    id: z.number(),
    title: z.string(),
    slug: z.string(),
    description: z.string(),
    length: z.number(),
    locations: z.array(z.looseObject({ type: z.string() })),
    bookingFields: z.array(z.looseObject({ name: z.string(), type: z.string(), required: z.boolean() })),
    metadata: z.looseObject({ multipleDuration: z.array(z.number()).optional() }),
    recurringEvent: z.object({ freq: z.number(), count: z.number(), interval: z.number() }).nullable(),
    lockTimeZoneToggleOnBookingPage: z.boolean(),
    lockedTimeZone: z.string().nullable(),
    schedule: z.object({ id: z.number(), timeZone: z.string() }).nullable(),
    price: z.number(),
    currency: z.string(),
    seatsPerTimeSlot: z.number().nullable(),
    profile: z.looseObject({ username: z.string().nullable(), name: z.string().nullable(), weekStart: z.string(), image: z.string() }),
    subsetOfUsers: z.array(z.looseObject({ username: z.string().nullable(), name: z.string().nullable(), weekStart: z.string(), profile: UserProfileSchema })),
    entity: z.looseObject({ orgSlug: z.string().nullable(), teamSlug: z.string().nullable(), name: z.string().nullable() }),
    isDynamic: z.boolean(),
    restrictionScheduleId: z.number().nullable(),
    useBookerTimezone: z.boolean(),
  })
  .openapi("AtomsPublicEventType");

export const GetPublicEventTypeOutputSchema = z.object({ status: z.literal("success"), data: PublicEventTypeSchema }).openapi("GetAtomsPublicEventTypeOutput");

const route = createRoute({
  method: "get",
  path: "/v2/atoms/event-types/{eventSlug}/public",
  operationId: "AtomsEventTypesController_getPublicEventType",
  summary: "Public event type for the atoms' Booker",
  description:
    "Called by Cal.com's React Booker (`@calcom/atoms`) to render an event: Cal.com's internal event shape (length, locations, booking form, " +
    "duration options, schedule zone) with the host's profile. Public. `username` is required unless `isTeamEvent=true` (then `teamId`); " +
    "`orgId` looks the user up inside that organisation.",
  tags: ["Atoms"],
  request: {
    params: z.object({
      eventSlug: z
        .string()
        .min(1)
        .max(255)
        .openapi({ param: { name: "eventSlug", in: "path" } }),
    }),
    query: GetPublicEventTypeQuerySchema,
  },
  responses: {
    200: { description: "The public event", content: { "application/json": { schema: GetPublicEventTypeOutputSchema } } },
    ...errorResponses(404),
  },
});

export const getAtomsPublicEventTypeOperation = defineOperation({
  route,
  // Cal.com's AtomsEventTypesController serves every version (API_VERSIONS_VALUES) and has no guard on this route.
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const { eventSlug } = c.req.valid("param");
    const query = c.req.valid("query");
    const data = await getPublicEvent(c.var.deps.db, { eventSlug, ...query }, c.var.env.WEBSITE_URL);
    return c.json({ status: "success" as const, data }, 200);
  },
});
