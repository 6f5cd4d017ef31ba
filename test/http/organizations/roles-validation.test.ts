import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createOrganization, type OrganizationFixture, type OrgMember, sql, unique } from "../../helpers/fixtures";

// Bad input to the role operations: every refusal is a 400 naming the field (or Cal.com's own message for a
// permission or a taken name), and nothing is written.

let org: OrganizationFixture;
let admin: OrgMember;
let teamId: number;

const orgBase = () => `/v2/organizations/${org.organizationId}/roles`;
const teamBase = () => `/v2/organizations/${org.organizationId}/teams/${teamId}/roles`;
const badPermission = (p: string) =>
  `Permission '${p}' must be a valid permission string in format 'resource.action' (e.g., 'eventType.read', 'booking.create')`;
const roleCount = async (scopeId: number) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM "Role" WHERE "teamId" = ${scopeId}`)[0]!.n;

beforeAll(async () => {
  org = await createOrganization();
  admin = await org.addMember("ADMIN");
  ({ teamId } = await org.addTeam());
  await api(orgBase(), { key: admin.apiKey });
});

describe("create body", () => {
  it("a missing, empty, blank or non-string name is a 400 naming `name`", async () => {
    for (const body of [{}, { name: "" }, { name: "   " }, { name: 42 }, { name: "x".repeat(256) }]) {
      const { error } = expectError(await api(orgBase(), { key: admin.apiKey, body }), 400, "BadRequestException");
      expect(error.message).toMatch(/^name - /);
    }
    expect(await roleCount(org.organizationId)).toBe(0);
  });

  it("a color that is not a hex code, a non-string description, a non-array permissions are 400s naming the field", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ color: "red" }, /^color - /],
      [{ color: 123 }, /^color - /],
      [{ description: { text: "x" } }, /^description - /],
      [{ permissions: "booking.read" }, /^permissions - /],
      [{ permissions: [1] }, /^permissions\.0 - /],
    ];
    for (const [extra, message] of cases) {
      const { error } = expectError(await api(orgBase(), { key: admin.apiKey, body: { name: unique("Bad"), ...extra } }), 400);
      expect(error.message).toMatch(message);
    }
    expect(await roleCount(org.organizationId)).toBe(0);
  });

  it("an unknown permission, or one of the other scope, is Cal.com's 400", async () => {
    const cases: [() => string, string][] = [
      [orgBase, "booking.fly"],
      [orgBase, "booking"],
      [orgBase, "booking.readTeamBookings"],
      [teamBase, "*.*"],
      [teamBase, "organization.read"],
      [teamBase, "booking.readOrgBookings"],
    ];
    for (const [base, permission] of cases) {
      const res = await api(base(), { key: admin.apiKey, body: { name: unique("Bad"), permissions: ["booking.read", permission] } });
      expect(expectError(res, 400, "BadRequestException").error.message).toBe(badPermission(permission));
    }
    expect(await roleCount(org.organizationId)).toBe(0);
    expect(await roleCount(teamId)).toBe(0);
  });

  it("each scope takes its own strings: `*.*` on an organization role, team booking reads on a team role", async () => {
    dataOf(await api(orgBase(), { key: admin.apiKey, body: { name: unique("Everything"), permissions: ["*.*"] } }), 201);
    dataOf(await api(teamBase(), { key: admin.apiKey, body: { name: unique("Team reader"), permissions: ["booking.readTeamBookings"] } }), 201);
  });

  it("a name already used in the scope is Cal.com's 400, also when requests race", async () => {
    const name = unique("Taken");
    dataOf(await api(orgBase(), { key: admin.apiKey, body: { name } }), 201);
    expect(expectError(await api(orgBase(), { key: admin.apiKey, body: { name } }), 400).error.message).toBe(`Role with name "${name}" already exists`);

    const raced = unique("Raced");
    const answers = await Promise.all([1, 2, 3].map(() => api(teamBase(), { key: admin.apiKey, body: { name: raced } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400]);
    for (const a of answers.filter((x) => x.status === 400)) expect(expectError(a, 400).error.message).toBe(`Role with name "${raced}" already exists`);
    expect(await sql`SELECT count(*)::int AS n FROM "Role" WHERE "name" = ${raced}`).toEqual([{ n: 1 }]);
  });
});

describe("update body", () => {
  it("a bad field or permission, or another role's name, is a 400 and the role is unchanged", async () => {
    const other = dataOf<{ name: string }>(await api(orgBase(), { key: admin.apiKey, body: { name: unique("Other") } }), 201);
    const role = dataOf<{ id: string; name: string }>(
      await api(orgBase(), { key: admin.apiKey, body: { name: unique("Kept"), permissions: ["team.read"] } }),
      201,
    );
    const path = `${orgBase()}/${role.id}`;
    const cases: [Record<string, unknown>, string | RegExp][] = [
      [{ name: "" }, /^name - /],
      [{ color: "#12" }, /^color - /],
      [{ permissions: ["team.read", "team.fly"] }, badPermission("team.fly")],
      [{ permissions: null }, /^permissions - /],
      [{ name: other.name, permissions: ["booking.read"] }, `Role with name "${other.name}" already exists`],
    ];
    for (const [body, message] of cases) {
      const { error } = expectError(await api(path, { method: "PATCH", key: admin.apiKey, body }), 400);
      if (typeof message === "string") expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
    }
    expect(dataOf(await api(path, { key: admin.apiKey }))).toMatchObject({ name: role.name, permissions: ["team.read"] });
  });
});

describe("path and query", () => {
  it("bad pagination, a non-numeric org or team id and an overlong role id are 400s naming the param", async () => {
    for (const query of ["take=0", "take=251", "skip=-1", "take=abc"]) {
      expect(expectError(await api(`${orgBase()}?${query}`, { key: admin.apiKey }), 400).error.message).toMatch(/^(take|skip) - /);
    }
    expect(expectError(await api("/v2/organizations/abc/roles", { key: admin.apiKey }), 400).error.message).toMatch(/^orgId - /);
    expect(expectError(await api(`/v2/organizations/${org.organizationId}/teams/x/roles`, { key: admin.apiKey }), 400).error.message).toMatch(/^teamId - /);
    expect(expectError(await api(`${orgBase()}/${"r".repeat(101)}`, { key: admin.apiKey }), 400).error.message).toMatch(/^roleId - /);
  });
});
