import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import {
  createManagedChildRow,
  createManagedUser,
  createOAuthClient,
  createOrganization,
  createTeamEventTypeRow,
  createTenant,
  type OrganizationFixture,
  type OrgMember,
  sql,
  unique,
  withDb,
} from "../../helpers/fixtures";

// /v2/organizations/{orgId}/teams/{teamId}/memberships: org members only (422), the org's auto-accept domain,
// assign-all hosts on acceptance, removal cascade, and the org route's error messages.

let org: OrganizationFixture;
let admin: OrgMember;
let teamId: number;

beforeAll(async () => {
  org = await createOrganization({ autoAcceptEmailDomain: "acme-corp.test" });
  admin = await org.addMember("ADMIN");
  teamId = (await org.addTeam()).teamId;
});

const path = (suffix = "") => `/v2/organizations/${org.organizationId}/teams/${teamId}/memberships${suffix}`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const hostsOf = (eventTypeId: number) => sql<{ userId: number }>`SELECT "userId" FROM "Host" WHERE "eventTypeId" = ${eventTypeId} ORDER BY "userId"`;
type Membership = { id: number; userId: number; teamId: number; accepted: boolean; role: string };

describe("create", () => {
  it("POST adds an org member (pending MEMBER by default) with the user object", { timeout: 60_000 }, async () => {
    const user = await org.addMember("MEMBER");
    const res = await api(path(), { key: admin.apiKey, body: { userId: user.userId } });
    expectContract("OrganizationsTeamsMembershipsController_createOrgTeamMembership", 201, res.body);
    const membership = dataOf<Membership>(res, 201);
    expect(membership).toMatchObject({ userId: user.userId, teamId, accepted: false, role: "MEMBER", disableImpersonation: false });
    expect(membership).toHaveProperty("user.email", user.email);
  });

  it("a user outside the organization (or unknown) is a 422; an existing membership a 409", { timeout: 60_000 }, async () => {
    const outsider = await createTenant();
    for (const userId of [outsider.userId, 2147483000]) {
      const res = await api(path(), { key: admin.apiKey, body: { userId } });
      expect(expectError(res, 422, "UnprocessableEntityException").error.message).toBe("User is not part of the Organization");
    }
    const user = await org.addMember("MEMBER");
    dataOf(await api(path(), { key: admin.apiKey, body: { userId: user.userId } }), 201);
    const dup = await api(path(), { key: admin.apiKey, body: { userId: user.userId, role: "ADMIN" } });
    expect(expectError(dup, 409, "ConflictException").error.message).toBe(`User with id=${user.userId} is already a member of the team with id=${teamId}.`);
  });

  it("the verified org's auto-accept domain (any case) forces accepted and makes the member an assign-all host", { timeout: 60_000 }, async () => {
    const eventType = await createTeamEventTypeRow(teamId, "COLLECTIVE", [], { assignAllTeamMembers: true });
    const insider = await org.addMember("MEMBER", { email: `${unique("in")}@ACME-Corp.test` });
    const res = await api(path(), { key: admin.apiKey, body: { userId: insider.userId, accepted: false } });
    expect(dataOf<Membership>(res, 201).accepted).toBe(true);
    const stranger = await org.addMember("MEMBER", { email: `${unique("out")}@elsewhere.test` });
    expect(dataOf<Membership>(await api(path(), { key: admin.apiKey, body: { userId: stranger.userId } }), 201).accepted).toBe(false);
    expect((await hostsOf(eventType.id)).map((h) => h.userId)).toContain(insider.userId);
    expect((await hostsOf(eventType.id)).map((h) => h.userId)).not.toContain(stranger.userId);
  });

  it("an org that is not verified does not auto-accept its domain", { timeout: 60_000 }, async () => {
    const plain = await createOrganization();
    await withDb((db) => db.organizationSettings.update({ where: { organizationId: plain.organizationId }, data: { orgAutoAcceptEmail: "acme-corp.test" } }));
    const team = await plain.addTeam();
    const user = await plain.addMember("MEMBER", { email: `${unique("u")}@acme-corp.test` });
    const res = await api(`/v2/organizations/${plain.organizationId}/teams/${team.teamId}/memberships`, {
      key: plain.owner.apiKey,
      body: { userId: user.userId },
    });
    expect(dataOf<Membership>(res, 201).accepted).toBe(false);
  });

  it("platform mixing: a managed user cannot join an org team not made with their OAuth client", { timeout: 60_000 }, async () => {
    const platform = await createOrganization({ isPlatform: true });
    const client = await createOAuthClient(platform.owner.apiKey);
    // A managed user gets a profile in the client's organization when created, so only the mixing rule refuses it.
    const managed = await createManagedUser(client);
    const team = await platform.addTeam();
    const res = await api(`/v2/organizations/${platform.organizationId}/teams/${team.teamId}/memberships`, {
      key: platform.owner.apiKey,
      body: { userId: managed.id },
    });
    expect(expectError(res, 400, "BadRequestException").error.message).toBe(
      "Can't add user to team - the user is platform managed user but team is not because team probably was not created using OAuth credentials.",
    );
  });

  it("validation: a missing or non-numeric userId and an unknown role are 400s naming the field", async () => {
    for (const [body, field] of [
      [{}, "userId"],
      [{ userId: "x" }, "userId"],
      [{ userId: 1, role: "BOSS" }, "role"],
    ] as const) {
      expect(expectError(await api(path(), { key: admin.apiKey, body }), 400, "BadRequestException").error.message).toContain(field);
    }
  });
});

