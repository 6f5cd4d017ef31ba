import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, type OrganizationFixture, sql, unique, withDb } from "../../helpers/fixtures";

// Orgs / Users: list (filters, pagination), create (profile, membership, default schedule, conflicts), update
// (username follows to the profile), delete (the account goes). Roles and other orgs: users-security.test.ts.

let org: OrganizationFixture;
const path = (suffix = "") => `/v2/organizations/${org.organizationId}/users${suffix}`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
type OrgUser = { id: number; email: string; username: string | null; profile: { id: number; organizationId: number; userId: number; username: string } };

beforeAll(async () => {
  org = await createOrganization();
  // The first request of a file compiles Prisma's engine: done here, not inside the first test's time limit.
  await api(path(), { key: org.owner.apiKey });
});

describe("POST /v2/organizations/{orgId}/users", () => {
  it("creates the user with a profile, an accepted MEMBER membership and a default schedule; no password, no email sent", async () => {
    const email = `New.User-${unique()}@Example.com`;
    const res = await api(path(), {
      key: org.owner.apiKey,
      body: { email, bio: "Hello", timeZone: "America/New_York", weekday: "Monday", timeFormat: 24, locale: "fr", metadata: { a: "b" } },
    });
    expectContract("OrganizationsUsersController_createOrganizationUser", 201, res.body);
    const user = dataOf<OrgUser & Record<string, unknown>>(res, 201);
    const local = email.toLowerCase().split("@")[0]!;
    expect(user).toMatchObject({
      email: email.toLowerCase(),
      username: `${local.replace(".", ".")}-example`,
      bio: "Hello",
      timeZone: "America/New_York",
      weekStart: "Monday",
      timeFormat: 24,
      locale: "fr",
      metadata: { a: "b" },
      hideBranding: false,
      profile: { organizationId: org.organizationId, userId: user.id, username: user.username },
    });
    const [membership] = await sql<{ role: string; accepted: boolean }>`
      SELECT "role", "accepted" FROM "Membership" WHERE "userId" = ${user.id} AND "teamId" = ${org.organizationId}`;
    expect(membership).toEqual({ role: "MEMBER", accepted: true });
    const schedules = await sql<{ id: number; name: string; timeZone: string }>`SELECT "id", "name", "timeZone" FROM "Schedule" WHERE "userId" = ${user.id}`;
    expect(schedules).toEqual([{ id: user.defaultScheduleId as number, name: "Working Hours", timeZone: "America/New_York" }]);
    const [row] = await sql<{ organizationId: number }>`SELECT "organizationId" FROM "users" WHERE "id" = ${user.id}`;
    expect(row?.organizationId).toBe(org.organizationId);
  });

  it("stores branding and theme, marks the user verified and invited by the org; PATCH changes them", async () => {
    const created = dataOf<OrgUser & Record<string, unknown>>(
      await api(path(), {
        key: org.owner.apiKey,
        body: { email: `${unique()}@example.com`, brandColor: "#112233", darkBrandColor: "#445566", hideBranding: true, theme: "dark", appTheme: "light" },
      }),
      201,
    );
    expect(created).toMatchObject({
      brandColor: "#112233",
      darkBrandColor: "#445566",
      hideBranding: true,
      theme: "dark",
      appTheme: "light",
      verified: true,
      invitedTo: org.organizationId,
      allowDynamicBooking: true,
    });
    const res = await api(path(`/${created.id}`), { method: "PATCH", key: org.owner.apiKey, body: { theme: "light", hideBranding: false } });
    expectContract("OrganizationsUsersController_updateOrganizationUser", 200, res.body);
    expect(dataOf(res, 200)).toMatchObject({ theme: "light", hideBranding: false, brandColor: "#112233" });
  });

  it("takes the given username (lower-cased) for user and profile, organizationRole and autoAccept", async () => {
    const username = `Chosen-${unique()}`;
    const user = dataOf<OrgUser>(
      await api(path(), { key: org.owner.apiKey, body: { email: `${unique()}@example.com`, username, organizationRole: "ADMIN", autoAccept: false } }),
      201,
    );
    expect(user.username).toBe(username.toLowerCase());
    expect(user.profile.username).toBe(username.toLowerCase());
    const [membership] = await sql<{ role: string; accepted: boolean }>`
      SELECT "role", "accepted" FROM "Membership" WHERE "userId" = ${user.id} AND "teamId" = ${org.organizationId}`;
    expect(membership).toEqual({ role: "ADMIN", accepted: false });
  });

  it("409 for an email in use (in the org or anywhere) and for a username taken in the org", async () => {
    const member = await org.addMember("MEMBER");
    const inOrg = await api(path(), { key: org.owner.apiKey, body: { email: member.email.toUpperCase() } });
    expect(expectError(inOrg, 409, "ConflictException").error.message).toBe("A user already exists with that email");
    const other = await createOrganization();
    const elsewhere = await api(path(), { key: org.owner.apiKey, body: { email: other.owner.email } });
    expect(expectError(elsewhere, 409).error.message).toBe("A user already exists with that email");
    const taken = await api(path(), { key: org.owner.apiKey, body: { email: `${unique()}@example.com`, username: member.username } });
    expect(expectError(taken, 409).error.message).toBe("Username is already taken");
    // Another org's username is free here.
    const free = await api(path(), { key: org.owner.apiKey, body: { email: `${unique()}@example.com`, username: other.owner.username } });
    expect(free.status).toBe(201);
  });

  it("two concurrent creations with one email: one 201, one 409, one user", async () => {
    const email = `race-${unique()}@example.com`;
    const results = await Promise.all([1, 2].map(() => api(path(), { key: org.owner.apiKey, body: { email } })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await sql`SELECT 1 FROM "users" WHERE "email" = ${email}`).toHaveLength(1);
  });

  it("400 naming the fields for a bad body", async () => {
    const res = await api(path(), {
      key: org.owner.apiKey,
      body: { email: "not-an-email", brandColor: "red", timeZone: "Mars/Base", organizationRole: "GOD", timeFormat: 13, weekday: "Funday" },
    });
    const message = expectError(res, 400, "BadRequestException").error.message;
    for (const field of ["email", "brandColor", "timeZone", "organizationRole", "timeFormat", "weekday"]) expect(message).toContain(field);
    expectError(await api(path(), { key: org.owner.apiKey, body: {} }), 400);
  });

  it("a defaultScheduleId that is not the new user's is refused, and nothing is created", async () => {
    const email = `${unique()}@example.com`;
    const res = await api(path(), { key: org.owner.apiKey, body: { email, defaultScheduleId: 2147483000 } });
    expect(res.status).toBe(404);
    expect(await sql`SELECT 1 FROM "users" WHERE "email" = ${email}`).toEqual([]);
  });
});

describe("GET /v2/organizations/{orgId}/users", () => {
  let local: OrganizationFixture;
  beforeAll(async () => {
    local = await createOrganization();
  });
  const list = (query = "") => api(`/v2/organizations/${local.organizationId}/users${query}`, { key: local.owner.apiKey });

  it("lists the org's users (profiles) in id order, with pagination; a user without a profile is not one", async () => {
    const [a, b] = [await local.addMember("MEMBER"), await local.addMember("ADMIN", { accepted: false })];
    await withDb((db) => db.user.create({ data: { email: `${unique()}@example.com`, organizationId: local.organizationId } }));
    const all = await list();
    expectContract("OrganizationsUsersController_getOrganizationsUsers", 200, all.body);
    expect(dataOf<OrgUser[]>(all).map((u) => u.id)).toEqual([local.owner.userId, a.userId, b.userId]);
    expect(dataOf<OrgUser[]>(all)[1]!.profile).toEqual({ id: a.profileId, organizationId: local.organizationId, userId: a.userId, username: a.username });
    expect(dataOf<OrgUser[]>(await list("?skip=1&take=1")).map((u) => u.id)).toEqual([a.userId]);
  });

  it("filters by emails (comma-separated or repeated, any case) and by teams of the org", async () => {
    const [a, b] = [await local.addMember("MEMBER"), await local.addMember("MEMBER")];
    const byEmail = await list(`?emails=${a.email.toUpperCase()},${b.email}`);
    expect(dataOf<OrgUser[]>(byEmail).map((u) => u.id)).toEqual([a.userId, b.userId]);
    expect(dataOf<OrgUser[]>(await list(`?emails=${a.email}&emails=${b.email}`)).map((u) => u.id)).toEqual([a.userId, b.userId]);
    const team = await local.addTeam([{ userId: b.userId }]);
    expect(dataOf<OrgUser[]>(await list(`?teamIds=${team.teamId}`)).map((u) => u.id)).toEqual([b.userId]);
    // A team of another organization filters nothing in.
    const other = await createOrganization();
    const otherTeam = await other.addTeam([{ userId: other.owner.userId }]);
    expect(dataOf<OrgUser[]>(await list(`?teamIds=${otherTeam.teamId}`))).toEqual([]);
  });

  it("attribute filters are validated; unknown option ids match nobody", async () => {
    expect(dataOf<OrgUser[]>(await list("?assignedOptionIds=opt-1,opt-2&attributeQueryOperator=OR"))).toEqual([]);
    expect(dataOf<OrgUser[]>(await list("?assignedOptionIds=opt-1"))).toEqual([]);
    expect(expectError(await list("?attributeQueryOperator=XOR"), 400).error.message).toContain("attributeQueryOperator");
    expect(expectError(await list("?teamIds=a,b"), 400).error.message).toContain("teamIds");
    expect(expectError(await list("?emails=nope"), 400).error.message).toContain("emails");
    expect(expectError(await list("?take=1001"), 400).error.message).toContain("take");
    expect(dataOf<OrgUser[]>(await list("?take=1000")).length).toBeGreaterThan(0);
  });
});

describe("PATCH /v2/organizations/{orgId}/users/{userId}", () => {
  it("changes the fields given; a new username goes to the profile too; the unchanged username is accepted", async () => {
    const member = await org.addMember("MEMBER");
    const username = `renamed-${unique()}`;
    const res = await api(path(`/${member.userId}`), { method: "PATCH", key: org.owner.apiKey, body: { username, bio: "New bio", weekday: "Friday" } });
    expectContract("OrganizationsUsersController_updateOrganizationUser", 200, res.body);
    expect(dataOf(res)).toMatchObject({ id: member.userId, username, bio: "New bio", weekStart: "Friday", profile: { id: member.profileId, username } });
    const [profile] = await sql<{ username: string }>`SELECT "username" FROM "Profile" WHERE "id" = ${member.profileId}`;
    expect(profile?.username).toBe(username);
    const same = await api(path(`/${member.userId}`), { method: "PATCH", key: org.owner.apiKey, body: { username } });
    expect(same.status).toBe(200);
  });

  it("409 for a username of another org user or an email in use; 404 when the user's organization is not this one", async () => {
    const [a, b] = [await org.addMember("MEMBER"), await org.addMember("MEMBER")];
    const taken = await api(path(`/${a.userId}`), { method: "PATCH", key: org.owner.apiKey, body: { username: b.username } });
    expect(expectError(taken, 409).error.message).toBe("Username is already taken");
    const email = await api(path(`/${a.userId}`), { method: "PATCH", key: org.owner.apiKey, body: { email: b.email } });
    expect(expectError(email, 409).error.message).toBe("A user already exists with that email");
    await withDb((db) => db.user.update({ where: { id: b.userId }, data: { organizationId: null } }));
    expect(expectError(await api(path(`/${b.userId}`), { method: "PATCH", key: org.owner.apiKey, body: { bio: "x" } }), 404).error.message).toBe(
      `User with id=${b.userId} not found`,
    );
  });

  it("a defaultScheduleId must be one of the user's schedules", async () => {
    const member = await org.addMember("MEMBER");
    const res = await api(path(`/${member.userId}`), { method: "PATCH", key: org.owner.apiKey, body: { defaultScheduleId: 2147483000 } });
    expect(res.status).toBe(404);
  });
});

describe("DELETE /v2/organizations/{orgId}/users/{userId}", () => {
  it("deletes the account (Cal.com) and answers it; its API key stops working at once", async () => {
    const member = await org.addMember("MEMBER");
    expect((await api("/v2/me", { key: member.apiKey })).status).toBe(200);
    const res = await api(path(`/${member.userId}`), { method: "DELETE", key: org.owner.apiKey });
    expect(res.status, res.text).toBe(200);
    expectContract("OrganizationsUsersController_deleteOrganizationUser", 200, res.body);
    expect(dataOf(res)).toMatchObject({ id: member.userId, email: member.email, profile: { id: member.profileId } });
    expect(await sql`SELECT 1 FROM "users" WHERE "id" = ${member.userId}`).toEqual([]);
    expect((await api("/v2/me", { key: member.apiKey })).status).toBe(401);
    // Gone: the next call is IsUserInOrg's 403.
    expect((await api(path(`/${member.userId}`), { method: "DELETE", key: org.owner.apiKey })).status).toBe(403);
  });
});
