import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOAuthClient, createOrganization, type OrganizationFixture, type OrgMember, sql, unique } from "../../helpers/fixtures";

// /v2/organizations/{orgId}/teams: list, create (slug unique per org, x-cal-client-id), /me, get, update, delete.

let org: OrganizationFixture;
let admin: OrgMember;
let member: OrgMember;

beforeAll(async () => {
  org = await createOrganization();
  [admin, member] = await Promise.all([org.addMember("ADMIN"), org.addMember("MEMBER")]);
});

const base = () => `/v2/organizations/${org.organizationId}/teams`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
type Team = { id: number; slug: string; name: string; parentId: number; role?: string; accepted?: boolean };

describe("create", () => {
  it("POST creates a team of the org with the caller as accepted OWNER; the slug defaults to the slugified name", { timeout: 60_000 }, async () => {
    const name = `Sales ${unique()}`;
    const res = await api(base(), { key: admin.apiKey, body: { name, bio: "We sell" } });
    expectContract("OrganizationsTeamsController_createTeam", 201, res.body);
    const team = dataOf<Team>(res, 201);
    expect(team).toMatchObject({ name, parentId: org.organizationId, isOrganization: false, bio: "We sell" });
    expect(team.slug).toBe(name.toLowerCase().replace(/ /g, "-"));
    const rows = await sql<{ role: string; accepted: boolean; createdByOAuthClientId: string | null }>`
      SELECT m."role", m."accepted", t."createdByOAuthClientId" FROM "Membership" m JOIN "Team" t ON t."id" = m."teamId" WHERE m."teamId" = ${team.id}`;
    expect(rows).toEqual([{ role: "OWNER", accepted: true, createdByOAuthClientId: null }]);
  });

  it("autoAcceptCreator false leaves the creator's membership pending", { timeout: 60_000 }, async () => {
    const team = dataOf<Team>(await api(base(), { key: admin.apiKey, body: { name: `Pending ${unique()}`, autoAcceptCreator: false } }), 201);
    expect(await sql`SELECT "accepted" FROM "Membership" WHERE "teamId" = ${team.id}`).toEqual([{ accepted: false }]);
  });

  it("a slug taken in the same org is a 409; the same slug in another org or standalone is fine", { timeout: 60_000 }, async () => {
    const slug = unique("dup");
    dataOf(await api(base(), { key: admin.apiKey, body: { name: `A ${unique()}`, slug } }), 201);
    const dup = await api(base(), { key: admin.apiKey, body: { name: `B ${unique()}`, slug } });
    expect(expectError(dup, 409, "ConflictException").error.message).toBe(`Team with slug=${slug} already exists.`);
    const other = await createOrganization();
    dataOf(await api(`/v2/organizations/${other.organizationId}/teams`, { key: other.owner.apiKey, body: { name: `C ${unique()}`, slug } }), 201);
    dataOf(await api("/v2/teams", { key: other.owner.apiKey, body: { name: `D ${unique()}`, slug } }), 201);
  });

  it("x-cal-client-id makes a platform team of that client; a client of another org is a 400", { timeout: 60_000 }, async () => {
    const platform = await createOrganization({ isPlatform: true });
    const client = await createOAuthClient(platform.owner.apiKey);
    const path = `/v2/organizations/${platform.organizationId}/teams`;
    const res = await api(path, { key: platform.owner.apiKey, headers: { "x-cal-client-id": client.clientId }, body: { name: `P ${unique()}` } });
    const team = dataOf<Team>(res, 201);
    expect(await sql`SELECT "createdByOAuthClientId" FROM "Team" WHERE "id" = ${team.id}`).toEqual([{ createdByOAuthClientId: client.clientId }]);

    const otherPlatform = await createOrganization({ isPlatform: true });
    const foreign = await createOAuthClient(otherPlatform.owner.apiKey);
    const bad = await api(path, { key: platform.owner.apiKey, headers: { "x-cal-client-id": foreign.clientId }, body: { name: `Q ${unique()}` } });
    expect(expectError(bad, 400, "BadRequestException").error.message).toBe(
      `x-cal-client-id - OAuth client with id=${foreign.clientId} is not a client of the organization with id=${platform.organizationId}.`,
    );
  });

  it("validation: a missing name, a bad slug and a bad timeFormat are 400s naming the field", async () => {
    for (const [body, field] of [
      [{}, "name"],
      [{ name: "X", slug: "Not A Slug" }, "slug"],
      [{ name: "X", timeFormat: 13 }, "timeFormat"],
    ] as const) {
      const res = await api(base(), { key: admin.apiKey, body });
      expect(expectError(res, 400, "BadRequestException").error.message).toContain(field);
    }
    for (const [path, field] of [
      ["/v2/organizations/abc/teams", "orgId"],
      [`${base()}/0`, "teamId"],
      [`${base()}/1/memberships/x`, "membershipId"],
      [`${base()}/1/users/-4/schedules`, "userId"],
    ] as const) {
      expect(expectError(await api(path, { key: admin.apiKey }), 400, "BadRequestException").error.message).toContain(field);
    }
  });
});

