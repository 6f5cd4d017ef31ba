import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import {
  createLoneUser,
  createManagedChildRow,
  createOAuthClient,
  createManagedUser,
  createOrganization,
  createTeamEventTypeRow,
  type OrganizationFixture,
  sql,
} from "../../helpers/fixtures";

// Orgs / Memberships: list, get, upsert (no 409), platform mixing rules, update, and DELETE = removal from the
// organization (hosts, managed children, sub-team memberships, profile, User.organizationId), in one transaction.

let org: OrganizationFixture;
const path = (suffix = "") => `/v2/organizations/${org.organizationId}/memberships${suffix}`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
type Membership = { id: number; userId: number; teamId: number; role: string; accepted: boolean; attributes: unknown[] };

beforeAll(async () => {
  org = await createOrganization();
  // The first request of a file compiles Prisma's engine: done here, not inside the first test's time limit.
  await api(path(), { key: org.owner.apiKey });
});

describe("read", () => {
  it("GET list answers an array (Cal.com; the document says an object) in id order, paginated; GET one", async () => {
    const local = await createOrganization();
    const member = await local.addMember("MEMBER", { accepted: false });
    const list = await api(`/v2/organizations/${local.organizationId}/memberships`, { key: local.owner.apiKey });
    expectContract("OrganizationsMembershipsController_getAllMemberships", 200, list.body);
    const memberships = dataOf<Membership[]>(list);
    expect(memberships.map((m) => [m.userId, m.role, m.accepted])).toEqual([
      [local.owner.userId, "OWNER", true],
      [member.userId, "MEMBER", false],
    ]);
    expect(memberships[1]).toMatchObject({ teamId: local.organizationId, disableImpersonation: false, attributes: [], user: { email: member.email } });
    const page = await api(`/v2/organizations/${local.organizationId}/memberships?skip=1&take=1`, { key: local.owner.apiKey });
    expect(dataOf<Membership[]>(page).map((m) => m.userId)).toEqual([member.userId]);
    const one = await api(`/v2/organizations/${local.organizationId}/memberships/${memberships[1]!.id}`, { key: local.owner.apiKey });
    expectContract("OrganizationsMembershipsController_getOrgMembership", 200, one.body);
    expect(dataOf(one)).toEqual(memberships[1]);
  });

  it("a membership of another organization, or none, is IsMembershipInOrg's 404", async () => {
    const other = await createOrganization();
    const [otherMembership] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${other.organizationId}`;
    for (const id of [otherMembership!.id, 2147483000]) {
      for (const method of ["GET", "PATCH", "DELETE"]) {
        const res = await api(path(`/${id}`), { method, key: org.owner.apiKey, ...(method === "PATCH" ? { body: { role: "ADMIN" } } : {}) });
        expect(expectError(res, 404, "NotFoundException").error.message).toBe(`IsMembershipInOrg - Membership (${id}) not found.`);
      }
    }
    expect(await sql`SELECT "role" FROM "Membership" WHERE "id" = ${otherMembership!.id} AND "role" = 'OWNER'`).toHaveLength(1);
  });
});

describe("POST (an upsert)", () => {
  it("creates a membership with Cal.com's defaults, then overwrites role/accepted on a second POST (no 409)", async () => {
    const user = await createLoneUser();
    const created = await api(path(), { key: org.owner.apiKey, body: { userId: user.userId } });
    expectContract("OrganizationsMembershipsController_createMembership", 201, created.body);
    const first = dataOf<Membership>(created, 201);
    expect(first).toMatchObject({ userId: user.userId, teamId: org.organizationId, role: "MEMBER", accepted: false, attributes: [] });
    const again = dataOf<Membership>(await api(path(), { key: org.owner.apiKey, body: { userId: user.userId, role: "ADMIN", accepted: true } }), 201);
    expect(again).toMatchObject({ id: first.id, role: "ADMIN", accepted: true });
  });

  it("an accepted membership makes the user a host of the organization's assign-all event types", async () => {
    const user = await createLoneUser();
    const eventType = await createTeamEventTypeRow(org.organizationId, "COLLECTIVE", [], { assignAllTeamMembers: true });
    await api(path(), { key: org.owner.apiKey, body: { userId: user.userId, accepted: true } });
    expect(await sql`SELECT "isFixed" FROM "Host" WHERE "eventTypeId" = ${eventType.id} AND "userId" = ${user.userId}`).toEqual([{ isFixed: true }]);
  });

  it("404 for an unknown user; 409 for a user of another organization", async () => {
    expect(expectError(await api(path(), { key: org.owner.apiKey, body: { userId: 2147483000 } }), 404).error.message).toBe(
      "User with id=2147483000 not found",
    );
    const other = await createOrganization();
    const res = await api(path(), { key: org.owner.apiKey, body: { userId: other.owner.userId, role: "OWNER" } });
    expect(expectError(res, 409, "ConflictException").error.message).toBe(`User with id=${other.owner.userId} already belongs to another organization.`);
  });

  it("platform mixing rules: a managed user only joins its client's organization", async () => {
    const platform = await createOrganization({ isPlatform: true });
    const client = await createOAuthClient(platform.owner.apiKey);
    const managed = await createManagedUser(client);
    const regular = await createLoneUser();
    const platformPath = `/v2/organizations/${platform.organizationId}/memberships`;
    const regularIn = await api(platformPath, { key: platform.owner.apiKey, body: { userId: regular.userId } });
    expect(expectError(regularIn, 400).error.message).toBe(
      "Can't add user to organization - the user is not platform managed user but organization is platform managed. Both have to be created using OAuth credentials.",
    );
    expect((await api(platformPath, { key: platform.owner.apiKey, body: { userId: managed.id, accepted: true } })).status).toBe(201);
    // Another platform org with its own client: different clients.
    const second = await createOrganization({ isPlatform: true });
    await createOAuthClient(second.owner.apiKey);
    await sql`UPDATE "users" SET "organizationId" = NULL WHERE "id" = ${managed.id}`;
    await sql`DELETE FROM "Profile" WHERE "userId" = ${managed.id}`;
    const other = await api(`/v2/organizations/${second.organizationId}/memberships`, { key: second.owner.apiKey, body: { userId: managed.id } });
    expect(expectError(other, 400).error.message).toBe(
      "Can't add user to organization - managed user and organization were created using different OAuth clients.",
    );
    const regularOrg = await api(path(), { key: org.owner.apiKey, body: { userId: managed.id } });
    expect(expectError(regularOrg, 400).error.message).toBe(
      "Can't add user to organization - the user is platform managed user but organization is not because organization probably was not created using OAuth credentials.",
    );
  });

  it("400 naming the fields for a bad body", async () => {
    const res = await api(path(), { key: org.owner.apiKey, body: { userId: "x", role: "KING", accepted: "yes" } });
    const message = expectError(res, 400, "BadRequestException").error.message;
    for (const field of ["userId", "role", "accepted"]) expect(message).toContain(field);
  });
});

describe("PATCH", () => {
  it("changes role, accepted and disableImpersonation; accepting makes the user a host of assign-all event types", async () => {
    const member = await org.addMember("MEMBER", { accepted: false });
    const eventType = await createTeamEventTypeRow(org.organizationId, "ROUND_ROBIN", [], { assignAllTeamMembers: true });
    const [row] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "userId" = ${member.userId} AND "teamId" = ${org.organizationId}`;
    const res = await api(path(`/${row!.id}`), { method: "PATCH", key: org.owner.apiKey, body: { accepted: true, role: "ADMIN", disableImpersonation: true } });
    expectContract("OrganizationsMembershipsController_updateMembership", 200, res.body);
    expect(dataOf(res)).toMatchObject({ id: row!.id, accepted: true, role: "ADMIN", disableImpersonation: true });
    expect(await sql`SELECT 1 FROM "Host" WHERE "eventTypeId" = ${eventType.id} AND "userId" = ${member.userId}`).toHaveLength(1);
  });
});

