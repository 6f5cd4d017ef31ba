import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createLoneUser, createOrganization, createSchedule, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";

// Orgs / Schedules (every org user's schedules) and Orgs / Users / Schedules (CRUD acting as the path user,
// through /v2/schedules' own service). ORG_ADMIN; the user routes add IsUserInOrg.

let org: OrganizationFixture;
let member: OrgMember;
let admin: OrgMember;
const ids: Record<string, number> = {};
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const userPath = (userId: number, suffix = "") => `/v2/organizations/${org.organizationId}/users/${userId}/schedules${suffix}`;
type Schedule = { id: number; ownerId: number; name: string; isDefault: boolean; timeZone: string };

beforeAll(async () => {
  org = await createOrganization();
  [member, admin] = [await org.addMember("MEMBER"), await org.addMember("ADMIN")];
  const stranger = await createLoneUser();
  ids.owner = (await createSchedule(org.owner, { name: "Owner hours" })).id;
  ids.member = (await createSchedule(member, { name: "Member hours", timeZone: "Europe/Berlin" })).id;
  ids.stranger = (await createSchedule(stranger, { name: "Not in the org" })).id;
});

describe("GET /v2/organizations/{orgId}/schedules", () => {
  it("answers every org user's schedules in id order, paginated; never a non-member's", async () => {
    const res = await api(`/v2/organizations/${org.organizationId}/schedules`, { key: admin.apiKey });
    expectContract("OrganizationsSchedulesController_getOrganizationSchedules", 200, res.body);
    expect(dataOf<Schedule[]>(res).map((s) => s.id)).toEqual([ids.owner, ids.member]);
    expect(res.text).not.toContain("Not in the org");
    const page = await api(`/v2/organizations/${org.organizationId}/schedules?skip=1&take=1`, { key: admin.apiKey });
    expect(dataOf<Schedule[]>(page).map((s) => s.id)).toEqual([ids.member]);
    expect(expectError(await api(`/v2/organizations/${org.organizationId}/schedules?take=0`, { key: admin.apiKey }), 400).error.message).toContain("take");
  });

  it("a MEMBER gets RolesGuard's 403", async () => {
    const res = await api(`/v2/organizations/${org.organizationId}/schedules`, { key: member.apiKey });
    expect(expectError(res, 403).error.message).toBe(
      `RolesGuard - user with id=${member.userId} does not have the minimum required role=ORG_ADMIN within organization with id=${org.organizationId}.`,
    );
  });
});

describe("/v2/organizations/{orgId}/users/{userId}/schedules", () => {
  it("create, list, get, update, delete as the user; the first schedule rules stay /v2/schedules'", async () => {
    const user = await org.addMember("MEMBER");
    const created = await api(userPath(user.userId), { key: admin.apiKey, body: { name: "Made by admin", timeZone: "Asia/Tokyo", isDefault: false } });
    expectContract("OrganizationsSchedulesController_createUserSchedule", 201, created.body);
    const schedule = dataOf<Schedule>(created, 201);
    // The user had no default: the first schedule becomes it, owned by the path user, not the admin.
    expect(schedule).toMatchObject({ ownerId: user.userId, name: "Made by admin", isDefault: true, timeZone: "Asia/Tokyo" });

    const list = await api(userPath(user.userId), { key: admin.apiKey });
    expectContract("OrganizationsSchedulesController_getUserSchedules", 200, list.body);
    expect(dataOf<Schedule[]>(list).map((s) => s.id)).toEqual([schedule.id]);

    const got = await api(userPath(user.userId, `/${schedule.id}`), { key: admin.apiKey });
    expectContract("OrganizationsSchedulesController_getUserSchedule", 200, got.body);
    expect(dataOf(got)).toEqual(schedule);

    const updated = await api(userPath(user.userId, `/${schedule.id}`), { method: "PATCH", key: admin.apiKey, body: { name: "Renamed" } });
    expectContract("OrganizationsSchedulesController_updateUserSchedule", 200, updated.body);
    expect(dataOf(updated)).toMatchObject({ id: schedule.id, name: "Renamed" });

    const deleted = await api(userPath(user.userId, `/${schedule.id}`), { method: "DELETE", key: admin.apiKey });
    expectContract("OrganizationsSchedulesController_deleteUserSchedule", 200, deleted.body);
    expect(deleted.body).toEqual({ status: "success" });
    expect(await sql`SELECT 1 FROM "Schedule" WHERE "id" = ${schedule.id}`).toEqual([]);
  });

  it("another user's schedule is 403 and an unknown one 404 (400 on DELETE), as /v2/schedules", async () => {
    const other = await api(userPath(member.userId, `/${ids.owner}`), { key: admin.apiKey });
    expect(expectError(other, 403).error.message).toContain("does not own");
    expect((await api(userPath(member.userId, `/${ids.stranger}`), { method: "PATCH", key: admin.apiKey, body: { name: "x" } })).status).toBe(403);
    expect((await api(userPath(member.userId, "/2147483000"), { key: admin.apiKey })).status).toBe(404);
    expect((await api(userPath(member.userId, "/2147483000"), { method: "DELETE", key: admin.apiKey })).status).toBe(400);
    expect(await sql`SELECT "name" FROM "Schedule" WHERE "id" = ${ids.owner}`).toEqual([{ name: "Owner hours" }]);
  });

  it("a user outside the organization is IsUserInOrg's 403, before any schedule is touched", async () => {
    const stranger = await createLoneUser();
    for (const [method, suffix, body] of [
      ["GET", "", undefined],
      ["POST", "", { name: "x", timeZone: "Europe/London", isDefault: true }],
      ["GET", `/${ids.stranger}`, undefined],
      ["PATCH", `/${ids.stranger}`, { name: "x" }],
      ["DELETE", `/${ids.stranger}`, undefined],
    ] as const) {
      const res = await api(userPath(stranger.userId, suffix), { method, key: admin.apiKey, ...(body ? { body } : {}) });
      expect(expectError(res, 403).error.message).toBe(
        `IsUserInOrg - user with id=${stranger.userId} is not part of the organization with id=${org.organizationId}.`,
      );
    }
    expect(await sql`SELECT "name" FROM "Schedule" WHERE "id" = ${ids.stranger}`).toEqual([{ name: "Not in the org" }]);
  });

  it("a MEMBER cannot use them, even on their own schedules", async () => {
    const res = await api(userPath(member.userId), { key: member.apiKey });
    expect(expectError(res, 403).error.message).toContain("RolesGuard");
  });

  it("400 naming the fields for a bad body", async () => {
    const res = await api(userPath(member.userId), { key: admin.apiKey, body: { name: "", timeZone: "Nowhere" } });
    const message = expectError(res, 400, "BadRequestException").error.message;
    for (const field of ["name", "timeZone", "isDefault"]) expect(message).toContain(field);
  });
});
