import { z } from "@hono/zod-openapi";

// Booking form fields, 2024-06-14 (pt/event-types/event-types_2024_06_14/inputs/booking-fields.input.ts).
// Input fields are addressed by `type` (name, email and custom fields) or, for the other system fields, by
// `slug` (title, location, notes, guests, rescheduleReason). They are stored normalised, in the output shape
// (every system field present, `isDefault` set), which is what the bookings work validates responses against.

export const CUSTOM_FIELD_TYPES = [
  "phone",
  "address",
  "text",
  "number",
  "textarea",
  "select",
  "multiselect",
  "multiemail",
  "checkbox",
  "radio",
  "boolean",
  "url",
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

const SLUG_ADDRESSED_SYSTEM_FIELDS = ["title", "location", "notes", "guests", "rescheduleReason"] as const;
type SlugAddressedSystemField = (typeof SLUG_ADDRESSED_SYSTEM_FIELDS)[number];
const RESERVED_SLUGS = new Set<string>(["name", "email", ...SLUG_ADDRESSED_SYSTEM_FIELDS]);
const OPTION_FIELD_TYPES = new Set<CustomFieldType>(["select", "multiselect", "checkbox", "radio"]);
// The 2024-06-14 output of these types has no placeholder.
const NO_PLACEHOLDER_TYPES = new Set<CustomFieldType>(["boolean", "multiselect", "checkbox", "radio"]);

const label = z.string().max(1000);
const placeholder = z.string().max(1000);
const fieldSlug = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "slug must be 1-100 letters, digits, '-' or '_'");

const NameFieldInput = z.object({
  type: z.literal("name"),
  label,
  placeholder,
  disableOnPrefill: z.boolean().optional(),
});
const EmailFieldInput = z.object({
  type: z.literal("email"),
  label,
  placeholder,
  required: z.boolean().optional(),
  hidden: z.boolean().optional(),
  disableOnPrefill: z.boolean().optional(),
});
const LocationFieldInput = z.object({ slug: z.literal("location"), label: label.optional() });
const SystemFieldInput = z.object({
  slug: z.enum(["title", "notes", "guests", "rescheduleReason"]),
  required: z.boolean().optional(),
  hidden: z.boolean().optional(),
  label: label.optional(),
  placeholder: placeholder.optional(),
  disableOnPrefill: z.boolean().optional(),
});
const CustomFieldInput = z.object({
  type: z.enum(CUSTOM_FIELD_TYPES),
  slug: fieldSlug,
  label,
  required: z.boolean(),
  placeholder: placeholder.optional(),
  hidden: z.boolean().optional(),
  disableOnPrefill: z.boolean().optional(),
  options: z.array(z.string().min(1).max(1000)).min(1).max(100).optional(),
});

const FIELD_SCHEMAS = {
  name: NameFieldInput,
  email: EmailFieldInput,
  location: LocationFieldInput,
  system: SystemFieldInput,
  custom: CustomFieldInput,
} as const;
type FieldKind = keyof typeof FIELD_SCHEMAS;
type ParsedField = { [K in FieldKind]: { kind: K; field: z.infer<(typeof FIELD_SCHEMAS)[K]> } }[FieldKind];

type RawField = { type?: unknown; slug?: unknown };

// Cal.com's dispatch: a field with one of the system slugs is that system field; otherwise `type` decides.
function kindOf(field: RawField): { kind: FieldKind; problem?: undefined } | { kind?: undefined; problem: string } {
  const slug = typeof field.slug === "string" ? field.slug : undefined;
  const type = typeof field.type === "string" ? field.type : undefined;
  if (slug === "location") return { kind: "location" };
  if (slug && (SLUG_ADDRESSED_SYSTEM_FIELDS as readonly string[]).includes(slug)) return { kind: "system" };
  if (type === "name" || type === "email") return { kind: type };
  if (!type) return { problem: "booking fields other than title, location, notes, guests and rescheduleReason need a 'type'" };
  if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) return { problem: `Unsupported booking field type '${type}'.` };
  if (slug && RESERVED_SLUGS.has(slug)) return { problem: `slug '${slug}' is reserved for a system booking field` };
  return { kind: "custom" };
}

export const BookingFieldsInputSchema = z
  .array(z.looseObject({}))
  .min(1, "'bookingFields' must contain at least 1 booking field.")
  .max(100)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    for (const [index, raw] of fields.entries()) {
      const { kind, problem } = kindOf(raw as RawField);
      if (!kind) {
        ctx.addIssue({ code: "custom", message: problem, path: [index] });
        continue;
      }
      const result = FIELD_SCHEMAS[kind].safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [index, ...issue.path] });
        continue;
      }
      const parsed = { kind, field: result.data } as ParsedField;
      const key = "slug" in parsed.field ? parsed.field.slug : parsed.kind;
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", message: `Duplicate bookingFields slug '${key}' found. All bookingFields slugs must be unique.`, path: [index] });
      }
      seen.add(key);
      if (parsed.kind === "custom" && OPTION_FIELD_TYPES.has(parsed.field.type) && !parsed.field.options?.length) {
        ctx.addIssue({ code: "custom", message: `a ${parsed.field.type} field needs 'options'`, path: [index, "options"] });
      }
    }
  })
  .openapi({
    description:
      "Booking form fields. System fields are addressed by `type` (name, email) or `slug` (title, location, notes, guests, rescheduleReason); custom fields need `type`, `slug`, `label` and `required`.",
    example: [{ type: "text", slug: "company", label: "Company", required: true, placeholder: "Acme", hidden: false }],
  });

