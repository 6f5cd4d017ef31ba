import { describe, expect, it } from "vitest";
import {
  BookingFieldsInputSchema,
  defaultBookingFields,
  emailFieldIsRequiredAndVisible,
  normaliseBookingFields,
  withGuestsHidden,
} from "../../src/event-types/booking-fields";
import { slugify } from "../../src/event-types/input";
import { isLinkExpired } from "../../src/event-types/private-links";

describe("slugify (Cal.com's slugifyLenient)", () => {
  it("lower-cases, folds accents and joins words with dashes", () => {
    expect(slugify("Coaching Session!")).toBe("coaching-session");
    expect(slugify("  Café -- Crème  ")).toBe("cafe-creme");
    expect(slugify("30min")).toBe("30min");
    expect(slugify("!!!")).toBe("");
  });
});

describe("booking fields", () => {
  it("default form: Cal.com's seven system fields in order", () => {
    const fields = defaultBookingFields();
    expect(fields.map((f) => f.slug)).toEqual(["name", "email", "location", "title", "notes", "guests", "rescheduleReason"]);
    expect(emailFieldIsRequiredAndVisible(fields)).toBe(true);
  });

  it("custom fields go between the system fields; system fields keep their defaults unless overridden", () => {
    const fields = normaliseBookingFields([
      { slug: "guests", hidden: true },
      { type: "radio", slug: "size", label: "Size", required: true, options: ["S", "M"] },
      { type: "phone", slug: "mobile", label: "Mobile", required: false },
    ]);
    expect(fields.map((f) => f.slug)).toEqual(["name", "email", "location", "size", "mobile", "title", "notes", "guests", "rescheduleReason"]);
    expect(fields.find((f) => f.slug === "guests")).toMatchObject({ hidden: true, isDefault: true, type: "multiemail" });
    expect(fields.find((f) => f.slug === "size")).toEqual({
      isDefault: false,
      type: "radio",
      slug: "size",
      label: "Size",
      required: true,
      hidden: false,
      disableOnPrefill: false,
      options: ["S", "M"],
    });
    expect(fields.find((f) => f.slug === "mobile")).toMatchObject({ placeholder: "" });
  });

  it("guests can be hidden and shown again", () => {
    const hidden = withGuestsHidden(defaultBookingFields(), true);
    expect(hidden.find((f) => f.slug === "guests")?.hidden).toBe(true);
    expect(withGuestsHidden(hidden, false).find((f) => f.slug === "guests")?.hidden).toBe(false);
  });

  it("validation names the bad element", () => {
    const result = BookingFieldsInputSchema.safeParse([
      { type: "text", slug: "ok", label: "Ok", required: true },
      { type: "text", slug: "name", label: "x", required: true },
    ]);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([1]);
    expect(result.error!.issues[0]!.message).toContain("reserved");
  });
});

describe("private link expiry", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  it("expires by date or by uses", () => {
    expect(isLinkExpired({ expiresAt: new Date("2029-12-31T23:59:59Z"), maxUsageCount: null, usageCount: 0 }, now)).toBe(true);
    expect(isLinkExpired({ expiresAt: new Date("2030-01-02T00:00:00Z"), maxUsageCount: null, usageCount: 0 }, now)).toBe(false);
    expect(isLinkExpired({ expiresAt: null, maxUsageCount: 1, usageCount: 1 }, now)).toBe(true);
    expect(isLinkExpired({ expiresAt: null, maxUsageCount: 3, usageCount: 2 }, now)).toBe(false);
  });
});
