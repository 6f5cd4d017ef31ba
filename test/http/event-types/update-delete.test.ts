import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-14";
let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

const create = (body: Record<string, unknown>) =>
  api("/v2/event-types", { method: "POST", key: tenant.apiKey, version: V, body: { lengthInMinutes: 30, title: "T", ...body } });
const patch = (id: number, body: unknown) => api(`/v2/event-types/${id}`, { method: "PATCH", key: tenant.apiKey, version: V, body });

describe("PATCH /v2/event-types/{id}", () => {
  it("changes only the fields in the body", async () => {
    const created = await create({
      slug: "patch-me",
      bookingFields: [{ type: "text", slug: "company", label: "Company", required: true }],
      minimumBookingNotice: 60,
      seats: { seatsPerTimeSlot: 3, showAttendeeInfo: true, showAvailabilityCount: false },
    });
    const before = created.body.data;
    const res = await patch(before.id, { title: "Renamed", lengthInMinutes: 45, beforeEventBuffer: 15 });
    expect(res.status).toBe(200);
    expect(contractProblems("EventTypesController_2024_06_14_updateEventType", 200, res.body)).toEqual([]);
    expect(res.body.data).toEqual({ ...before, title: "Renamed", lengthInMinutes: 45, beforeEventBuffer: 15 });
  });

  it("switches settings off with {disabled: true}", async () => {
    const created = await create({
      slug: "switch-off",
      bookingLimitsCount: { day: 1 },
      bookingWindow: { type: "businessDays", value: 5 },
      confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: false },
      recurrence: { frequency: "monthly", interval: 1, occurrences: 3 },
    });
    expect(created.body.data.bookingWindow).toEqual({ type: "businessDays", value: 5, rolling: false });
    const res = await patch(created.body.data.id, {
      bookingLimitsCount: { disabled: true },
      bookingWindow: { disabled: true },
      confirmationPolicy: { disabled: true },
      recurrence: { disabled: true },
    });
    expect(res.status).toBe(200);
    expect(contractProblems("EventTypesController_2024_06_14_updateEventType", 200, res.body)).toEqual([]);
    expect(res.body.data.bookingLimitsCount).toBeUndefined();
    expect(res.body.data.bookingWindow).toEqual({ disabled: true });
    expect(res.body.data.confirmationPolicy).toEqual({ disabled: true });
    expect(res.body.data.recurrence).toBeNull();
  });

  it("replaces booking fields while keeping the system fields, and toggles guests", async () => {
    const created = await create({ slug: "fields", bookingFields: [{ type: "text", slug: "a", label: "A", required: false }] });
    const res = await patch(created.body.data.id, { bookingFields: [{ type: "url", slug: "site", label: "Website", required: true }] });
    expect(res.body.data.bookingFields.map((f: any) => f.slug)).toEqual(["name", "email", "location", "site", "title", "notes", "guests", "rescheduleReason"]);
    const guests = await patch(created.body.data.id, { disableGuests: true });
    expect(guests.body.data.disableGuests).toBe(true);
    expect(guests.body.data.bookingFields.map((f: any) => f.slug)).toContain("site");
    expect(guests.body.data.bookingFields.find((f: any) => f.slug === "guests").hidden).toBe(true);
  });

  it("falls back to the default schedule when scheduleId is cleared", async () => {
    const schedule = await api("/v2/schedules", {
      method: "POST",
      key: tenant.apiKey,
      version: "2024-06-11",
      body: { name: "S", timeZone: "UTC", isDefault: false },
    });
    const created = await create({ slug: "sched", scheduleId: schedule.body.data.id });
    expect(created.body.data.scheduleId).toBe(schedule.body.data.id);
    const cleared = await patch(created.body.data.id, { scheduleId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data.scheduleId).toBeNull();
  });

  it("refuses a slug clash with another of the caller's event types with 409", async () => {
    await create({ slug: "taken" });
    const mine = await create({ slug: "free" });
    const res = await patch(mine.body.data.id, { slug: "taken" });
    expect(res.status).toBe(409);
    expect((await api(`/v2/event-types/${mine.body.data.id}`, { key: tenant.apiKey, version: V })).body.data.slug).toBe("free");
  });

  it("checks lengthInMinutesOptions against the stored length", async () => {
    const created = await create({ slug: "durations", lengthInMinutes: 30 });
    const res = await patch(created.body.data.id, { lengthInMinutesOptions: [15, 45] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("lengthInMinutesOptions");
    const ok = await patch(created.body.data.id, { lengthInMinutesOptions: [15, 30, 45] });
    expect(ok.status).toBe(200);
    expect(ok.body.data.lengthInMinutesOptions).toEqual([15, 30, 45]);
  });

  it("answers 404 for an unknown id", async () => {
    const res = await patch(2_000_000_000, { title: "x" });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("Event type with id 2000000000 not found");
  });
});

describe("DELETE /v2/event-types/{id}", () => {
  it("deletes and returns what was deleted", async () => {
    const created = await create({ slug: "bye", lengthInMinutes: 20, title: "Bye" });
    const res = await api(`/v2/event-types/${created.body.data.id}`, { method: "DELETE", key: tenant.apiKey, version: V });
    expect(res.status).toBe(200);
    expect(contractProblems("EventTypesController_2024_06_14_deleteEventType", 200, res.body)).toEqual([]);
    expect(res.body.data).toEqual({ id: created.body.data.id, lengthInMinutes: 20, title: "Bye", slug: "bye" });
    expect((await api(`/v2/event-types/${created.body.data.id}`, { key: tenant.apiKey, version: V })).status).toBe(404);
    const again = await api(`/v2/event-types/${created.body.data.id}`, { method: "DELETE", key: tenant.apiKey, version: V });
    expect(again.status).toBe(404);
  });

  it("frees the slug for reuse", async () => {
    const created = await create({ slug: "reuse" });
    await api(`/v2/event-types/${created.body.data.id}`, { method: "DELETE", key: tenant.apiKey, version: V });
    expect((await create({ slug: "reuse" })).status).toBe(201);
  });
});
