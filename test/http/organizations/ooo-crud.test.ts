import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";

// Orgs / Users / OOO: create, list (sorting, pagination, org-wide with the email filter), update, delete, and
// Cal.com's checks in order (v2/modules/ooo/services/ooo.service.ts), plus overlapping entries refused (ours).

interface Ooo {
  id: number;
  uuid: string;
  userId: number;
  toUserId: number | null;
  start: string;
  end: string;
  notes: string | null;
  reason: string;
}

let org: OrganizationFixture;
let admin: OrgMember;
let alice: OrgMember;
let bob: OrgMember;
let carol: OrgMember;

const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const userPath = (userId: number) => `/v2/organizations/${org.organizationId}/users/${userId}/ooo`;
const create = (userId: number, body: Record<string, unknown>) => api(userPath(userId), { key: admin.apiKey, body });

beforeAll(async () => {
  org = await createOrganization();
  [admin, alice, bob, carol] = await Promise.all([org.addMember("ADMIN"), org.addMember("MEMBER"), org.addMember("MEMBER"), org.addMember("MEMBER")]);
  // The first request compiles Prisma's wasm: paid here, not by the first test.
  await api(`/v2/organizations/${org.organizationId}/ooo`, { key: admin.apiKey });
}, 120_000);

describe("create", () => {
  it("201 with whole UTC days, the reason mapped to its seeded id, and the contract's shape", async () => {
    const res = await create(alice.userId, {
      start: "2030-01-10T15:30:00Z",
      end: "2030-01-12T08:00:00.000Z",
      notes: "Skiing",
      reason: "vacation",
      toUserId: bob.userId,
      unknownField: "dropped",
    });
    expectContract("OrganizationsUsersOOOController_createOrganizationUserOOO", 201, res.body);
    const ooo = dataOf<Ooo>(res, 201);
    expect(ooo).toMatchObject({
      userId: alice.userId,
      toUserId: bob.userId,
      start: "2030-01-10T00:00:00.000Z",
      end: "2030-01-12T23:59:59.999Z",
      notes: "Skiing",
      reason: "vacation",
    });
    expect(ooo.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await sql<{ reasonId: number }>`SELECT "reasonId" FROM "OutOfOfficeEntry" WHERE "id" = ${ooo.id}`;
    expect(row?.reasonId).toBe(2);
  });

  it("without reason: unspecified; without toUserId and notes: null", async () => {
    const ooo = dataOf<Ooo>(await create(alice.userId, { start: "2030-02-01T00:00:00Z", end: "2030-02-01T00:00:00Z" }), 201);
    expect(ooo).toMatchObject({ reason: "unspecified", toUserId: null, notes: null, end: "2030-02-01T23:59:59.999Z" });
  });

  it("checks in Cal.com's order: start after end 400, the same dates 409, an overlap 409 (ours), self 400, no shared team 400", async () => {
    expect(expectError(await create(alice.userId, { start: "2030-03-05T00:00:00Z", end: "2030-03-04T00:00:00Z" }), 400).error.message).toBe(
      "Start date must be before end date.",
    );
    expect(expectError(await create(alice.userId, { start: "2030-02-01T10:00:00Z", end: "2030-02-01T11:00:00Z" }), 409).error.message).toBe(
      "Ooo entry already exists.",
    );
    const overlap = expectError(await create(alice.userId, { start: "2030-01-12T00:00:00Z", end: "2030-01-14T00:00:00Z" }), 409);
    expect(overlap.error.message).toMatch(/^Ooo entry overlaps the existing out-of-office entry with id=\d+ of this user\.$/);
    expect(
      expectError(await create(alice.userId, { start: "2030-04-01T00:00:00Z", end: "2030-04-02T00:00:00Z", toUserId: alice.userId }), 400).error.message,
    ).toBe("Cannot redirect to self.");
    // A user of another organization shares no team with alice.
    const other = await createOrganization();
    expect(
      expectError(await create(alice.userId, { start: "2030-04-01T00:00:00Z", end: "2030-04-02T00:00:00Z", toUserId: other.owner.userId }), 400).error.message,
    ).toBe("Cannot redirect to this user.");
    expect(
      expectError(await create(alice.userId, { start: "2030-04-01T00:00:00Z", end: "2030-04-02T00:00:00Z", toUserId: 2147483647 }), 400).error.message,
    ).toBe("Cannot redirect to this user.");
  });

  it("a redirect loop is refused: bob cannot be away redirecting to alice while alice redirects to bob", async () => {
    // alice → bob over 10-12 January (first test).
    expect(
      expectError(await create(bob.userId, { start: "2030-01-11T00:00:00Z", end: "2030-01-11T00:00:00Z", toUserId: alice.userId }), 400).error.message,
    ).toBe("Booking redirect infinite not allowed.");
    // Cal.com: without toUserId, any overlapping entry redirecting to bob is enough.
    expect(expectError(await create(bob.userId, { start: "2030-01-12T00:00:00Z", end: "2030-01-13T00:00:00Z" }), 400).error.message).toBe(
      "Booking redirect infinite not allowed.",
    );
    // Outside alice's dates it is fine.
    dataOf(await create(bob.userId, { start: "2030-01-13T00:00:00Z", end: "2030-01-13T00:00:00Z", toUserId: alice.userId }), 201);
  });

  it("two concurrent overlapping entries of one user: one 201, one 409", async () => {
    const body = { start: "2031-06-01T00:00:00Z", end: "2031-06-05T00:00:00Z" };
    const results = await Promise.all([create(carol.userId, body), create(carol.userId, { ...body, start: "2031-06-03T00:00:00Z" })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe("list, update, delete", () => {
  let user: OrgMember;
  let ids: number[];

  beforeAll(async () => {
    user = await org.addMember("MEMBER", { email: `Mixed-${Date.now()}@Example.com` });
    ids = [];
    for (const [start, end] of [
      ["2032-01-05", "2032-01-20"],
      ["2032-01-01", "2032-01-03"],
      ["2032-01-21", "2032-01-22"],
    ]) {
      ids.push(dataOf<Ooo>(await create(user.userId, { start: `${start}T00:00:00Z`, end: `${end}T00:00:00Z` }), 201).id);
    }
  });

  it("lists in id order by default; sortStart, sortEnd (which wins over sortStart), skip and take", async () => {
    const list = async (query: string) => {
      const res = await api(`${userPath(user.userId)}${query}`, { key: admin.apiKey });
      expectContract("OrganizationsUsersOOOController_getOrganizationUserOOO", 200, res.body);
      return dataOf<Ooo[]>(res).map((o) => o.id);
    };
    expect(await list("")).toEqual(ids);
    expect(await list("?sortStart=asc")).toEqual([ids[1], ids[0], ids[2]]);
    expect(await list("?sortStart=desc")).toEqual([ids[2], ids[0], ids[1]]);
    expect(await list("?sortEnd=desc&sortStart=asc")).toEqual([ids[2], ids[0], ids[1]]);
    expect(await list("?sortStart=asc&skip=1&take=1")).toEqual([ids[0]]);
  });

  it("the org-wide list holds every member's entries; email filters (case-insensitive), and a stranger's email finds nothing", async () => {
    const res = await api(`/v2/organizations/${org.organizationId}/ooo?take=250`, { key: admin.apiKey });
    expectContract("OrganizationsUsersOOOController_getOrganizationUsersOOO", 200, res.body);
    const all = dataOf<Ooo[]>(res);
    expect(new Set(all.map((o) => o.userId))).toEqual(new Set([alice.userId, bob.userId, carol.userId, user.userId]));
    const byEmail = dataOf<Ooo[]>(
      await api(`/v2/organizations/${org.organizationId}/ooo?sortStart=asc&email=${encodeURIComponent(user.email.toLowerCase())}`, { key: admin.apiKey }),
    );
    expect(byEmail.map((o) => o.id)).toEqual([ids[1], ids[0], ids[2]]);
    expect(dataOf<Ooo[]>(await api(`/v2/organizations/${org.organizationId}/ooo?email=nobody%40example.com`, { key: admin.apiKey }))).toEqual([]);
  });

  it("PATCH changes only the fields sent; resending its own dates is not a 409; start without end is a 400", async () => {
    const path = `${userPath(user.userId)}/${ids[0]}`;
    const res = await api(path, { method: "PATCH", key: admin.apiKey, body: { notes: "Conference", reason: "travel" } });
    expectContract("OrganizationsUsersOOOController_updateOrganizationUserOOO", 200, res.body);
    expect(dataOf<Ooo>(res)).toMatchObject({ notes: "Conference", reason: "travel", start: "2032-01-05T00:00:00.000Z", end: "2032-01-20T23:59:59.999Z" });
    expect(
      dataOf<Ooo>(
        await api(path, { method: "PATCH", key: admin.apiKey, body: { start: "2032-01-05T09:00:00Z", end: "2032-01-20T09:00:00Z", toUserId: alice.userId } }),
      ),
    ).toMatchObject({ toUserId: alice.userId, notes: "Conference" });
    expect(expectError(await api(path, { method: "PATCH", key: admin.apiKey, body: { start: "2032-01-06T00:00:00Z" } }), 400).error.message).toBe(
      "Please specify both ooo start and end time.",
    );
    expect(
      expectError(await api(path, { method: "PATCH", key: admin.apiKey, body: { start: "2032-01-02T00:00:00Z", end: "2032-01-06T00:00:00Z" } }), 409).error
        .message,
    ).toContain(`id=${ids[1]}`);
    expect(expectError(await api(path, { method: "PATCH", key: admin.apiKey, body: { toUserId: user.userId } }), 400).error.message).toBe(
      "Cannot redirect to self.",
    );
  });

  it("DELETE answers the deleted entry; a second DELETE is IsUserOOO's 403", async () => {
    const path = `${userPath(user.userId)}/${ids[2]}`;
    const res = await api(path, { method: "DELETE", key: admin.apiKey });
    expectContract("OrganizationsUsersOOOController_deleteOrganizationUserOOO", 200, res.body);
    expect(dataOf<Ooo>(res)).toMatchObject({ id: ids[2], userId: user.userId });
    expect(expectError(await api(path, { method: "DELETE", key: admin.apiKey }), 403, "ForbiddenException").error.message).toBe(
      "This OOO entry does not belong to this user.",
    );
  });
});