describe("DELETE = removal from the organization", () => {
  it("removes hosts, managed children, sub-team memberships, the profile and User.organizationId; keeps the user and bookings", async () => {
    const member = await org.addMember("MEMBER");
    const team = await org.addTeam([{ userId: member.userId }, { userId: org.owner.userId, role: "OWNER" }]);
    const teamEvent = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: member.userId }]);
    const managedParent = await createTeamEventTypeRow(team.teamId, "MANAGED", []);
    const child = await createManagedChildRow(managedParent, member.userId);
    const orgEvent = await createTeamEventTypeRow(org.organizationId, "COLLECTIVE", [{ userId: member.userId }]);
    const [row] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "userId" = ${member.userId} AND "teamId" = ${org.organizationId}`;

    const res = await api(path(`/${row!.id}`), { method: "DELETE", key: org.owner.apiKey });
    expectContract("OrganizationsMembershipsController_deleteMembership", 200, res.body);
    expect(dataOf(res)).toMatchObject({ id: row!.id, userId: member.userId, teamId: org.organizationId });

    expect(await sql`SELECT 1 FROM "Host" WHERE "userId" = ${member.userId} AND "eventTypeId" IN (${teamEvent.id}, ${orgEvent.id})`).toEqual([]);
    expect(await sql`SELECT 1 FROM "EventType" WHERE "id" = ${child.id}`).toEqual([]);
    expect(await sql`SELECT "teamId" FROM "Membership" WHERE "userId" = ${member.userId}`).toEqual([]);
    expect(await sql`SELECT 1 FROM "Profile" WHERE "userId" = ${member.userId}`).toEqual([]);
    expect(await sql`SELECT "organizationId", "username" FROM "users" WHERE "id" = ${member.userId}`).toEqual([
      { organizationId: null, username: `${member.username}-${member.userId}` },
    ]);
    // The owner's own team membership is untouched.
    expect(await sql`SELECT 1 FROM "Membership" WHERE "userId" = ${org.owner.userId} AND "teamId" = ${team.teamId}`).toHaveLength(1);
  });
});