/** Parses one field that BookingFieldsInputSchema has already accepted. */
function parseField(raw: Record<string, unknown>): ParsedField {
  const { kind } = kindOf(raw as RawField);
  if (!kind) throw new Error("booking field was not validated");
  return { kind, field: FIELD_SCHEMAS[kind].parse(raw) } as ParsedField;
}

/** A stored booking field: the 2024-06-14 output shape. */
export interface StoredBookingField {
  isDefault: boolean;
  type: string;
  slug: string;
  label?: string;
  placeholder?: string;
  required: boolean;
  hidden?: boolean;
  disableOnPrefill?: boolean;
  options?: string[];
}

// Cal.com's system fields and their defaults; labels are Cal.com's i18n keys.
const SYSTEM_DEFAULTS: Record<"name" | "email" | SlugAddressedSystemField, StoredBookingField> = {
  name: { isDefault: true, type: "name", slug: "name", label: "your_name", placeholder: "", required: true, disableOnPrefill: false },
  email: { isDefault: true, type: "email", slug: "email", label: "email_address", placeholder: "", required: true, hidden: false, disableOnPrefill: false },
  location: { isDefault: true, type: "radioInput", slug: "location", label: "location", required: false, hidden: false },
  title: { isDefault: true, type: "text", slug: "title", label: "what_is_this_meeting_about", required: true, hidden: true, disableOnPrefill: false },
  notes: { isDefault: true, type: "textarea", slug: "notes", label: "additional_notes", required: false, hidden: false, disableOnPrefill: false },
  guests: { isDefault: true, type: "multiemail", slug: "guests", label: "additional_guests", required: false, hidden: false, disableOnPrefill: false },
  rescheduleReason: {
    isDefault: true,
    type: "textarea",
    slug: "rescheduleReason",
    label: "reason_for_reschedule",
    required: false,
    hidden: false,
    disableOnPrefill: false,
  },
};

const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function toStored({ kind, field }: ParsedField): StoredBookingField {
  switch (kind) {
    case "name":
      return { ...SYSTEM_DEFAULTS.name, label: field.label, placeholder: field.placeholder, disableOnPrefill: !!field.disableOnPrefill };
    case "email":
      return {
        ...SYSTEM_DEFAULTS.email,
        label: field.label,
        placeholder: field.placeholder,
        required: field.required ?? true,
        hidden: !!field.hidden,
        disableOnPrefill: !!field.disableOnPrefill,
      };
    case "location":
      return { ...SYSTEM_DEFAULTS.location, label: field.label ?? SYSTEM_DEFAULTS.location.label };
    case "system": {
      const base = SYSTEM_DEFAULTS[field.slug];
      return defined({
        ...base,
        label: field.label ?? base.label,
        placeholder: field.placeholder,
        required: !!field.required,
        hidden: !!field.hidden,
        disableOnPrefill: !!field.disableOnPrefill,
      });
    }
    case "custom":
      return defined({
        isDefault: false,
        type: field.type,
        slug: field.slug,
        label: field.label,
        required: field.required,
        placeholder: NO_PLACEHOLDER_TYPES.has(field.type) ? undefined : (field.placeholder ?? ""),
        hidden: !!field.hidden,
        disableOnPrefill: !!field.disableOnPrefill,
        options: OPTION_FIELD_TYPES.has(field.type) ? (field.options ?? []) : undefined,
      });
  }
}

/** Cal.com's order: name, email, location, the custom fields, then title, notes, guests, rescheduleReason. */
export function normaliseBookingFields(input: readonly Record<string, unknown>[] | undefined): StoredBookingField[] {
  const parsed = (input ?? []).map(parseField).map(toStored);
  const system = (slug: keyof typeof SYSTEM_DEFAULTS) => parsed.find((f) => f.isDefault && f.slug === slug) ?? SYSTEM_DEFAULTS[slug];
  const custom = parsed.filter((f) => !f.isDefault);
  return [system("name"), system("email"), system("location"), ...custom, system("title"), system("notes"), system("guests"), system("rescheduleReason")];
}

export const defaultBookingFields = (): StoredBookingField[] => normaliseBookingFields([]);

/** `disableGuests` hides or shows the guests field, as Cal.com does. */
export function withGuestsHidden(fields: readonly StoredBookingField[], hidden: boolean): StoredBookingField[] {
  return fields.map((field) => (field.isDefault && field.slug === "guests" ? { ...field, hidden } : field));
}

/** Cal.com refuses a form where the email field is optional or hidden (phone-only booking is for org teams). */
export function emailFieldIsRequiredAndVisible(fields: readonly StoredBookingField[]): boolean {
  const email = fields.find((f) => f.isDefault && f.slug === "email");
  return !!email && email.required && !email.hidden;
}

/**
 * Phone-only booking (org team event types, Cal.com's hasEmailOrPhoneOnlySetup): with the email field optional or
 * hidden, the attendee phone field (`type: "phone"`, slug `attendeePhoneNumber`) must be required and visible.
 */
export function attendeePhoneFieldIsRequiredAndVisible(fields: readonly StoredBookingField[]): boolean {
  const phone = fields.find((f) => f.type === "phone" && f.slug === "attendeePhoneNumber");
  return !!phone && phone.required && !phone.hidden;
}

export const customFieldSlugs = (fields: readonly StoredBookingField[]) => fields.filter((f) => !f.isDefault).map((f) => f.slug);
