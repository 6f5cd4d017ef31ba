import { z } from "@hono/zod-openapi";

// Event type locations, 2024-06-14 (pt/event-types/event-types_2024_06_14/inputs/locations.input.ts). They are
// stored in this wire shape: the output of a stored location is the location itself.

export const SUPPORTED_INTEGRATIONS = [
  "cal-video",
  "google-meet",
  "zoom",
  "whereby-video",
  "whatsapp-video",
  "webex-video",
  "telegram-video",
  "tandem",
  "sylaps-video",
  "skype-video",
  "sirius-video",
  "signal-video",
  "shimmer-video",
  "salesroom-video",
  "roam-video",
  "riverside-video",
  "ping-video",
  "office365-video",
  "mirotalk-video",
  "jitsi",
  "jelly-video",
  "jelly-conferencing",
  "huddle",
  "facetime-video",
  "element-call-video",
  "eightxeight-video",
  "discord-video",
  "demodesk-video",
  "campfire-video",
] as const;

export const LOCATION_TYPES = ["address", "link", "integration", "phone", "attendeeAddress", "attendeePhone", "attendeeDefined"] as const;

// E.164: Cal.com validates with class-validator's IsPhoneNumber (international form).
const E164 = /^\+[1-9]\d{6,14}$/;

const AddressLocation = z.object({
  type: z.literal("address"),
  address: z.string().trim().min(1).max(1000),
  public: z.boolean(),
});
const LinkLocation = z.object({
  type: z.literal("link"),
  link: z.url({ protocol: /^https?$/ }).max(2048),
  public: z.boolean(),
});
const IntegrationLocation = z.object({
  type: z.literal("integration"),
  integration: z.enum(SUPPORTED_INTEGRATIONS),
});
const PhoneLocation = z.object({
  type: z.literal("phone"),
  phone: z.string().regex(E164, "phone must be an international phone number, e.g. +37120993151"),
  public: z.boolean(),
});
const AttendeeAddressLocation = z.object({ type: z.literal("attendeeAddress") });
const AttendeePhoneLocation = z.object({ type: z.literal("attendeePhone") });
const AttendeeDefinedLocation = z.object({ type: z.literal("attendeeDefined") });

export const LocationInputSchema = z
  .discriminatedUnion(
    "type",
    [AddressLocation, LinkLocation, IntegrationLocation, PhoneLocation, AttendeeAddressLocation, AttendeePhoneLocation, AttendeeDefinedLocation],
    {
      error: (issue) => (issue.code === "invalid_union" ? `Unsupported location type. Valid types are ${LOCATION_TYPES.join(", ")}.` : undefined),
    },
  )
  .openapi("InputLocation_2024_06_14");

export type LocationInput = z.infer<typeof LocationInputSchema>;

export const LocationsInputSchema = z.array(LocationInputSchema).min(1, "'locations' must contain at least 1 location.").max(20);

/** Cal.com uses Cal Video when an event type is created without locations. */
export const DEFAULT_LOCATIONS: readonly LocationInput[] = [{ type: "integration", integration: "cal-video" }];

/**
 * Conferencing apps other than Cal Video need the app connected to the owner's account (`connected`: the
 * integration names of its video credentials, src/conferencing/store.ts); otherwise Cal.com's 400 "<app> not connected.".
 */
export function unconnectedIntegration(locations: readonly LocationInput[], connected: ReadonlySet<string> = new Set()): string | undefined {
  const location = locations.find((l) => l.type === "integration" && l.integration !== "cal-video" && !connected.has(l.integration));
  return location?.type === "integration" ? location.integration : undefined;
}
