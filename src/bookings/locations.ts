import { badRequest } from "../errors";
import type { LocationInput } from "../event-types/locations";

/**
 * Where a booking happens, as the booker chose it: one of the event type's location kinds (the organizer-defined
 * ones carry no value, the event type has it), or a legacy free-form string.
 */
export type BookingLocationInput =
  | string
  | { type: "address" | "link" | "phone" | "organizersDefaultApp" }
  | { type: "attendeeAddress"; address: string }
  | { type: "attendeePhone"; phone: string }
  | { type: "attendeeDefined"; location: string }
  | { type: "integration"; integration: string };

/** What is stored: the booking's `location` column and its `responses.location` ({value, optionValue}, Cal.com's). */
export interface ResolvedLocation {
  location: string | null;
  response?: { value: string; optionValue: string };
}

// Cal.com's internal app ids for the API's integration names (apiToInternalintegrationsMapping).
const SPECIAL_INTEGRATIONS: Record<string, string> = {
  "cal-video": "integrations:daily",
  "google-meet": "integrations:google:meet",
};

export const integrationLocationValue = (integration: string) => SPECIAL_INTEGRATIONS[integration] ?? `integrations:${integration.replace(/-/g, "_")}`;

const E164 = /^\+[1-9]\d{6,14}$/;
const URL_LIKE = /^(https?:\/\/|www\.)\S+$|^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

/** The value an organizer-defined location of the event type holds, or null for the booker-defined kinds. */
function eventTypeLocationValue(location: LocationInput): string | null {
  switch (location.type) {
    case "address":
      return location.address;
    case "link":
      return location.link;
    case "phone":
      return location.phone;
    case "integration":
      return integrationLocationValue(location.integration);
    default:
      return null;
  }
}

function assertOffered(input: Exclude<BookingLocationInput, string>, eventTypeId: number, offered: readonly LocationInput[]) {
  const types = offered.map((l) => l.type);
  if (!(types as string[]).includes(input.type)) {
    throw badRequest(
      `Booking location with type ${input.type} not valid for event type with id=${eventTypeId}. The event type has following location types: ${types.join(", ")}, and only these types are allowed for booking location.`,
    );
  }
  if (input.type === "integration") {
    const integrations = offered.flatMap((l) => (l.type === "integration" ? [l.integration] : []));
    if (!integrations.includes(input.integration as never)) {
      throw badRequest(
        `Booking location with integration ${input.integration} not valid for event type with id=${eventTypeId}. The event type has following integrations: ${integrations.join(", ")}, and only these integrations are allowed for booking location.`,
      );
    }
  }
}

/** Cal.com's transformLocation: the `responses.location` a booking form would have produced. */
export function locationResponse(input: BookingLocationInput): { value: string; optionValue: string } {
  if (typeof input === "string") {
    if (URL_LIKE.test(input)) return { value: "link", optionValue: input };
    if (E164.test(input)) return { value: "phone", optionValue: input };
    return { value: "somewhereElse", optionValue: input };
  }
  switch (input.type) {
    case "integration":
      return { value: integrationLocationValue(input.integration), optionValue: "" };
    case "address":
      return { value: "inPerson", optionValue: "" };
    case "attendeeAddress":
      return { value: "attendeeInPerson", optionValue: input.address };
    case "link":
      return { value: "link", optionValue: "" };
    case "phone":
      return { value: "userPhone", optionValue: "" };
    case "organizersDefaultApp":
      return { value: "conferencing", optionValue: "" };
    case "attendeePhone":
      return { value: "phone", optionValue: input.phone };
    case "attendeeDefined":
      return { value: "somewhereElse", optionValue: input.location };
  }
}

/**
 * The booking's location: the chosen kind must be one the event type offers; organizer-defined kinds take the
 * event type's value. Without a choice, the event type's first organizer-defined location is used.
 */
export function resolveBookingLocation(
  eventType: { eventTypeId: number; locations: readonly LocationInput[] },
  input: BookingLocationInput | undefined,
): ResolvedLocation {
  if (input === undefined) {
    const first = eventType.locations.map(eventTypeLocationValue).find((value) => value !== null);
    return { location: first ?? null };
  }
  if (typeof input === "string") return { location: input, response: locationResponse(input) };
  assertOffered(input, eventType.eventTypeId, eventType.locations);
  const response = locationResponse(input);
  switch (input.type) {
    case "attendeeAddress":
      return { location: input.address, response };
    case "attendeePhone":
      return { location: input.phone, response };
    case "attendeeDefined":
      return { location: input.location, response };
    case "integration":
      return { location: integrationLocationValue(input.integration), response };
    default: {
      const offered = eventType.locations.find((l) => l.type === input.type);
      return { location: offered ? eventTypeLocationValue(offered) : null, response };
    }
  }
}
