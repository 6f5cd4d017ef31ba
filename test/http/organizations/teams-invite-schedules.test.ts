import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { addTeamMembership, createSchedule, createTenant, createOrganization, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";

// POST …/teams/{teamId}/invite (a new 7-day VerificationToken per call, Cal.com's signup link) and the org team's
// schedules: all members' (paginated) and one member's (IsUserInOrgTeam).

let org: OrganizationFixture;
let teamAdmin: OrgMember;
let teamMember: OrgMember;
let orgOnly: OrgMember;
let teamId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  org = await createOrganization();
  [teamAdmin, teamMember, orgOnly] = await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER"), org.addMember("MEMBER")]);
  teamId = (
    await org.addTeam([
      { userId: teamAdmin.userId, role: "ADMIN" },
      { userId: teamMember.userId, role: "MEMBER", accepted: false },
    ])
  ).teamId;
  ids.admin = (await createSchedule(teamAdmin, { name: "Admin hours" })).id;
  ids.member = (await createSchedule(teamMember, { name: "Member hours", timeZone: "Europe/Berlin" })).id;
  ids.memberSecond = (await createSchedule(teamMember, { name: "Weekend", isDefault: false })).id;
  ids.orgOnly = (await createSchedule(orgOnly, { name: "Not in the team" })).id;
});

const teamPath = (suffix = "") => `/v2/organizations/${org.organizationId}/teams/${teamId}${suffix}`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);

describe("POST …/invite", () => {
  it("answers 200 with a 64-hex token and Cal.com's signup link; every call stores a new 7-day token", async () => {
    const before = Date.now();
    const res = await api(teamPath("/invite"), { key: teamAdmin.apiKey, method: "POST" });
    expectContract("OrganizationsTeamsInviteController_createInvite", 200, res.body);
    const { token, inviteLink } = dataOf<{ token: string; inviteLink: string }>(res);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(inviteLink).toBe(`https://cal.com/signup?token=${token}&callbackUrl=/getting-started`);

    const second = dataOf<{ token: string }>(await api(teamPath("/invite"), { key: org.owner.apiKey, method: "POST" }));
    expect(second.token).not.toBe(token);
    const rows = await sql<{ identifier: string; token: string; expires: Date }>`
      SELECT "identifier", "token", "expires" FROM "VerificationToken" WHERE "teamId" = ${teamId} ORDER BY "id"`;
    expect(rows.map((r) => [r.identifier, r.token])).toEqual([
      [`invite-link-for-teamId-${teamId}`, token],
      [`invite-link-for-teamId-${teamId}`, second.token],
    ]);
    const ttl = new Date(rows[0]!.expires).getTime() - before;
    expect(ttl).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(ttl).toBeLessThan(7 * 86_400_000 + 60_000);
  });

  it("the team's MEMBER is refused and no token is stored", async () => {
    const res = await api(teamPath("/invite"), { key: teamMember.apiKey, method: "POST" });
    expect(expectError(res, 403, "ForbiddenException").error.message).toContain("minimum required role=TEAM_ADMIN");
    expect((await sql`SELECT "id" FROM "VerificationToken" WHERE "teamId" = ${teamId}`).length).toBe(2);
  });
});

describe("GET …/schedules and …/users/{userId}/schedules", () => {
  it("team schedules: every member's (pending too), never a non-member's, paginated", async () => {
    const res = await api(teamPath("/schedules"), { key: teamAdmin.apiKey });
    expectContract("OrganizationsTeamsSchedulesController_getTeamSchedules", 200, res.body);
    expect(dataOf<{ id: number }[]>(res).map((s) => s.id)).toEqual([ids.admin, ids.member, ids.memberSecond]);
    expect(res.text).not.toContain("Not in the team");
    const page = dataOf<{ id: number }[]>(await api(teamPath("/schedules?skip=1&take=1"), { key: teamAdmin.apiKey }));
    expect(page.map((s) => s.id)).toEqual([ids.member]);
  });

  it("one member's schedules, unpaginated, for the team's admin and org admins", async () => {
    const res = await api(teamPath(`/users/${teamMember.userId}/schedules`), { key: teamAdmin.apiKey });
    expectContract("OrganizationsTeamsSchedulesController_getUserSchedules", 200, res.body);
    const schedules = dataOf<{ id: number; name: string; isDefault: boolean; timeZone: string }[]>(res);
    expect(schedules.map((s) => [s.id, s.isDefault])).toEqual([
      [ids.member, true],
      [ids.memberSecond, false],
    ]);
    expect(schedules[0]!.timeZone).toBe("Europe/Berlin");
    dataOf(await api(teamPath(`/users/${teamMember.userId}/schedules`), { key: org.owner.apiKey }));
  });

  it("a user of the org not in the team, or in the team but not in the org, is IsUserInOrgTeam's 403", async () => {
    const message = (userId: number) =>
      `IsUserInOrgTeam - user with id=(${userId}) is not part of the team with id=(${teamId}) in the organization with id=(${org.organizationId})`;
    const outside = await api(teamPath(`/users/${orgOnly.userId}/schedules`), { key: teamAdmin.apiKey });
    expect(expectError(outside, 403, "ForbiddenException").error.message).toBe(message(orgOnly.userId));
    const stray = await createTenant();
    await addTeamMembership(teamId, stray.userId, "MEMBER");
    const res = await api(teamPath(`/users/${stray.userId}/schedules`), { key: teamAdmin.apiKey });
    expect(expectError(res, 403, "ForbiddenException").error.message).toBe(message(stray.userId));
  });

  it("the team's MEMBER cannot read schedules", async () => {
    for (const suffix of ["/schedules", `/users/${teamAdmin.userId}/schedules`]) {
      const res = await api(teamPath(suffix), { key: teamMember.apiKey });
      expect(expectError(res, 403, "ForbiddenException").error.message).toContain("minimum required role=TEAM_ADMIN");
    }
  });
});
