import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { createTeam, createTeamEventTypeRow, createTenant, type Tenant, unique } from "../../helpers/fixtures";

let admin: Tenant;
let member: Tenant;
let stranger: Tenant;
let teamId: number;
let eventTypeId: number;

const base = () => `/v2/teams/${teamId}/event-types`;
const create = (body: Record<string, unknown>) =>
  api(base(), { method: "POST", key: admin.apiKey, body: { lengthInMinutes: 30, title: "V", slug: unique("v"), schedulingType: "collective", ...body } });

beforeAll(async () => {
  [admin, member, stranger] = await Promise.all([createTenant(), createTenant(), createTenant()]);
  teamId = (await createTeam({ owners: [admin], members: [member] })).teamId;
  eventTypeId = (await createTeamEventTypeRow(teamId, "ROUND_ROBIN", [{ userId: member.userId }])).id;
});

describe("hosts", () => {
  it("a host who is not a member of the team is a 400 naming them (create and update)", async () => {
    const res = await create({ hosts: [{ userId: member.userId }, { userId: stranger.userId }] });
    expect(expectError(res, 400, "BadRequestException").error.message).toBe(`Invalid hosts: ${stranger.userId} are not members of team with id ${teamId}.`);
    const patch = await api(`${base()}/${eventTypeId}`, { method: "PATCH", key: admin.apiKey, body: { hosts: [{ userId: stranger.userId }] } });
    expect(expectError(patch, 400).error.message).toBe(`Invalid hosts: ${stranger.userId} are not members of team with id ${teamId}.`);
  });

  it("rejects a user listed twice, a bad priority and a bad userId, naming the field", async () => {
    const twice = await create({ hosts: [{ userId: member.userId }, { userId: member.userId }] });
    expect(expectError(twice, 400).error.message).toMatch(/hosts/);
    const priority = await create({ schedulingType: "roundRobin", hosts: [{ userId: member.userId, priority: "urgent" }] });
    expect(expectError(priority, 400).error.message).toMatch(/hosts\.0\.priority/);
    const userId = await create({ hosts: [{ userId: "me" }] });
    expect(expectError(userId, 400).error.message).toMatch(/hosts\.0\.userId/);
  });
});

describe("scheduling type", () => {
  it("is required on create, must be one of Cal.com's, and managed cannot be set by PATCH", async () => {
    const missing = await create({ schedulingType: undefined });
    expect(expectError(missing, 400).error.message).toMatch(/schedulingType/);
    const wrong = await create({ schedulingType: "solo" });
    expect(expectError(wrong, 400).error.message).toMatch(/schedulingType/);
    const managed = await api(`${base()}/${eventTypeId}`, { method: "PATCH", key: admin.apiKey, body: { schedulingType: "managed" } });
    expect(expectError(managed, 400).error.message).toMatch(/schedulingType/);
  });

  it("accepts Cal.com's upper-case names and answers lower-camel", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "COLLECTIVE" }), 201);
    expect(et.schedulingType).toBe("collective");
  });
});

describe("the personal event type's rules apply", () => {
  it("bad lengths, options without the length and a missing title are 400s naming the field", async () => {
    const res = await create({ lengthInMinutes: 0, title: "" });
    const message = expectError(res, 400).error.message;
    expect(message).toMatch(/lengthInMinutes/);
    expect(message).toMatch(/title/);
    const options = await create({ lengthInMinutes: 30, lengthInMinutesOptions: [15, 45] });
    expect(expectError(options, 400).error.message).toBe("lengthInMinutesOptions - must include lengthInMinutes");
  });

  it("a schedule of someone outside the team is a 400", async () => {
    const schedule = await api("/v2/schedules", {
      method: "POST",
      key: stranger.apiKey,
      version: "2024-06-11",
      body: { name: "S", timeZone: "UTC", isDefault: true },
    });
    const res = await create({ scheduleId: schedule.body.data.id });
    expect(expectError(res, 400).error.message).toMatch(/^scheduleId - /);
  });

  it("emailSettings are stored in metadata and echoed", async () => {
    const et = dataOf<LooseBody>(await create({ emailSettings: { disableEmailsToAttendees: true } }), 201);
    expect(et.emailSettings).toEqual({ disableEmailsToAttendees: true, disableEmailsToHosts: false });
  });
});

describe("unknown ids and bad params", () => {
  it("a non-numeric id is a 400; an unknown one a 404", async () => {
    expectError(await api(`${base()}/abc`, { key: admin.apiKey }), 400);
    const res = await api(`${base()}/2147483000`, { key: admin.apiKey });
    expect(expectError(res, 404).error.message).toBe("Event type with id 2147483000 not found");
    expectError(await api(`${base()}?hostsLimit=zero`), 400);
  });
});

describe("POST …/create-phone-call", () => {
  const body = { yourPhoneNumber: "+14155550100", numberToCall: "+14155550101", calApiKey: "cal_x", enabled: true, templateType: "CUSTOM_TEMPLATE" };

  it("validates the body (E.164 numbers)", async () => {
    const res = await api(`${base()}/${eventTypeId}/create-phone-call`, { method: "POST", key: admin.apiKey, body: { ...body, numberToCall: "555" } });
    expect(expectError(res, 400).error.message).toMatch(/numberToCall/);
  });

  it("answers a clear 400 without a phone provider (Cal.com fails on its own param parsing)", async () => {
    const res = await api(`${base()}/${eventTypeId}/create-phone-call`, { method: "POST", key: admin.apiKey, body });
    expect(expectError(res, 400, "BadRequestException").error.message).toBe(
      "Phone calls are not available: no phone call provider is configured on this deployment.",
    );
    const unknown = await api(`${base()}/2147483000/create-phone-call`, { method: "POST", key: admin.apiKey, body });
    expectError(unknown, 404);
  });
});
