import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { createTenant, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-14";
let tenant: Tenant;
let otherScheduleId: number;

beforeAll(async () => {
  tenant = await createTenant();
  const other = await createTenant();
  const schedule = await api("/v2/schedules", {
    method: "POST",
    key: other.apiKey,
    version: "2024-06-11",
    body: { name: "Theirs", timeZone: "UTC", isDefault: true },
  });
  otherScheduleId = schedule.body.data.id;
});

const base = { lengthInMinutes: 30, title: "Valid", slug: "valid" };

// Each case: a body refused with 400, and text its message must contain (the field, or Cal.com's message).
const badBodies: [string, Record<string, unknown>, string][] = [
  ["missing lengthInMinutes", { title: "x", slug: "x" }, "lengthInMinutes"],
  ["negative length", { ...base, lengthInMinutes: -30 }, "lengthInMinutes"],
  ["zero length", { ...base, lengthInMinutes: 0 }, "lengthInMinutes"],
  ["fractional length", { ...base, lengthInMinutes: 30.5 }, "lengthInMinutes"],
  ["length as string", { ...base, lengthInMinutes: "30" }, "lengthInMinutes"],
  ["length beyond int4", { ...base, lengthInMinutes: 99_999_999_999 }, "lengthInMinutes"],
  ["10 000-character title", { ...base, title: "t".repeat(10_000) }, "title"],
  ["empty title", { ...base, title: "" }, "title"],
  ["title as number", { ...base, title: 42 }, "title"],
  ["slug without letters or digits", { ...base, slug: "!!!" }, "slug"],
  ["unknown location type", { ...base, locations: [{ type: "teleport" }] }, "locations.0"],
  ["empty locations", { ...base, locations: [] }, "locations"],
  ["address without address", { ...base, locations: [{ type: "address", public: true }] }, "locations.0.address"],
  ["link that is not a URL", { ...base, locations: [{ type: "link", link: "not a url", public: true }] }, "locations.0.link"],
  ["phone that is not international", { ...base, locations: [{ type: "phone", phone: "12345", public: true }] }, "locations.0.phone"],
  ["unknown integration", { ...base, locations: [{ type: "integration", integration: "skype-for-business" }] }, "locations.0.integration"],
  ["unconnected conferencing app", { ...base, locations: [{ type: "integration", integration: "zoom" }] }, "zoom not connected."],
  ["unknown booking field type", { ...base, bookingFields: [{ type: "hologram", slug: "h", label: "H", required: true }] }, "bookingFields.0"],
  ["booking field without type or slug", { ...base, bookingFields: [{ label: "?" }] }, "bookingFields.0"],
  ["select without options", { ...base, bookingFields: [{ type: "select", slug: "s", label: "S", required: true }] }, "bookingFields.0.options"],
  ["custom field without label", { ...base, bookingFields: [{ type: "text", slug: "t", required: true }] }, "bookingFields.0.label"],
  [
    "duplicate booking field slug",
    {
      ...base,
      bookingFields: [
        { type: "text", slug: "a", label: "A", required: true },
        { type: "number", slug: "a", label: "B", required: true },
      ],
    },
    "bookingFields.1",
  ],
  [
    "optional email field",
    { ...base, bookingFields: [{ type: "email", label: "Email", placeholder: "", required: false }] },
    "Email booking field must be required and visible",
  ],
  ["lengthInMinutesOptions without the length", { ...base, lengthInMinutesOptions: [15, 45] }, "lengthInMinutesOptions"],
  ["negative buffer", { ...base, beforeEventBuffer: -5 }, "beforeEventBuffer"],
  ["negative minimum notice", { ...base, minimumBookingNotice: -1 }, "minimumBookingNotice"],
  ["day limit above week limit", { ...base, bookingLimitsCount: { day: 5, week: 2 } }, "bookingLimitsCount.day"],
  ["duration limit not a multiple of 15", { ...base, bookingLimitsDuration: { day: 50 } }, "bookingLimitsDuration.day"],
  ["booking window without type", { ...base, bookingWindow: { value: 5 } }, "bookingWindow.type"],
  ["range window with a bad date", { ...base, bookingWindow: { type: "range", value: ["2030-02-30", "2030-03-01"] } }, "bookingWindow.value"],
  [
    "time confirmation without threshold",
    { ...base, confirmationPolicy: { type: "time", blockUnconfirmedBookingsInBooker: true } },
    "confirmationPolicy.noticeThreshold",
  ],
  ["recurrence with unknown frequency", { ...base, recurrence: { frequency: "daily", interval: 1, occurrences: 2 } }, "recurrence.frequency"],
  ["seats above 1000", { ...base, seats: { seatsPerTimeSlot: 1001, showAttendeeInfo: true, showAvailabilityCount: true } }, "seats.seatsPerTimeSlot"],
  [
    "seats with two locations",
    {
      ...base,
      seats: { seatsPerTimeSlot: 2, showAttendeeInfo: true, showAvailabilityCount: true },
      locations: [{ type: "attendeePhone" }, { type: "attendeeAddress" }],
    },
    "Seats Validation failed",
  ],
  [
    "seats with confirmation",
    {
      ...base,
      seats: { seatsPerTimeSlot: 2, showAttendeeInfo: true, showAvailabilityCount: true },
      confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false },
    },
    "Seats Validation failed",
  ],
  [
    "recurrence with an active bookings limit",
    { ...base, recurrence: { frequency: "weekly", interval: 1, occurrences: 2 }, bookerActiveBookingsLimit: { maximumActiveBookings: 1 } },
    "recurrence",
  ],
  ["bad colour", { ...base, color: { lightThemeHex: "red", darkThemeHex: "#000" } }, "color.lightThemeHex"],
  ["default layout not enabled", { ...base, bookerLayouts: { defaultLayout: "month", enabledLayouts: ["week"] } }, "bookerLayouts.defaultLayout"],
  ["redirect URL that is not a URL", { ...base, successRedirectUrl: "javascript:alert(1)" }, "successRedirectUrl"],
  ["unknown custom name variable", { ...base, customName: "{Nope} meeting" }, "customName"],
  ["unknown interface language", { ...base, interfaceLanguage: "klingon" }, "interfaceLanguage"],
  [
    "destination calendar that is not connected",
    { ...base, destinationCalendar: { integration: "google_calendar", externalId: "x" } },
    "Calendar does not exist",
  ],
  ["too many metadata keys", { ...base, metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }, "metadata"],
  ["hidden as string", { ...base, hidden: "yes" }, "hidden"],
];

