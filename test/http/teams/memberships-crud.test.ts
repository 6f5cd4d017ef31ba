import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import {
  createManagedUser,
  createOAuthClient,
  createPlatformOrganization,
  createTeamEventTypeRow,
  createTeamMembershipViaApi,
  createTeamViaApi,
  createTenant,
  sql,
  type Tenant,
  unique,
  withDb,
} from "../../helpers/fixtures";

let owner: Tenant;
let teamId: number;

beforeAll(async () => {
  owner = await createTenant();
  teamId = (await createTeamViaApi(owner.apiKey)).id;
});

const path = (suffix = "") => `/v2/teams/${teamId}/memberships${suffix}`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const hostsOf = (eventTypeId: number) =>
  sql<{ userId: number; isFixed: boolean }>`SELECT "userId", "isFixed" FROM "Host" WHERE "eventTypeId" = ${eventTypeId} ORDER BY "userId"`;

describe("create, read, update, delete", () => {
  it("POST creates a membership with Cal.com's defaults (pending MEMBER) and the user object", async () => {
    const user = await createTenant();
    await withDb((db) => db.user.update({ where: { id: user.userId }, data: { bio: "Hi", metadata: { team: "a" } } }));
    const res = await api(path(), { key: owner.apiKey, body: { userId: user.userId } });
    expectContract("TeamsMembershipsController_createTeamMembership", 201, res.body);
    const membership = dataOf<{ id: number }>(res, 201);
    expect(membership).toEqual({
      id: membership.id,
      userId: user.userId,
      teamId,
      accepted: false,
      role: "MEMBER",
      disableImpersonation: false,
      user: { email: user.email, username: user.username, name: expect.any(String), bio: "Hi", metadata: { team: "a" } },
    });

    const got = await api(path(`/${membership.id}`), { key: owner.apiKey });
    expectContract("TeamsMembershipsController_getTeamMembership", 200, got.body);
    expect(dataOf(got)).toEqual(membership);
  });

  it("POST for a user who is already a member is a 409; an unknown user a 404", async () => {
    const user = await createTenant();
    await createTeamMembershipViaApi(owner.apiKey, teamId, user.userId);
    const dup = await api(path(), { key: owner.apiKey, body: { userId: user.userId, role: "ADMIN" } });
    expect(expectError(dup, 409, "ConflictException").error.message).toBe(`User with id=${user.userId} is already a member of the team with id=${teamId}.`);
    const unknown = await api(path(), { key: owner.apiKey, body: { userId: 2147483000 } });
    expect(expectError(unknown, 404, "NotFoundException").error.message).toBe("User with id=2147483000 not found");
  });

  it("GET list answers an array (Cal.com; the document says an object), paginated and filtered by emails", async () => {
    const team = await createTeamViaApi(owner.apiKey);
    const [a, b] = await Promise.all([createTenant(), createTenant()]);
    await createTeamMembershipViaApi(owner.apiKey, team.id, a.userId);
    await createTeamMembershipViaApi(owner.apiKey, team.id, b.userId, { role: "ADMIN" });

    const all = await api(`/v2/teams/${team.id}/memberships`, { key: owner.apiKey });
    expectContract("TeamsMembershipsController_getTeamMemberships", 200, all.body);
    expect(dataOf<{ userId: number }[]>(all).map((m) => m.userId)).toEqual([owner.userId, a.userId, b.userId]);

    const page = await api(`/v2/teams/${team.id}/memberships?skip=1&take=1`, { key: owner.apiKey });
    expect(dataOf<{ userId: number }[]>(page).map((m) => m.userId)).toEqual([a.userId]);

    const filtered = await api(`/v2/teams/${team.id}/memberships?emails=${b.email.toUpperCase()},%20${owner.email}`, { key: owner.apiKey });
    expect(dataOf<{ userId: number }[]>(filtered).map((m) => m.userId)).toEqual([owner.userId, b.userId]);
    const repeated = await api(`/v2/teams/${team.id}/memberships?emails=${a.email}&emails=${b.email}`, { key: owner.apiKey });
    expect(dataOf<{ userId: number }[]>(repeated).map((m) => m.userId)).toEqual([a.userId, b.userId]);
  });

  it("PATCH changes what the body names; DELETE answers the membership and removes it", async () => {
    const user = await createTenant();
    const created = await createTeamMembershipViaApi(owner.apiKey, teamId, user.userId, { accepted: false });
    const patched = await api(path(`/${created.id}`), { method: "PATCH", key: owner.apiKey, body: { role: "ADMIN", disableImpersonation: true } });
    expectContract("TeamsMembershipsController_updateTeamMembership", 200, patched.body);
    expect(dataOf(patched)).toMatchObject({ id: created.id, role: "ADMIN", accepted: false, disableImpersonation: true });

    const deleted = await api(path(`/${created.id}`), { method: "DELETE", key: owner.apiKey });
    expectContract("TeamsMembershipsController_deleteTeamMembership", 200, deleted.body);
    expect(dataOf(deleted)).toMatchObject({ id: created.id, userId: user.userId, role: "ADMIN" });
    expect(await sql`SELECT 1 FROM "Membership" WHERE "id" = ${created.id}`).toHaveLength(0);
  });

  it("unknown memberships: GET/PATCH 404 and DELETE 404 with Cal.com's messages; another team's membership is unknown here", async () => {
    const otherTeam = await createTeamViaApi(owner.apiKey);
    const [foreign] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${otherTeam.id}`;
    for (const method of ["GET", "PATCH"]) {
      const res = await api(path(`/${foreign!.id}`), { method, key: owner.apiKey, ...(method === "PATCH" ? { body: { accepted: true } } : {}) });
      expect(expectError(res, 404, "NotFoundException").error.message).toBe("Organization's Team membership not found");
    }
    const res = await api(path(`/${foreign!.id}`), { method: "DELETE", key: owner.apiKey });
    expect(expectError(res, 404).error.message).toBe(`Membership with id ${foreign!.id} not found in team ${teamId}`);
    expect(await sql`SELECT 1 FROM "Membership" WHERE "id" = ${foreign!.id}`).toHaveLength(1);
  });
});

describe("effects on the team's event types (same transaction as the membership)", () => {
  it("an accepted membership makes the user a host of assign-all RR and collective event types, not of others", async () => {
    const team = await createTeamViaApi(owner.apiKey);
    const [rr, collective, picked] = await Promise.all([
      createTeamEventTypeRow(team.id, "ROUND_ROBIN", [{ userId: owner.userId }], { assignAllTeamMembers: true }),
      createTeamEventTypeRow(team.id, "COLLECTIVE", [{ userId: owner.userId }], { assignAllTeamMembers: true }),
      createTeamEventTypeRow(team.id, "ROUND_ROBIN", [{ userId: owner.userId }]),
    ]);
    const user = await createTenant();
    await createTeamMembershipViaApi(owner.apiKey, team.id, user.userId, { accepted: true });
    expect(await hostsOf(rr.id)).toContainEqual({ userId: user.userId, isFixed: false });
    expect(await hostsOf(collective.id)).toContainEqual({ userId: user.userId, isFixed: true });
    expect(await hostsOf(picked.id)).toEqual([{ userId: owner.userId, isFixed: false }]);
  });

  it("a pending membership hosts nothing until PATCHed accepted; DELETE removes the user's hosts and managed children", async () => {
    const team = await createTeamViaApi(owner.apiKey);
    const rr = await createTeamEventTypeRow(team.id, "ROUND_ROBIN", [{ userId: owner.userId }], { assignAllTeamMembers: true });
    const managed = await createTeamEventTypeRow(team.id, "MANAGED", []);
    const user = await createTenant();
    const membership = await createTeamMembershipViaApi(owner.apiKey, team.id, user.userId, { accepted: false });
    expect((await hostsOf(rr.id)).map((h) => h.userId)).toEqual([owner.userId]);

    const accepted = await api(`/v2/teams/${team.id}/memberships/${membership.id}`, { method: "PATCH", key: owner.apiKey, body: { accepted: true } });
    expect(dataOf(accepted)).toMatchObject({ accepted: true });
    expect((await hostsOf(rr.id)).map((h) => h.userId).sort()).toEqual([owner.userId, user.userId].sort());

    const child = await withDb((db) =>
      db.eventType.create({ data: { userId: user.userId, parentId: managed.id, title: "Child", slug: unique("child"), length: 30 } }),
    );
    const removed = await api(`/v2/teams/${team.id}/memberships/${membership.id}`, { method: "DELETE", key: owner.apiKey });
    dataOf(removed);
    expect((await hostsOf(rr.id)).map((h) => h.userId)).toEqual([owner.userId]);
    expect(await sql`SELECT 1 FROM "EventType" WHERE "id" = ${child.id}`).toHaveLength(0);
  });
});

describe("platform mixing rules (400, Cal.com's messages)", () => {
  it("managed users only join teams created by their own OAuth client", async () => {
    const org = await createPlatformOrganization();
    const [client, otherClient] = await Promise.all([createOAuthClient(org.owner.apiKey), createOAuthClient(org.owner.apiKey)]);
    const managed = await createManagedUser(client);
    const regular = await createTenant();
    const create = (headers: Record<string, string>) =>
      api<{ data: { id: number } }>("/v2/teams", { headers, body: { name: unique("P") } }).then((r) => dataOf<{ id: number }>(r, 201).id);
    const platformTeam = await create(client.headers);
    const otherPlatformTeam = await create(otherClient.headers);
    const regularTeam = (await createTeamViaApi(org.owner.apiKey)).id;
    const add = (team: number, userId: number) => api(`/v2/teams/${team}/memberships`, { key: org.owner.apiKey, body: { userId } });

    expect(expectError(await add(regularTeam, managed.id), 400).error.message).toBe(
      "Can't add user to team - the user is platform managed user but team is not because team probably was not created using OAuth credentials.",
    );
    expect(expectError(await add(platformTeam, regular.userId), 400).error.message).toBe(
      "Can't add user to team - the user is not platform managed user but team is platform managed. Both have to be created using OAuth credentials.",
    );
    expect(expectError(await add(otherPlatformTeam, managed.id), 400).error.message).toBe(
      "Can't add user to team - managed user and team were created using different OAuth clients.",
    );
    expect(dataOf(await add(platformTeam, managed.id), 201)).toMatchObject({ userId: managed.id, teamId: platformTeam });
  });
});