describe("read, update, delete", () => {
  let member: OrgMember;
  let membershipId: number;

  beforeAll(async () => {
    member = await org.addMember("MEMBER", { email: `${unique("p")}@other.test` });
    membershipId = dataOf<Membership>(await api(path(), { key: admin.apiKey, body: { userId: member.userId } }), 201).id;
  });

  it("GET lists the team's memberships in id order (paginated) and GET one answers it", async () => {
    const list = await api(path(), { key: admin.apiKey });
    expectContract("OrganizationsTeamsMembershipsController_getAllOrgTeamMemberships", 200, list.body);
    const ids = dataOf<Membership[]>(list).map((m) => m.id);
    expect(ids).toContain(membershipId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(dataOf<Membership[]>(await api(`${path()}?take=1&skip=1`, { key: admin.apiKey })).map((m) => m.id)).toEqual([ids[1]]);

    const one = await api(path(`/${membershipId}`), { key: admin.apiKey });
    expectContract("OrganizationsTeamsMembershipsController_getOrgTeamMembership", 200, one.body);
    expect(dataOf<Membership>(one)).toMatchObject({ id: membershipId, userId: member.userId, teamId });
  });

  it("a membership of another team of the org is not found through this team", async () => {
    const other = await org.addTeam([{ userId: member.userId }]);
    const [row] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${other.teamId}`;
    const got = await api(path(`/${row!.id}`), { key: admin.apiKey });
    expect(expectError(got, 404, "NotFoundException").error.message).toBe("Organization's Team membership not found");
    const patched = await api(path(`/${row!.id}`), { key: admin.apiKey, method: "PATCH", body: { role: "ADMIN" } });
    expect(expectError(patched, 404, "NotFoundException").error.message).toBe("Organization's Team membership not found");
    const deleted = await api(path(`/${row!.id}`), { key: admin.apiKey, method: "DELETE" });
    expect(expectError(deleted, 404, "NotFoundException").error.message).toBe(
      `Membership with id ${row!.id} not found in team ${teamId} of organization ${org.organizationId}`,
    );
    expect(await sql`SELECT "role" FROM "Membership" WHERE "id" = ${row!.id}`).toEqual([{ role: "MEMBER" }]);
  });

  it("PATCH accepting a pending membership makes the member an assign-all host", { timeout: 60_000 }, async () => {
    const eventType = await createTeamEventTypeRow(teamId, "ROUND_ROBIN", [], { assignAllTeamMembers: true });
    const res = await api(path(`/${membershipId}`), { key: admin.apiKey, method: "PATCH", body: { accepted: true, role: "ADMIN" } });
    expectContract("OrganizationsTeamsMembershipsController_updateOrgTeamMembership", 200, res.body);
    expect(dataOf<Membership>(res)).toMatchObject({ id: membershipId, accepted: true, role: "ADMIN" });
    expect((await hostsOf(eventType.id)).map((h) => h.userId)).toContain(member.userId);
  });

  it("DELETE removes the membership, the member's hosts and managed children of the team; a second DELETE is a 404", { timeout: 60_000 }, async () => {
    const collective = await createTeamEventTypeRow(teamId, "COLLECTIVE", [{ userId: member.userId }]);
    const managed = await createTeamEventTypeRow(teamId, "MANAGED", []);
    const child = await createManagedChildRow(managed, member.userId);
    const res = await api(path(`/${membershipId}`), { key: admin.apiKey, method: "DELETE" });
    expectContract("OrganizationsTeamsMembershipsController_deleteOrgTeamMembership", 200, res.body);
    expect(dataOf<Membership>(res).id).toBe(membershipId);
    expect(await hostsOf(collective.id)).toEqual([]);
    expect(await sql`SELECT "id" FROM "EventType" WHERE "id" = ${child.id}`).toEqual([]);
    const again = await api(path(`/${membershipId}`), { key: admin.apiKey, method: "DELETE" });
    expect(expectError(again, 404, "NotFoundException").error.message).toBe(
      `Membership with id ${membershipId} not found in team ${teamId} of organization ${org.organizationId}`,
    );
  });
});
