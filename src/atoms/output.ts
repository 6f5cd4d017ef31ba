import { z } from "@hono/zod-openapi";
import { successOf } from "../http/common";

// Output schemas of the atoms' endpoints.

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

export const GetPublicEventTypeOutputSchema = successOf(PublicEventTypeSchema).openapi("GetAtomsPublicEventTypeOutput");

export const CheckEmailVerificationOutputSchema = successOf(z.boolean()).openapi("CheckEmailVerificationRequiredOutput");