describe("list, /me, get, update, delete", () => {
  let teamA: { teamId: number; slug: string };
  let teamB: { teamId: number; slug: string };

  beforeAll(async () => {
    teamA = await org.addTeam([{ userId: member.userId, role: "ADMIN", accepted: false }]);
    teamB = await org.addTeam();
  });

  it("GET lists the org's teams in id order, paginated; never another org's", async () => {
    const other = await createOrganization();
    const foreign = await other.addTeam();
    const res = await api(base(), { key: admin.apiKey });
    expectContract("OrganizationsTeamsController_getAllTeams", 200, res.body);
    const ids = dataOf<Team[]>(res).map((t) => t.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids).toEqual(expect.arrayContaining([teamA.teamId, teamB.teamId]));
    expect(ids).not.toContain(foreign.teamId);
    const page = dataOf<Team[]>(await api(`${base()}?skip=1&take=1`, { key: admin.apiKey }));
    expect(page.map((t) => t.id)).toEqual([ids[1]]);
    expectError(await api(`${base()}?take=251`, { key: admin.apiKey }), 400, "BadRequestException");
  });

  it("/me: an org member sees their teams with their role and accepted; an org admin sees every team", async () => {
    const mine = await api(`${base()}/me`, { key: member.apiKey });
    expectContract("OrganizationsTeamsController_getMyTeams", 200, mine.body);
    expect(dataOf<Team[]>(mine).map((t) => [t.id, t.role, t.accepted])).toEqual([[teamA.teamId, "ADMIN", false]]);

    const all = dataOf<Team[]>(await api(`${base()}/me`, { key: admin.apiKey }));
    expect(all.map((t) => t.id)).toEqual(expect.arrayContaining([teamA.teamId, teamB.teamId]));
    expect(all.find((t) => t.id === teamB.teamId)).not.toHaveProperty("role");
  });

  it("GET one answers the team; PATCH changes it (slug unique per org); DELETE removes it with its memberships", async () => {
    const got = await api(`${base()}/${teamA.teamId}`, { key: admin.apiKey });
    expectContract("OrganizationsTeamsController_getTeam", 200, got.body);
    expect(dataOf<Team>(got)).toMatchObject({ id: teamA.teamId, slug: teamA.slug, parentId: org.organizationId });

    const patched = await api(`${base()}/${teamA.teamId}`, { key: admin.apiKey, method: "PATCH", body: { name: "Renamed", weekStart: "Monday" } });
    expectContract("OrganizationsTeamsController_updateTeam", 200, patched.body);
    expect(dataOf<Team>(patched)).toMatchObject({ id: teamA.teamId, name: "Renamed", weekStart: "Monday" });

    const taken = await api(`${base()}/${teamA.teamId}`, { key: admin.apiKey, method: "PATCH", body: { slug: teamB.slug } });
    expect(expectError(taken, 409, "ConflictException").error.message).toBe(`Team with slug=${teamB.slug} already exists.`);
    dataOf(await api(`${base()}/${teamA.teamId}`, { key: admin.apiKey, method: "PATCH", body: { slug: teamA.slug } }));

    const deleted = await api(`${base()}/${teamB.teamId}`, { key: admin.apiKey, method: "DELETE" });
    expectContract("OrganizationsTeamsController_deleteTeam", 200, deleted.body);
    expect(dataOf<Team>(deleted).id).toBe(teamB.teamId);
    expect(await sql`SELECT "id" FROM "Team" WHERE "id" = ${teamB.teamId}`).toEqual([]);
    const again = await api(`${base()}/${teamB.teamId}`, { key: admin.apiKey });
    expect(expectError(again, 404, "NotFoundException").error.message).toBe(`IsTeamInOrg - Team (${teamB.teamId}) not found.`);
  });
});
