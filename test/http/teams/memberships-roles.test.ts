import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createTeamMembershipViaApi, createTeamViaApi, createTenant, sql, type Tenant } from "../../helpers/fixtures";

// Who may do what on /v2/teams/{teamId}/memberships (every route TEAM_ADMIN, as Cal.com), and our owner rules:
// only an OWNER grants OWNER or changes/removes an OWNER; the last OWNER stays.

let owner: Tenant;
let admin: Tenant;
let member: Tenant;
let outsider: Tenant;
let otherOwner: Tenant;
let teamId: number;
let memberMembershipId: number;
let ownerMembershipId: number;

const OWNER_ONLY = "TeamMembershipRoles - Only a team OWNER can grant the OWNER role or change or remove an OWNER.";
const notMember = (id: number) => `RolesGuard - User is not a member of the team with id=${id}.`;
const tooLow = (userId: number, id: number) =>
  `RolesGuard - user with id=${userId} does not have the minimum required role=TEAM_ADMIN within team with id=${id}.`;

beforeAll(async () => {
  [owner, admin, member, outsider, otherOwner] = await Promise.all([createTenant(), createTenant(), createTenant(), createTenant(), createTenant()]);
  teamId = (await createTeamViaApi(owner.apiKey)).id;
  await createTeamViaApi(otherOwner.apiKey);
  await createTeamMembershipViaApi(owner.apiKey, teamId, admin.userId, { role: "ADMIN" });
  memberMembershipId = (await createTeamMembershipViaApi(owner.apiKey, teamId, member.userId)).id;
  const [row] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${teamId} AND "userId" = ${owner.userId}`;
  ownerMembershipId = row!.id;
});

describe("role matrix", () => {
  const refusals = () => [
    { who: member, message: tooLow(member.userId, teamId) },
    { who: outsider, message: notMember(teamId) },
    { who: otherOwner, message: notMember(teamId) },
  ];

  it("members, non-members and another team's owner get RolesGuard's 403 on every route, and change nothing", async () => {
    const target = await createTenant();
    for (const { who, message } of refusals()) {
      const calls = [
        api(`/v2/teams/${teamId}/memberships`, { key: who.apiKey, body: { userId: target.userId } }),
        api(`/v2/teams/${teamId}/memberships`, { key: who.apiKey }),
        api(`/v2/teams/${teamId}/memberships/${memberMembershipId}`, { key: who.apiKey }),
        api(`/v2/teams/${teamId}/memberships/${memberMembershipId}`, { method: "PATCH", key: who.apiKey, body: { role: "ADMIN" } }),
        api(`/v2/teams/${teamId}/memberships/${memberMembershipId}`, { method: "DELETE", key: who.apiKey }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(expectError(res, 403, "ForbiddenException").error.message).toBe(message);
        expect(res.text).not.toContain(member.email);
      }
    }
    expect(await sql`SELECT 1 FROM "Membership" WHERE "teamId" = ${teamId} AND "userId" = ${target.userId}`).toHaveLength(0);
    const [row] = await sql<{ role: string }>`SELECT "role"::text AS role FROM "Membership" WHERE "id" = ${memberMembershipId}`;
    expect(row?.role).toBe("MEMBER");
  });

  it("an ADMIN and an OWNER may create, list, read, update and delete MEMBER memberships", async () => {
    for (const who of [admin, owner]) {
      const target = await createTenant();
      const created = dataOf<{ id: number }>(await api(`/v2/teams/${teamId}/memberships`, { key: who.apiKey, body: { userId: target.userId } }), 201);
      expect(dataOf<unknown[]>(await api(`/v2/teams/${teamId}/memberships`, { key: who.apiKey })).length).toBeGreaterThanOrEqual(3);
      dataOf(await api(`/v2/teams/${teamId}/memberships/${created.id}`, { key: who.apiKey }));
      const patched = await api(`/v2/teams/${teamId}/memberships/${created.id}`, { method: "PATCH", key: who.apiKey, body: { role: "ADMIN" } });
      expect(dataOf(patched)).toMatchObject({ role: "ADMIN" });
      dataOf(await api(`/v2/teams/${teamId}/memberships/${created.id}`, { method: "DELETE", key: who.apiKey }));
    }
  });

  it("a pending ADMIN passes the guard, as in Cal.com", async () => {
    const pending = await createTenant();
    await createTeamMembershipViaApi(owner.apiKey, teamId, pending.userId, { role: "ADMIN", accepted: false });
    dataOf(await api(`/v2/teams/${teamId}/memberships`, { key: pending.apiKey }));
  });
});

describe("OWNER rules (beyond Cal.com)", () => {
  it("an ADMIN may not grant OWNER, nor change or remove an OWNER (403); the rows stay", async () => {
    const target = await createTenant();
    const refused = await Promise.all([
      api(`/v2/teams/${teamId}/memberships`, { key: admin.apiKey, body: { userId: target.userId, role: "OWNER" } }),
      api(`/v2/teams/${teamId}/memberships/${memberMembershipId}`, { method: "PATCH", key: admin.apiKey, body: { role: "OWNER" } }),
      api(`/v2/teams/${teamId}/memberships/${ownerMembershipId}`, { method: "PATCH", key: admin.apiKey, body: { role: "MEMBER" } }),
      api(`/v2/teams/${teamId}/memberships/${ownerMembershipId}`, { method: "PATCH", key: admin.apiKey, body: { disableImpersonation: true } }),
      api(`/v2/teams/${teamId}/memberships/${ownerMembershipId}`, { method: "DELETE", key: admin.apiKey }),
    ]);
    for (const res of refused) expect(expectError(res, 403, "ForbiddenException").error.message).toBe(OWNER_ONLY);
    const owners = await sql<{ userId: number }>`SELECT "userId" FROM "Membership" WHERE "teamId" = ${teamId} AND "role" = 'OWNER'`;
    expect(owners).toEqual([{ userId: owner.userId }]);
    expect(await sql`SELECT 1 FROM "Membership" WHERE "teamId" = ${teamId} AND "userId" = ${target.userId}`).toHaveLength(0);
  });

  it("the last OWNER can be neither demoted nor removed (400); with a second OWNER it can", async () => {
    const solo = await createTenant();
    const team = await createTeamViaApi(solo.apiKey);
    const [own] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${team.id}`;
    const lastOwner = `The team with id=${team.id} must keep at least one OWNER: its last OWNER cannot be demoted or removed.`;
    const demote = () => api(`/v2/teams/${team.id}/memberships/${own!.id}`, { method: "PATCH", key: solo.apiKey, body: { role: "ADMIN" } });
    expect(expectError(await demote(), 400, "BadRequestException").error.message).toBe(lastOwner);
    expect(expectError(await api(`/v2/teams/${team.id}/memberships/${own!.id}`, { method: "DELETE", key: solo.apiKey }), 400).error.message).toBe(lastOwner);
    // Other changes to the last OWNER are fine.
    expect(dataOf(await api(`/v2/teams/${team.id}/memberships/${own!.id}`, { method: "PATCH", key: solo.apiKey, body: { role: "OWNER" } }))).toMatchObject({
      role: "OWNER",
    });

    const second = await createTenant();
    await createTeamMembershipViaApi(solo.apiKey, team.id, second.userId, { role: "OWNER" });
    expect(dataOf(await demote())).toMatchObject({ role: "ADMIN" });
  });

  it("two OWNERs demoting each other at once: one wins, one OWNER remains", async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([createTenant(), createTenant()]);
      const team = await createTeamViaApi(a.apiKey);
      const bMembership = await createTeamMembershipViaApi(a.apiKey, team.id, b.userId, { role: "OWNER" });
      const [aRow] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${team.id} AND "userId" = ${a.userId}`;
      const results = await Promise.all([
        api(`/v2/teams/${team.id}/memberships/${bMembership.id}`, { method: "PATCH", key: a.apiKey, body: { role: "MEMBER" } }),
        api(`/v2/teams/${team.id}/memberships/${aRow!.id}`, { method: "PATCH", key: b.apiKey, body: { role: "MEMBER" } }),
      ]);
      const statuses = results.map((r) => r.status);
      expect(
        statuses.filter((s) => s === 200),
        results.map((r) => r.text).join("\n"),
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 400 || s === 403)).toHaveLength(1);
      const owners = await sql`SELECT 1 FROM "Membership" WHERE "teamId" = ${team.id} AND "role" = 'OWNER'`;
      expect(owners).toHaveLength(1);
    }
  });

  it("two OWNERs removing each other at once: one OWNER remains", async () => {
    const [a, b] = await Promise.all([createTenant(), createTenant()]);
    const team = await createTeamViaApi(a.apiKey);
    const bMembership = await createTeamMembershipViaApi(a.apiKey, team.id, b.userId, { role: "OWNER" });
    const [aRow] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${team.id} AND "userId" = ${a.userId}`;
    const results = await Promise.all([
      api(`/v2/teams/${team.id}/memberships/${bMembership.id}`, { method: "DELETE", key: a.apiKey }),
      api(`/v2/teams/${team.id}/memberships/${aRow!.id}`, { method: "DELETE", key: b.apiKey }),
    ]);
    expect(results.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    expect(await sql`SELECT 1 FROM "Membership" WHERE "teamId" = ${team.id} AND "role" = 'OWNER'`).toHaveLength(1);
  });
});
