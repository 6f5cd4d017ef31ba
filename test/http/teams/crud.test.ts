import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import {
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
let other: Tenant;

beforeAll(async () => {
  [owner, other] = await Promise.all([createTenant(), createTenant()]);
});

const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);

describe("POST /v2/teams", () => {
  it("creates the team with the caller as accepted OWNER; the slug comes from the name", async () => {
    const name = `Sales Ünit ${unique()}`;
    const res = await api("/v2/teams", { key: owner.apiKey, body: { name, bio: "We sell", timeFormat: 24, weekStart: "Monday", metadata: { tier: "gold" } } });
    const team = dataOf<Record<string, unknown> & { id: number }>(res, 201);
    expectContract("TeamsController_createTeam", 201, res.body);
    expect(team).toMatchObject({
      name,
      slug: name.toLowerCase().replace("ü", "u").replace(/ /g, "-"),
      bio: "We sell",
      timeFormat: 24,
      weekStart: "Monday",
      timeZone: "Europe/London",
      isOrganization: false,
      isPrivate: false,
      hideBranding: false,
      metadata: { tier: "gold" },
    });
    expect(team).not.toHaveProperty("logoUrl");
    const rows = await sql<{
      userId: number;
      role: string;
      accepted: boolean;
    }>`SELECT "userId", "role"::text AS role, "accepted" FROM "Membership" WHERE "teamId" = ${team.id}`;
    expect(rows).toEqual([{ userId: owner.userId, role: "OWNER", accepted: true }]);
  });

  it("autoAcceptCreator: false leaves the creator's OWNER membership pending", async () => {
    const team = await createTeamViaApi(owner.apiKey, { autoAcceptCreator: false });
    const [row] = await sql<{ accepted: boolean }>`SELECT "accepted" FROM "Membership" WHERE "teamId" = ${team.id}`;
    expect(row?.accepted).toBe(false);
  });

  it("a taken slug is a 409 and creates nothing", async () => {
    const slug = unique("taken");
    await createTeamViaApi(owner.apiKey, { slug });
    const name = unique("Other");
    const res = await api("/v2/teams", { key: other.apiKey, body: { name, slug } });
    expect(expectError(res, 409, "ConflictException").error.message).toBe(`Team with slug=${slug} already exists.`);
    expect(await sql`SELECT 1 FROM "Team" WHERE "name" = ${name}`).toHaveLength(0);
  });

  it("two teams with the same name for one user: 400 as Cal.com", async () => {
    const name = unique("Twice");
    await createTeamViaApi(owner.apiKey, { name });
    const res = await api("/v2/teams", { key: owner.apiKey, body: { name, slug: unique("twice") } });
    expect(expectError(res, 400).error.message).toBe(`You already have created a team with name=${name}`);
  });

  it("two concurrent creates with one slug: one 201, one 409", async () => {
    const slug = unique("race");
    const results = await Promise.all([owner, other].map((who) => api("/v2/teams", { key: who.apiKey, body: { name: unique("Race"), slug } })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await sql`SELECT 1 FROM "Team" WHERE "slug" = ${slug}`).toHaveLength(1);
  });

  it("with OAuth client credentials the team records the client (only its managed users may join)", async () => {
    const org = await createPlatformOrganization();
    const clientRes = await api("/v2/oauth-clients", {
      key: org.owner.apiKey,
      body: { name: "c", redirectUris: ["https://a.example.com"], permissions: ["*"] },
    });
    const { clientId, clientSecret } = dataOf<{ clientId: string; clientSecret: string }>(clientRes, 201);
    const res = await api("/v2/teams", { headers: { "x-cal-client-id": clientId, "x-cal-secret-key": clientSecret }, body: { name: unique("Platform team") } });
    const team = dataOf<{ id: number }>(res, 201);
    const [row] = await sql<{ createdByOAuthClientId: string | null }>`SELECT "createdByOAuthClientId" FROM "Team" WHERE "id" = ${team.id}`;
    expect(row?.createdByOAuthClientId).toBe(clientId);
    const [membership] = await sql<{ userId: number; role: string }>`SELECT "userId", "role"::text AS role FROM "Membership" WHERE "teamId" = ${team.id}`;
    expect(membership).toEqual({ userId: org.owner.userId, role: "OWNER" });
  });
});

describe("GET /v2/teams", () => {
  it("lists the caller's teams (pending included), never organizations or other people's teams", async () => {
    const caller = await createTenant();
    const mine = await createTeamViaApi(caller.apiKey);
    const invited = await createTeamViaApi(other.apiKey);
    await createTeamMembershipViaApi(other.apiKey, invited.id, caller.userId, { accepted: false });
    const notMine = await createTeamViaApi(other.apiKey);
    const org = await withDb((db) => db.team.create({ data: { name: unique("Org"), slug: unique("org"), isOrganization: true } }));
    await withDb((db) => db.membership.create({ data: { teamId: org.id, userId: caller.userId, role: "MEMBER", accepted: true } }));

    const res = await api("/v2/teams", { key: caller.apiKey });
    expectContract("TeamsController_getTeams", 200, res.body);
    const ids = dataOf<{ id: number }[]>(res).map((t) => t.id);
    expect(ids).toEqual([mine.id, invited.id]);
    expect(ids).not.toContain(notMine.id);
  });
});

describe("GET, PATCH, DELETE /v2/teams/{teamId}", () => {
  it("GET answers the team to a member", async () => {
    const team = await createTeamViaApi(owner.apiKey, { brandColor: "#ff0000" });
    const res = await api(`/v2/teams/${team.id}`, { key: owner.apiKey });
    expectContract("TeamsController_getTeam", 200, res.body);
    expect(dataOf(res)).toEqual(team);
  });

  it("PATCH changes only what the body names (name is optional, unlike Cal.com)", async () => {
    const team = await createTeamViaApi(owner.apiKey, { bio: "before" });
    const res = await api(`/v2/teams/${team.id}`, {
      method: "PATCH",
      key: owner.apiKey,
      body: { hideBranding: true, logoUrl: "https://example.com/logo.png", bookingLimits: '{"PER_DAY":2}', includeManagedEventsInLimits: true },
    });
    expectContract("TeamsController_updateTeam", 200, res.body);
    expect(dataOf(res)).toEqual({ ...team, hideBranding: true, logoUrl: "https://example.com/logo.png" });
    const [row] = await sql<{ bookingLimits: unknown; includeManagedEventsInLimits: boolean }>`
      SELECT "bookingLimits", "includeManagedEventsInLimits" FROM "Team" WHERE "id" = ${team.id}`;
    expect(row).toEqual({ bookingLimits: { PER_DAY: 2 }, includeManagedEventsInLimits: true });
  });

  it("PATCH to another team's slug is a 409; to its own slug is fine", async () => {
    const [a, b] = await Promise.all([createTeamViaApi(owner.apiKey), createTeamViaApi(owner.apiKey)]);
    expectError(await api(`/v2/teams/${a.id}`, { method: "PATCH", key: owner.apiKey, body: { slug: b.slug } }), 409, "ConflictException");
    const same = await api(`/v2/teams/${a.id}`, { method: "PATCH", key: owner.apiKey, body: { slug: a.slug, name: "Renamed" } });
    expect(dataOf(same)).toMatchObject({ slug: a.slug, name: "Renamed" });
  });

  it("DELETE answers the team and cascades to memberships, team event types and hosts; bookings are kept", async () => {
    const member = await createTenant();
    const team = await createTeamViaApi(owner.apiKey);
    await createTeamMembershipViaApi(owner.apiKey, team.id, member.userId);
    const eventType = await createTeamEventTypeRow(team.id, "ROUND_ROBIN", [{ userId: member.userId }, { userId: owner.userId }]);
    const booking = await withDb((db) =>
      db.booking.create({
        data: {
          uid: unique("bk"),
          userId: member.userId,
          eventTypeId: eventType.id,
          title: "Kept",
          startTime: new Date("2030-01-07T10:00:00Z"),
          endTime: new Date("2030-01-07T10:30:00Z"),
        },
      }),
    );

    const res = await api(`/v2/teams/${team.id}`, { method: "DELETE", key: owner.apiKey });
    expectContract("TeamsController_deleteTeam", 200, res.body);
    expect(dataOf(res)).toEqual(team);
    expect(await sql`SELECT 1 FROM "Membership" WHERE "teamId" = ${team.id}`).toHaveLength(0);
    expect(await sql`SELECT 1 FROM "EventType" WHERE "id" = ${eventType.id}`).toHaveLength(0);
    expect(await sql`SELECT 1 FROM "Host" WHERE "eventTypeId" = ${eventType.id}`).toHaveLength(0);
    const [kept] = await sql<{ eventTypeId: number | null }>`SELECT "eventTypeId" FROM "Booking" WHERE "id" = ${booking.id}`;
    expect(kept).toEqual({ eventTypeId: null });
    expectError(await api(`/v2/teams/${team.id}`, { key: owner.apiKey }), 403, "ForbiddenException");
  });

  it("an organization is not served by /v2/teams/{teamId}: 404, even to its owner", async () => {
    const org = await createPlatformOrganization();
    const res = await api(`/v2/teams/${org.organizationId}`, { key: org.owner.apiKey });
    expect(expectError(res, 404, "NotFoundException").error.message).toBe(`Team with id=${org.organizationId} not found`);
    expectError(await api(`/v2/teams/${org.organizationId}`, { method: "DELETE", key: org.owner.apiKey }), 404);
    expect(await sql`SELECT 1 FROM "Team" WHERE "id" = ${org.organizationId}`).toHaveLength(1);
  });
});
