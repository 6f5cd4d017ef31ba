import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-11";
let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

const create = (body: unknown, key = tenant.apiKey) => api("/v2/schedules", { method: "POST", key, version: V, body });

describe("schedules: create, read, update, delete", () => {
  it("has no default schedule before the first one is created", async () => {
    const res = await api("/v2/schedules/default", { key: tenant.apiKey, version: V });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success", data: null });
    expect(contractProblems("SchedulesController_2024_06_11_getDefaultSchedule", 200, res.body)).toEqual([]);
  });

  it("creates the first schedule as the default even with isDefault false, with Mon-Fri 09:00-17:00", async () => {
    const res = await create({ name: "Working hours", timeZone: "Europe/Rome", isDefault: false });
    expect(res.status).toBe(201);
    expect(contractProblems("SchedulesController_2024_06_11_createSchedule", 201, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({
      ownerId: tenant.userId,
      name: "Working hours",
      timeZone: "Europe/Rome",
      isDefault: true,
      availability: [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "17:00" }],
      overrides: [],
    });
    const me = await api("/v2/me", { key: tenant.apiKey });
    expect(me.body.data.defaultScheduleId).toBe(res.body.data.id);
  });

  it("round-trips availability and overrides exactly, and switches the default when asked", async () => {
    const body = {
      name: "Evenings",
      timeZone: "America/New_York",
      isDefault: true,
      // Deliberately not in time order: rules come back in the order given.
      availability: [
        { days: ["Wednesday"], startTime: "18:00", endTime: "23:59" },
        { days: ["Saturday", "Sunday"], startTime: "08:30", endTime: "12:15" },
      ],
      overrides: [
        { date: "2030-03-10", startTime: "10:00", endTime: "11:00" },
        { date: "2030-03-09", startTime: "00:00", endTime: "00:00" },
      ],
    };
    const created = await create(body);
    expect(created.status).toBe(201);
    expect(created.body.data.availability).toEqual(body.availability);
    expect(created.body.data.overrides).toEqual([
      { date: "2030-03-09", startTime: "00:00", endTime: "00:00" },
      { date: "2030-03-10", startTime: "10:00", endTime: "11:00" },
    ]);
    expect(created.body.data.isDefault).toBe(true);

    const byId = await api(`/v2/schedules/${created.body.data.id}`, { key: tenant.apiKey, version: V });
    expect(byId.status).toBe(200);
    expect(contractProblems("SchedulesController_2024_06_11_getSchedule", 200, byId.body)).toEqual([]);
    expect(byId.body.data).toEqual(created.body.data);

    const def = await api("/v2/schedules/default", { key: tenant.apiKey, version: V });
    expect(def.body.data.id).toBe(created.body.data.id);
    expect(contractProblems("SchedulesController_2024_06_11_getDefaultSchedule", 200, def.body)).toEqual([]);

    const list = await api("/v2/schedules", { key: tenant.apiKey, version: V });
    expect(list.status).toBe(200);
    expect(contractProblems("SchedulesController_2024_06_11_getSchedules", 200, list.body)).toEqual([]);
    expect(list.body.data.filter((s: any) => s.isDefault).map((s: any) => s.id)).toEqual([created.body.data.id]);
  });

  it("PATCH replaces only what it names and can make a schedule the default", async () => {
    const first = await create({
      name: "Patch me",
      timeZone: "Asia/Tokyo",
      isDefault: false,
      overrides: [{ date: "2031-01-02", startTime: "09:00", endTime: "10:00" }],
    });
    const id = first.body.data.id;

    const renamed = await api(`/v2/schedules/${id}`, {
      method: "PATCH",
      key: tenant.apiKey,
      version: V,
      body: { name: "Renamed", timeZone: "Australia/Sydney" },
    });
    expect(renamed.status).toBe(200);
    expect(contractProblems("SchedulesController_2024_06_11_updateSchedule", 200, renamed.body)).toEqual([]);
    expect(renamed.body.data).toMatchObject({ name: "Renamed", timeZone: "Australia/Sydney", isDefault: false });
    expect(renamed.body.data.availability).toEqual(first.body.data.availability);
    expect(renamed.body.data.overrides).toEqual(first.body.data.overrides);

    const newRules = [{ days: ["Friday"], startTime: "13:00", endTime: "14:00" }];
    const replaced = await api(`/v2/schedules/${id}`, { method: "PATCH", key: tenant.apiKey, version: V, body: { availability: newRules, isDefault: true } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data.availability).toEqual(newRules);
    expect(replaced.body.data.overrides).toEqual(first.body.data.overrides);
    expect(replaced.body.data.isDefault).toBe(true);

    const cleared = await api(`/v2/schedules/${id}`, { method: "PATCH", key: tenant.apiKey, version: V, body: { overrides: [] } });
    expect(cleared.body.data.overrides).toEqual([]);
    expect(cleared.body.data.availability).toEqual(newRules);
  });

  it("deleting the default reassigns it to the oldest remaining schedule, and the last one to none", async () => {
    const owner = await createTenant();
    const a = await create({ name: "A", timeZone: "UTC", isDefault: true }, owner.apiKey);
    const b = await create({ name: "B", timeZone: "UTC", isDefault: true }, owner.apiKey);
    expect((await api("/v2/me", { key: owner.apiKey })).body.data.defaultScheduleId).toBe(b.body.data.id);

    const del = await api(`/v2/schedules/${b.body.data.id}`, { method: "DELETE", key: owner.apiKey, version: V });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ status: "success" });
    expect(contractProblems("SchedulesController_2024_06_11_deleteSchedule", 200, del.body)).toEqual([]);
    expect((await api("/v2/me", { key: owner.apiKey })).body.data.defaultScheduleId).toBe(a.body.data.id);

    const gone = await api(`/v2/schedules/${b.body.data.id}`, { key: owner.apiKey, version: V });
    expect(gone.status).toBe(404);

    await api(`/v2/schedules/${a.body.data.id}`, { method: "DELETE", key: owner.apiKey, version: V });
    expect((await api("/v2/me", { key: owner.apiKey })).body.data.defaultScheduleId).toBeNull();
    expect((await api("/v2/schedules/default", { key: owner.apiKey, version: V })).body.data).toBeNull();
    expect((await api("/v2/schedules", { key: owner.apiKey, version: V })).body.data).toEqual([]);
  });

  it("deleting a schedule that is not the default keeps the default", async () => {
    const owner = await createTenant();
    const a = await create({ name: "A", timeZone: "UTC", isDefault: true }, owner.apiKey);
    const b = await create({ name: "B", timeZone: "UTC", isDefault: false }, owner.apiKey);
    expect(b.body.data.isDefault).toBe(false);
    await api(`/v2/schedules/${b.body.data.id}`, { method: "DELETE", key: owner.apiKey, version: V });
    expect((await api("/v2/me", { key: owner.apiKey })).body.data.defaultScheduleId).toBe(a.body.data.id);
  });

  it("isDefault: false on the default schedule is ignored, as in Cal.com (a user keeps a default)", async () => {
    const owner = await createTenant();
    const a = await create({ name: "A", timeZone: "UTC", isDefault: true }, owner.apiKey);
    const res = await api(`/v2/schedules/${a.body.data.id}`, { method: "PATCH", key: owner.apiKey, version: V, body: { isDefault: false } });
    expect(res.status).toBe(200);
    expect(res.body.data.isDefault).toBe(true);
    expect((await api("/v2/me", { key: owner.apiKey })).body.data.defaultScheduleId).toBe(a.body.data.id);
  });

  it("lets PATCH /v2/me pick one of the caller's schedules as default", async () => {
    const owner = await createTenant();
    const a = await create({ name: "A", timeZone: "UTC", isDefault: true }, owner.apiKey);
    const b = await create({ name: "B", timeZone: "UTC", isDefault: false }, owner.apiKey);
    const res = await api("/v2/me", { method: "PATCH", key: owner.apiKey, body: { defaultScheduleId: b.body.data.id } });
    expect(res.status).toBe(200);
    expect(res.body.data.defaultScheduleId).toBe(b.body.data.id);
    const aNow = await api(`/v2/schedules/${a.body.data.id}`, { key: owner.apiKey, version: V });
    expect(aNow.body.data.isDefault).toBe(false);
  });
});
