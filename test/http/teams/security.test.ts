import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createPlatform, createTeamMembershipViaApi, createTeamViaApi, createTenant, sql, type Tenant } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

// Cal.com's guards on /v2/teams/{teamId}: GET TEAM_MEMBER, PATCH and DELETE TEAM_OWNER, team schedules TEAM_ADMIN
// (memberships: memberships-roles.test.ts). A caller without a membership, including another team's owner, gets
// "not a member"; an unknown team id answers the same, so ids cannot be probed.

let owner: Tenant;
let admin: Tenant;
let member: Tenant;
let outsider: Tenant;
let otherOwner: Tenant;
let teamId: number;
let teamName: string;

const notMember = (id: number) => `RolesGuard - User is not a member of the team with id=${id}.`;
const tooLow = (userId: number, role: string, id: number) =>
  `RolesGuard - user with id=${userId} does not have the minimum required role=${role} within team with id=${id}.`;

beforeAll(async () => {
  [owner, admin, member, outsider, otherOwner] = await Promise.all([createTenant(), createTenant(), createTenant(), createTenant(), createTenant()]);
  const team = await createTeamViaApi(owner.apiKey, { bio: "secret bio" });
  teamId = team.id;
  teamName = team.name as string;
  await createTeamViaApi(otherOwner.apiKey);
  await createTeamMembershipViaApi(owner.apiKey, teamId, admin.userId, { role: "ADMIN" });
  await createTeamMembershipViaApi(owner.apiKey, teamId, member.userId);
});

describe("credentials", () => {
  describe("POST /v2/teams", () => itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/teams", method: "POST", body: { name: "x" } })));
  describe("GET /v2/teams/{teamId}", () => itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/teams/${teamId}` })));
  describe("DELETE /v2/teams/{teamId}/memberships/{id}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/teams/${teamId}/memberships/1`, method: "DELETE" })));

  it("a managed user's access token is accepted (ApiAuthGuard allows every method); its teams record the OAuth client", async () => {
    const { user, client } = await createPlatform();
    const headers = { authorization: `Bearer ${user.accessToken}` };
    expect(dataOf(await api("/v2/teams", { headers }))).toEqual([]);
    const team = dataOf<{ id: number }>(await api("/v2/teams", { headers, body: { name: `Managed ${user.id}` } }), 201);
    const [row] = await sql<{ createdByOAuthClientId: string | null }>`SELECT "createdByOAuthClientId" FROM "Team" WHERE "id" = ${team.id}`;
    expect(row?.createdByOAuthClientId).toBe(client.clientId);
  });

  it("every API version is served", async () => {
    for (const version of ["2024-04-15", "2024-06-14", "2024-08-13"]) {
      expect(dataOf<{ id: number }[]>(await api("/v2/teams", { key: owner.apiKey, version })).map((t) => t.id)).toEqual([teamId]);
    }
  });
});

describe("role matrix on the team itself", () => {
  it("GET: every member (MEMBER, ADMIN, OWNER) reads it; an outsider and another team's owner get 403 and no data", async () => {
    for (const who of [member, admin, owner]) expect(dataOf(await api(`/v2/teams/${teamId}`, { key: who.apiKey }))).toMatchObject({ id: teamId });
    for (const who of [outsider, otherOwner]) {
      const res = await api(`/v2/teams/${teamId}`, { key: who.apiKey });
      expect(expectError(res, 403, "ForbiddenException").error.message).toBe(notMember(teamId));
      expect(res.text).not.toContain("secret bio");
    }
  });

  it("PATCH needs TEAM_OWNER: MEMBER and ADMIN get 403 and change nothing", async () => {
    for (const who of [member, admin]) {
      const res = await api(`/v2/teams/${teamId}`, { method: "PATCH", key: who.apiKey, body: { name: "Hijacked" } });
      expect(expectError(res, 403).error.message).toBe(tooLow(who.userId, "TEAM_OWNER", teamId));
    }
    for (const who of [outsider, otherOwner]) {
      expect(expectError(await api(`/v2/teams/${teamId}`, { method: "PATCH", key: who.apiKey, body: { name: "Hijacked" } }), 403).error.message).toBe(
        notMember(teamId),
      );
    }
    const [row] = await sql<{ name: string }>`SELECT "name" FROM "Team" WHERE "id" = ${teamId}`;
    expect(row?.name).toBe(teamName);
    expect(dataOf(await api(`/v2/teams/${teamId}`, { method: "PATCH", key: owner.apiKey, body: { bio: "owner's" } }))).toMatchObject({ bio: "owner's" });
  });

  it("team schedules need TEAM_ADMIN", async () => {
    expect(expectError(await api(`/v2/teams/${teamId}/schedules`, { key: member.apiKey }), 403).error.message).toBe(
      tooLow(member.userId, "TEAM_ADMIN", teamId),
    );
    for (const who of [outsider, otherOwner]) {
      expect(expectError(await api(`/v2/teams/${teamId}/schedules`, { key: who.apiKey }), 403).error.message).toBe(notMember(teamId));
    }
    for (const who of [admin, owner]) dataOf(await api(`/v2/teams/${teamId}/schedules`, { key: who.apiKey }));
  });

  it("DELETE needs TEAM_OWNER: nobody else deletes the team", async () => {
    for (const who of [member, admin]) {
      expect(expectError(await api(`/v2/teams/${teamId}`, { method: "DELETE", key: who.apiKey }), 403).error.message).toBe(
        tooLow(who.userId, "TEAM_OWNER", teamId),
      );
    }
    for (const who of [outsider, otherOwner]) expectError(await api(`/v2/teams/${teamId}`, { method: "DELETE", key: who.apiKey }), 403);
    expect(await sql`SELECT 1 FROM "Team" WHERE "id" = ${teamId}`).toHaveLength(1);
  });

  it("an unknown team id answers the guard's 403, like a team the caller is not in", async () => {
    const unknown = 2147483000;
    for (const [method, suffix] of [
      ["GET", ""],
      ["DELETE", ""],
      ["GET", "/memberships"],
      ["GET", "/schedules"],
    ] as const) {
      expect(expectError(await api(`/v2/teams/${unknown}${suffix}`, { method, key: owner.apiKey }), 403).error.message).toBe(notMember(unknown));
    }
  });
});
