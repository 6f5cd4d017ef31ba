import type { StoredBookingField } from "../event-types/booking-fields";
import { badRequest } from "../errors";

// The JavaScript type each custom field's response must have (Cal.com's hasRequiredBookingFieldsResponses).
const EXPECTED: Record<string, { name: string; accepts: (value: unknown) => boolean }> = {
  phone: { name: "string", accepts: (v) => typeof v === "string" },
  address: { name: "string", accepts: (v) => typeof v === "string" },
  text: { name: "string", accepts: (v) => typeof v === "string" },
  textarea: { name: "string", accepts: (v) => typeof v === "string" },
  url: { name: "string", accepts: (v) => typeof v === "string" },
  number: { name: "number", accepts: (v) => typeof v === "number" },
  boolean: { name: "boolean", accepts: (v) => typeof v === "boolean" },
  multiemail: { name: "array", accepts: Array.isArray },
  multiselect: { name: "array", accepts: Array.isArray },
  checkbox: { name: "array", accepts: Array.isArray },
  select: { name: "string or number", accepts: (v) => typeof v === "string" || typeof v === "number" },
  radio: { name: "string or number", accepts: (v) => typeof v === "string" || typeof v === "number" },
};

const SINGLE_OPTION = new Set(["select", "radio"]);
const MULTIPLE_OPTIONS = new Set(["multiselect", "checkbox"]);

const typeName = (value: unknown) => (Array.isArray(value) ? "array" : typeof value);

/**
 * Checks the booker's responses against the event type's custom booking fields, with Cal.com's messages: a
 * required field must be answered, an answer must have the field's type, and choices must be among its options.
 * System fields (name, email, location, title, notes, guests, rescheduleReason) come from the booking itself.
 */
export function checkBookingFieldResponses(eventTypeId: number, fields: readonly StoredBookingField[], responses: Record<string, unknown>) {
  for (const field of fields) {
    if (field.isDefault) continue;
    const value = responses[field.slug];
    if (value === undefined || value === null) {
      if (field.required) {
        throw badRequest(
          `Missing required booking field response: ${field.slug} - it is required by the event type booking fields, but missing in the bookingFieldsResponses. You can fetch the event type with ID ${eventTypeId} to see the required fields.`,
        );
      }
      continue;
    }
    const expected = EXPECTED[field.type];
    if (!expected) continue;
    if (!expected.accepts(value)) {
      throw badRequest(
        `Invalid type for booking field '${field.slug}'. Expected type ${expected.name} (compatible with field type '${field.type}'), but received ${typeName(value)}.`,
      );
    }
    const options = field.options ?? [];
    if (options.length === 0) continue;
    if (SINGLE_OPTION.has(field.type) && !options.includes(String(value))) {
      throw badRequest(`Invalid option '${String(value)}' for booking field '${field.slug}'. Allowed options are: ${options.join(", ")}.`);
    }
    if (MULTIPLE_OPTIONS.has(field.type) && !(value as unknown[]).every((item) => options.includes(String(item)))) {
      throw badRequest(`One or more invalid options for booking field '${field.slug}'. Allowed options are: ${options.join(", ")}.`);
    }
  }
}

/** Whether the event type's guests field is hidden (disableGuests): guests are then not taken. */
export const guestsDisabled = (fields: readonly StoredBookingField[]) => fields.some((field) => field.isDefault && field.slug === "guests" && field.hidden);