describe("POST /v2/event-types rejects bad input with 400 naming the field", () => {
  for (const [label, body, expected] of badBodies) {
    it(label, async () => {
      const res = await api("/v2/event-types", { method: "POST", key: tenant.apiKey, version: V, body });
      expect(res.status).toBe(400);
      expect(res.body.status).toBe("error");
      expect(res.body.error.message).toContain(expected);
    });
  }

  it("someone else's schedule is a 404 (Cal.com's message)", async () => {
    const res = await api("/v2/event-types", {
      method: "POST",
      key: tenant.apiKey,
      version: V,
      body: { ...base, slug: "theirs", scheduleId: otherScheduleId },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`User with ID=${tenant.userId} does not own schedule with ID=${otherScheduleId}`);
  });

  it("nothing was created by the refused requests", async () => {
    const list = await api("/v2/event-types", { key: tenant.apiKey, version: V });
    expect(list.body.data).toEqual([]);
  });
});

describe("PATCH validates too", () => {
  it("bad input on update is a 400 naming the field", async () => {
    const created = await api("/v2/event-types", { method: "POST", key: tenant.apiKey, version: V, body: { ...base, slug: "to-patch" } });
    const id = created.body.data.id;
    for (const [body, field] of [
      [{ lengthInMinutes: -1 }, "lengthInMinutes"],
      [{ locations: [{ type: "carrier-pigeon" }] }, "locations.0"],
      [{ scheduleId: "abc" }, "scheduleId"],
      [{ title: "x".repeat(10_000) }, "title"],
    ] as const) {
      const res = await api(`/v2/event-types/${id}`, { method: "PATCH", key: tenant.apiKey, version: V, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    const res = await api(`/v2/event-types/not-a-number`, { method: "PATCH", key: tenant.apiKey, version: V, body: { title: "x" } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("eventTypeId");
  });
});
