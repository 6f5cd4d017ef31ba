import type { StoredBookingField } from "../event-types/booking-fields";

// The Booker's form is Cal.com's FormBuilder, which reads booking fields in Cal.com's internal (database) shape:
// `name`, `editable`, `sources`, `defaultLabel`, variants for the name field… Event types store them in the
// 2024-06-14 output shape, so the public event converts them the way Cal.com's api-to-internal transformer does
// (apps/api/v2/src/ee/event-types/event-types_2024_06_14/transformers/api-to-internal/booking-fields.ts).

const DEFAULT_SOURCE = [{ label: "Default", id: "default", type: "default" }];
const USER_SOURCE = [{ id: "user", type: "user", label: "User", fieldRequired: true }];

export type InternalBookingField = Record<string, unknown> & { name: string; type: string; required: boolean };

// Cal.com's system fields (internal-to-api/booking-fields.ts: systemBeforeField*, systemAfterField*).
const SYSTEM_FIELDS: Record<string, InternalBookingField> = {
  name: {
    type: "name",
    name: "name",
    editable: "system",
    defaultLabel: "your_name",
    required: true,
    variant: "fullName",
    sources: DEFAULT_SOURCE,
    variantsConfig: {
      variants: {
        fullName: { fields: [{ name: "fullName", type: "text", required: true, label: "your_name" }] },
        firstAndLastName: {
          fields: [
            { name: "firstName", type: "text", required: true, label: "", placeholder: "" },
            { name: "lastName", type: "text", required: false, label: "", placeholder: "" },
          ],
        },
      },
    },
  },
  email: { defaultLabel: "email_address", type: "email", name: "email", required: true, editable: "system-but-optional", sources: DEFAULT_SOURCE },
  location: {
    defaultLabel: "location",
    type: "radioInput",
    name: "location",
    editable: "system",
    hideWhenJustOneOption: true,
    required: false,
    getOptionsAt: "locations",
    optionsInputs: {
      attendeeInPerson: { type: "address", required: true, placeholder: "" },
      phone: { type: "phone", required: true, placeholder: "" },
      somewhereElse: { type: "text", required: true, placeholder: "" },
    },
    sources: DEFAULT_SOURCE,
  },
  title: {
    defaultLabel: "what_is_this_meeting_about",
    type: "text",
    name: "title",
    editable: "system-but-optional",
    required: true,
    hidden: true,
    defaultPlaceholder: "",
    sources: DEFAULT_SOURCE,
  },
  notes: {
    defaultLabel: "additional_notes",
    type: "textarea",
    name: "notes",
    editable: "system-but-optional",
    required: false,
    defaultPlaceholder: "share_additional_notes",
    sources: DEFAULT_SOURCE,
  },
  guests: {
    defaultLabel: "additional_guests",
    type: "multiemail",
    editable: "system-but-optional",
    name: "guests",
    defaultPlaceholder: "email",
    required: false,
    hidden: false,
    sources: DEFAULT_SOURCE,
  },
  rescheduleReason: {
    defaultLabel: "reason_for_reschedule",
    type: "textarea",
    editable: "system-but-optional",
    name: "rescheduleReason",
    defaultPlaceholder: "reschedule_placeholder",
    required: false,
    views: [{ id: "reschedule", label: "Reschedule View" }],
    sources: DEFAULT_SOURCE,
  },
};

// Stored defaults carry Cal.com's i18n keys as labels; the FormBuilder translates `defaultLabel` only when
// `label` is absent, so a label that is still the key (or empty) is left out.
const customised = (value: string | undefined, defaultKey: unknown) => (value && value !== defaultKey ? value : undefined);

const defined = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

function systemField(field: StoredBookingField): InternalBookingField {
  const base = structuredClone(SYSTEM_FIELDS[field.slug]!);
  const label = customised(field.label, base.defaultLabel);
  switch (field.slug) {
    case "name": {
      const fullName = (base.variantsConfig as any).variants.fullName.fields[0];
      if (label) fullName.label = label;
      if (field.placeholder) fullName.placeholder = field.placeholder;
      return defined({ ...base, label, placeholder: field.placeholder || undefined, disableOnPrefill: !!field.disableOnPrefill }) as InternalBookingField;
    }
    case "location":
      return defined({ ...base, label }) as InternalBookingField;
    default:
      return defined({
        ...base,
        label,
        placeholder: field.placeholder || undefined,
        required: field.required,
        hidden: !!field.hidden,
        disableOnPrefill: !!field.disableOnPrefill,
      }) as InternalBookingField;
  }
}

function customField(field: StoredBookingField): InternalBookingField {
  const withOptions = field.options ? { options: field.options.map((option) => ({ label: option, value: option })) } : {};
  const htmlLabel = field.type === "boolean" || field.type === "url" ? { labelAsSafeHtml: `<p>${escapeHtml(field.label ?? "")}</p>\n` } : {};
  return defined({
    name: field.slug,
    type: field.type,
    label: field.label ?? "",
    ...htmlLabel,
    sources: USER_SOURCE,
    editable: "user",
    required: field.required,
    placeholder: field.placeholder,
    disableOnPrefill: !!field.disableOnPrefill,
    hidden: !!field.hidden,
    ...withOptions,
  }) as InternalBookingField;
}

/** Stored (2024-06-14) booking fields in Cal.com's internal shape, every system field present, in stored order. */
export function toInternalBookingFields(stored: readonly StoredBookingField[]): InternalBookingField[] {
  const fields = stored.map((field) => (field.isDefault && SYSTEM_FIELDS[field.slug] ? systemField(field) : customField(field)));
  // Cal.com's getBookingFieldsWithSystemFields: any missing system field is added (before/after the custom ones).
  const present = new Set(fields.map((f) => f.name));
  const before = ["name", "email", "location"].filter((n) => !present.has(n)).map((n) => structuredClone(SYSTEM_FIELDS[n]!));
  const after = ["title", "notes", "guests", "rescheduleReason"].filter((n) => !present.has(n)).map((n) => structuredClone(SYSTEM_FIELDS[n]!));
  return [...before, ...fields, ...after];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
