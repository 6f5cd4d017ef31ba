import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-14";
let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

const create = (body: unknown, key = tenant.apiKey) => api("/v2/event-types", { method: "POST", key, version: V, body });

describe("POST /v2/event-types", () => {
  it("creates a minimal event type with Cal.com's defaults", async () => {
    const res = await create({ lengthInMinutes: 30, title: "Intro call", slug: "intro-call" });
    expect(res.status).toBe(201);
    expect(contractProblems("EventTypesController_2024_06_14_createEventType", 201, res.body)).toEqual([]);
    const et = res.body.data;
    expect(et).toMatchObject({
      ownerId: tenant.userId,
      lengthInMinutes: 30,
      title: "Intro call",
      slug: "intro-call",
      description: "",
      locations: [{ type: "integration", integration: "cal-video" }],
      minimumBookingNotice: 120,
      beforeEventBuffer: 0,
      afterEventBuffer: 0,
      slotInterval: null,
      scheduleId: null,
      hidden: false,
      recurrence: null,
      price: 0,
      currency: "usd",
      seats: { disabled: true },
      bookingWindow: { disabled: true },
      confirmationPolicy: { disabled: true },
      bookerActiveBookingsLimit: { disabled: true },
      bookingUrl: `https://cal.com/${tenant.username}/intro-call`,
      users: [{ id: tenant.userId, username: tenant.username }],
    });
    expect(et.bookingFields.map((f: any) => f.slug)).toEqual(["name", "email", "location", "title", "notes", "guests", "rescheduleReason"]);
    expect(et.bookingFields.every((f: any) => f.isDefault === true)).toBe(true);
  });

  it("stores every documented setting and returns it in Cal.com's shape", async () => {
    const schedule = await api("/v2/schedules", {
      method: "POST",
      key: tenant.apiKey,
      version: "2024-06-11",
      body: { name: "Coaching", timeZone: "Europe/Riga", isDefault: false },
    });
    const body = {
      lengthInMinutes: 60,
      lengthInMinutesOptions: [30, 60, 90],
      title: "Coaching session",
      slug: "Coaching Session!",
      description: "Deep dive",
      locations: [
        { type: "address", address: "1 Main St", public: true },
        { type: "link", link: "https://meet.example.com/abc", public: false },
        { type: "phone", phone: "+37120993151", public: true },
        { type: "attendeePhone" },
        { type: "attendeeAddress" },
        { type: "attendeeDefined" },
        { type: "integration", integration: "cal-video" },
      ],
      bookingFields: [
        { type: "name", label: "Full name", placeholder: "Jane Doe" },
        { type: "text", slug: "company", label: "Company", required: true, placeholder: "Acme", hidden: false },
        { type: "select", slug: "topic", label: "Topic", required: false, placeholder: "Pick", options: ["Career", "Code"], hidden: false },
        { type: "checkbox", slug: "prefs", label: "Prefs", required: false, options: ["a", "b"], hidden: false },
        { type: "boolean", slug: "agree", label: "Agree?", required: true, hidden: false },
        { slug: "notes", required: true, label: "Anything else?" },
      ],
      slotInterval: 15,
      minimumBookingNotice: 240,
      beforeEventBuffer: 10,
      afterEventBuffer: 5,
      scheduleId: schedule.body.data.id,
      bookingLimitsCount: { day: 2, week: 5 },
      bookingLimitsDuration: { day: 120, month: 600 },
      bookingWindow: { type: "calendarDays", value: 30, rolling: true },
      offsetStart: 5,
      bookerLayouts: { defaultLayout: "week", enabledLayouts: ["week", "month"] },
      confirmationPolicy: { type: "time", noticeThreshold: { unit: "hours", count: 24 }, blockUnconfirmedBookingsInBooker: true },
      recurrence: { frequency: "weekly", interval: 2, occurrences: 6 },
      requiresBookerEmailVerification: true,
      hideCalendarNotes: true,
      lockTimeZoneToggleOnBookingPage: true,
      color: { lightThemeHex: "#292929", darkThemeHex: "#fafafa" },
      customName: "{Event type title} with {Scheduler} about {company}",
      hideCalendarEventDetails: true,
      successRedirectUrl: "https://example.com/thanks",
      hideOrganizerEmail: true,
      hidden: true,
      bookingRequiresAuthentication: true,
      disableCancelling: { disabled: true },
      disableRescheduling: { minutesBefore: 60 },
      interfaceLanguage: "de",
      allowReschedulingPastBookings: true,
      metadata: { source: "crm", priority: 2 },
    };
    const res = await create(body);
    expect(res.status).toBe(201);
    expect(contractProblems("EventTypesController_2024_06_14_createEventType", 201, res.body)).toEqual([]);
    const et = res.body.data;
    expect(et).toMatchObject({
      slug: "coaching-session",
      lengthInMinutes: 60,
      lengthInMinutesOptions: [30, 60, 90],
      description: "Deep dive",
      locations: body.locations,
      slotInterval: 15,
      minimumBookingNotice: 240,
      beforeEventBuffer: 10,
      afterEventBuffer: 5,
      scheduleId: schedule.body.data.id,
      bookingLimitsCount: { day: 2, week: 5 },
      bookingLimitsDuration: { day: 120, month: 600 },
      bookingWindow: { type: "calendarDays", value: 30, rolling: true },
      offsetStart: 5,
      bookerLayouts: body.bookerLayouts,
      confirmationPolicy: body.confirmationPolicy,
      recurrence: body.recurrence,
      requiresBookerEmailVerification: true,
      hideCalendarNotes: true,
      lockTimeZoneToggleOnBookingPage: true,
      color: body.color,
      customName: body.customName,
      hideCalendarEventDetails: true,
      successRedirectUrl: "https://example.com/thanks",
      hideOrganizerEmail: true,
      hidden: true,
      bookingRequiresAuthentication: true,
      disableCancelling: { disabled: true },
      disableRescheduling: { disabled: false, minutesBefore: 60 },
      interfaceLanguage: "de",
      allowReschedulingPastBookings: true,
      metadata: { source: "crm", priority: 2, multipleDuration: [30, 60, 90] },
    });
    expect(et.bookingFields.map((f: any) => f.slug)).toEqual([
      "name",
      "email",
      "location",
      "company",
      "topic",
      "prefs",
      "agree",
      "title",
      "notes",
      "guests",
      "rescheduleReason",
    ]);
    expect(et.bookingFields.find((f: any) => f.slug === "name")).toMatchObject({ label: "Full name", placeholder: "Jane Doe", isDefault: true });
    expect(et.bookingFields.find((f: any) => f.slug === "topic")).toMatchObject({ type: "select", options: ["Career", "Code"], isDefault: false });
    expect(et.bookingFields.find((f: any) => f.slug === "notes")).toMatchObject({ required: true, label: "Anything else?" });

    const byId = await api(`/v2/event-types/${et.id}`, { key: tenant.apiKey, version: V });
    expect(byId.status).toBe(200);
    expect(contractProblems("EventTypesController_2024_06_14_getEventTypeById", 200, byId.body)).toEqual([]);
    expect(byId.body.data).toEqual(et);
  });

  it("seats and a range window round-trip", async () => {
    const res = await create({
      lengthInMinutes: 45,
      title: "Workshop",
      slug: "workshop",
      seats: { seatsPerTimeSlot: 12, showAttendeeInfo: false, showAvailabilityCount: true },
      bookingWindow: { type: "range", value: ["2030-09-05", "2030-09-09"] },
      bookerActiveBookingsLimit: { maximumActiveBookings: 2, offerReschedule: true },
    });
    expect(res.status).toBe(201);
    expect(contractProblems("EventTypesController_2024_06_14_createEventType", 201, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({
      seats: { seatsPerTimeSlot: 12, showAttendeeInfo: false, showAvailabilityCount: true },
      seatsPerTimeSlot: 12,
      bookingWindow: { type: "range", value: ["2030-09-05", "2030-09-09"] },
      bookerActiveBookingsLimit: { maximumActiveBookings: 2, offerReschedule: true },
    });
  });

  it("disableGuests hides the guests booking field", async () => {
    const res = await create({ lengthInMinutes: 15, title: "Quick", slug: "quick", disableGuests: true });
    expect(res.body.data.disableGuests).toBe(true);
    expect(res.body.data.bookingFields.find((f: any) => f.slug === "guests").hidden).toBe(true);
  });

  it("refuses a slug the caller already uses (Cal.com: 400), but another user may reuse it", async () => {
    await create({ lengthInMinutes: 30, title: "Dup", slug: "dup" });
    const again = await create({ lengthInMinutes: 30, title: "Dup 2", slug: "DUP" });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe("User already has an event type with this slug.");
    const other = await createTenant();
    const theirs = await create({ lengthInMinutes: 30, title: "Dup", slug: "dup" }, other.apiKey);
    expect(theirs.status).toBe(201);
  });
});
