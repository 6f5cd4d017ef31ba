import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import {
  createManagedOrganizationViaApi,
  createOAuthClient,
  createOrganization,
  createTeam,
  type OrganizationFixture,
  type OrgMember,
  sql,
  unique,
} from "../../helpers/fixtures";

// Managed Orgs: a platform organization (SCALE) creates, lists, reads, changes and deletes its own platform
// organizations; each creation hands the caller an API key scoped to the new organization.

let manager: OrganizationFixture;
let admin: OrgMember;
let otherManager: OrganizationFixture;

const DAY_MS = 86_400_000;
const base = () => `/v2/organizations/${manager.organizationId}/organizations`;
const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const slugTaken = (slug: string) =>
  `Organization with slug '${slug}' already exists. Please, either provide a different slug or change name so that the automatically generated slug is different.`;

beforeAll(async () => {
  [manager, otherManager] = await Promise.all([createOrganization({ isPlatform: true }), createOrganization({ isPlatform: true })]);
  admin = await manager.addMember("ADMIN");
  // The first request compiles Prisma's wasm: out of the first test's time.
  await api(base(), { key: admin.apiKey });
});

describe("POST /v2/organizations/{orgId}/organizations", () => {
  it("creates a platform organization managed by the caller's, with the caller as OWNER, billing and an API key", async () => {
    const name = `Acme Ünit ${unique()}`;
    const res = await api(base(), { key: admin.apiKey, body: { name, metadata: { customer: "acme", seats: 5 } } });
    const created = dataOf<{ id: number; name: string; slug: string; apiKey: string; metadata: unknown }>(res, 201);
    expectContract("OrganizationsOrganizationsController_createOrganization", 201, res.body);
    expect(created).toEqual({
      id: expect.any(Number),
      name,
      slug: name.toLowerCase().replace("ü", "u").replace(/ /g, "-"),
      metadata: { customer: "acme", seats: 5 },
      apiKey: expect.stringMatching(/^cal_[0-9a-f]{32}$/),
    });

    const [team] = await sql`SELECT "isOrganization", "isPlatform", "parentId" FROM "Team" WHERE "id" = ${created.id}`;
    expect(team).toEqual({ isOrganization: true, isPlatform: true, parentId: null });
    expect(await sql`SELECT "managerOrganizationId" FROM "ManagedOrganization" WHERE "managedOrganizationId" = ${created.id}`).toEqual([
      { managerOrganizationId: manager.organizationId },
    ]);
    expect(await sql`SELECT "userId", "role"::text AS role, "accepted" FROM "Membership" WHERE "teamId" = ${created.id}`).toEqual([
      { userId: admin.userId, role: "OWNER", accepted: true },
    ]);
    expect(await sql`SELECT "userId", "username" FROM "Profile" WHERE "organizationId" = ${created.id}`).toEqual([
      { userId: admin.userId, username: admin.username },
    ]);
    // Billing inherits the manager's plan and subscription.
    expect(await sql`SELECT "plan", "subscriptionId" FROM "PlatformBilling" WHERE "id" = ${created.id}`).toEqual([
      { plan: "SCALE", subscriptionId: `sub_${manager.slug}` },
    ]);
    const keys = await sql<{
      userId: number;
      note: string;
      expiresAt: Date;
    }>`SELECT "userId", "note", "expiresAt" FROM "ApiKey" WHERE "teamId" = ${created.id}`;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      userId: admin.userId,
      note: `Managed organization API key. ManagerOrgId: ${manager.organizationId}. ManagedOrgId: ${created.id}`,
    });
    expect(Math.abs(new Date(keys[0]!.expiresAt).getTime() - (Date.now() + 30 * DAY_MS))).toBeLessThan(60_000);
  });

  it("the returned key authenticates and acts within the managed organization", async () => {
    const managed = await createManagedOrganizationViaApi(admin.apiKey, manager.organizationId);
    expect(dataOf<{ id: number; organizationId: number | null }>(await api("/v2/me", { key: managed.apiKey }))).toMatchObject({ id: admin.userId });
    // Platform routes take the organization from the key: an OAuth client made with it belongs to the managed org.
    const client = await createOAuthClient(managed.apiKey);
    expect(await sql`SELECT "organizationId" FROM "PlatformOAuthClient" WHERE "id" = ${client.clientId}`).toEqual([{ organizationId: managed.id }]);
    // And the org routes of the managed organization answer it (its owner, on the inherited SCALE plan).
    const res = await api(`/v2/organizations/${managed.id}/organizations`, { key: managed.apiKey });
    expect(dataOf(res)).toEqual([]);
  });

  it("apiKeyDaysValid and apiKeyNeverExpires set the key's expiry", async () => {
    const sixty = await createManagedOrganizationViaApi(admin.apiKey, manager.organizationId, { apiKeyDaysValid: 60 });
    const never = await createManagedOrganizationViaApi(admin.apiKey, manager.organizationId, { apiKeyNeverExpires: true, apiKeyDaysValid: 5 });
    const [sixtyKey] = await sql<{ expiresAt: Date }>`SELECT "expiresAt" FROM "ApiKey" WHERE "teamId" = ${sixty.id}`;
    expect(Math.abs(new Date(sixtyKey!.expiresAt).getTime() - (Date.now() + 60 * DAY_MS))).toBeLessThan(60_000);
    expect(await sql`SELECT "expiresAt" FROM "ApiKey" WHERE "teamId" = ${never.id}`).toEqual([{ expiresAt: null }]);
  });

  it("a slug taken among the manager's organizations is a 409 and creates nothing", async () => {
    const slug = unique("taken");
    await createManagedOrganizationViaApi(admin.apiKey, manager.organizationId, { slug });
    const name = unique("Second");
    const res = await api(base(), { key: admin.apiKey, body: { name, slug } });
    expect(expectError(res, 409, "ConflictException").error.message).toBe(slugTaken(slug));
    expect(await sql`SELECT 1 FROM "Team" WHERE "name" = ${name}`).toEqual([]);
    // A name whose derived slug is taken: the same 409, naming the derived slug.
    const named = await createManagedOrganizationViaApi(admin.apiKey, manager.organizationId);
    expect(expectError(await api(base(), { key: admin.apiKey, body: { name: named.name } }), 409).error.message).toBe(slugTaken(named.slug));
  });

  it("a slug taken by any other organization or standalone team is a 409 too (slugs are unique outside organizations)", async () => {
    const other = await createManagedOrganizationViaApi(otherManager.owner.apiKey, otherManager.organizationId);
    expect(expectError(await api(base(), { key: admin.apiKey, body: { name: "Copy", slug: other.slug } }), 409).error.message).toBe(slugTaken(other.slug));
    const team = await createTeam();
    expect(expectError(await api(base(), { key: admin.apiKey, body: { name: "Copy", slug: team.slug } }), 409).error.message).toBe(slugTaken(team.slug));
  });

  it("two concurrent creates with one slug: one 201, one 409, one organization", async () => {
    const slug = unique("race");
    const answers = await Promise.all([1, 2].map((n) => api(base(), { key: admin.apiKey, body: { name: `Race ${n}`, slug } })));
    expect(answers.map((res) => res.status).sort()).toEqual([201, 409]);
    expect(await sql`SELECT 1 FROM "Team" WHERE "slug" = ${slug}`).toHaveLength(1);
  });

  it("OAuth client credentials of the manager act as its owner", async () => {
    const client = await createOAuthClient(manager.owner.apiKey);
    const res = await api(base(), { headers: client.headers, body: { name: unique("ViaClient") } });
    const created = dataOf<{ id: number }>(res, 201);
    expect(await sql`SELECT "userId", "role"::text AS role FROM "Membership" WHERE "teamId" = ${created.id}`).toEqual([
      { userId: manager.owner.userId, role: "OWNER" },
    ]);
  });

  it("a non-platform manager gets Cal.com's 403", async () => {
    const regular = await createOrganization();
    const res = await api(`/v2/organizations/${regular.organizationId}/organizations`, { key: regular.owner.apiKey, body: { name: "Nope" } });
    expect(expectError(res, 403, "ForbiddenException").error.message).toBe(
      "Manager organization must be a platform organization. Normal organizations can't create managed organizations yet.",
    );
  });
});

describe("GET /v2/organizations/{orgId}/organizations", () => {
  let lister: OrganizationFixture;
  let ids: number[];
  const tag = unique("tag");

  beforeAll(async () => {
    lister = await createOrganization({ isPlatform: true });
    const made = [];
    for (const metadata of [
      { tag, tier: "gold" },
      { tag, tier: "silver", seats: 10 },
      { tier: "gold", active: true },
    ]) {
      made.push(await createManagedOrganizationViaApi(lister.owner.apiKey, lister.organizationId, { metadata }));
    }
    ids = made.map((m) => m.id);
    await createManagedOrganizationViaApi(otherManager.owner.apiKey, otherManager.organizationId, { metadata: { tag } });
  });

  const list = (query = "") => api(`/v2/organizations/${lister.organizationId}/organizations${query}`, { key: lister.owner.apiKey });

  it("lists the manager's organizations by id with pagination meta (another manager's are not listed)", async () => {
    const res = await list();
    expect(dataOf<{ id: number }[]>(res).map((o) => o.id)).toEqual(ids);
    expectContract("OrganizationsOrganizationsController_getOrganizations", 200, res.body);
    expect(res.body.pagination).toEqual({
      totalItems: 3,
      remainingItems: 0,
      returnedItems: 3,
      itemsPerPage: 250,
      currentPage: 1,
      totalPages: 1,
      hasNextPage: false,
      hasPreviousPage: false,
    });
    const page = await list("?take=1&skip=1");
    expect(dataOf<{ id: number }[]>(page).map((o) => o.id)).toEqual([ids[1]]);
    expect(page.body.pagination).toMatchObject({ totalItems: 3, returnedItems: 1, remainingItems: 1, currentPage: 2, totalPages: 3, hasNextPage: true });
  });

  it("filters by slug and by one metadata entry (numbers and booleans match their text)", async () => {
    const [first] = dataOf<{ slug: string }[]>(await list());
    expect(dataOf<{ id: number }[]>(await list(`?slug=${first!.slug}`)).map((o) => o.id)).toEqual([ids[0]]);
    expect(dataOf<{ id: number }[]>(await list(`?metadataKey=tag&metadataValue=${tag}`)).map((o) => o.id)).toEqual([ids[0], ids[1]]);
    expect(dataOf<{ id: number }[]>(await list("?metadataKey=tier&metadataValue=gold")).map((o) => o.id)).toEqual([ids[0], ids[2]]);
    expect(dataOf<{ id: number }[]>(await list("?metadataKey=seats&metadataValue=10")).map((o) => o.id)).toEqual([ids[1]]);
    expect(dataOf<{ id: number }[]>(await list("?metadataKey=active&metadataValue=true")).map((o) => o.id)).toEqual([ids[2]]);
    // Case-sensitive, exact.
    const none = await list("?metadataKey=tier&metadataValue=Gold");
    expect(dataOf(none)).toEqual([]);
    expect(none.body.pagination).toMatchObject({ totalItems: 0, currentPage: 0, totalPages: 0 });
  });
});

describe("GET, PATCH and DELETE /v2/organizations/{orgId}/organizations/{managedOrganizationId}", () => {
  it("GET answers the organization", async () => {
    const managed = await createManagedOrganizationViaApi(admin.apiKey, manager.organizationId, { metadata: { a: "b" } });
    const res = await api(`${base()}/${managed.id}`, { key: admin.apiKey });
    expect(dataOf(res)).toEqual({ id: managed.id, name: managed.name, slug: managed.slug, metadata: { a: "b" } });
    expectContract("OrganizationsOrganizationsController_getOrganization", 200, res.body);
  });

  it("PATCH changes the name and replaces the metadata; the slug does not change", async () => {
    const managed = await createManagedOrganizationViaApi(admin.apiKey, manager.organizationId, { metadata: { a: "b" } });
    const res = await api(`${base()}/${managed.id}`, { method: "PATCH", key: admin.apiKey, body: { name: "Renamed", metadata: { c: 1 }, slug: "ignored" } });
    expect(dataOf(res)).toEqual({ id: managed.id, name: "Renamed", slug: managed.slug, metadata: { c: 1 } });
    expectContract("OrganizationsOrganizationsController_updateOrganization", 200, res.body);
    // An empty body changes nothing.
    expect(dataOf(await api(`${base()}/${managed.id}`, { method: "PATCH", key: admin.apiKey, body: {} }))).toEqual({
      id: managed.id,
      name: "Renamed",
      slug: managed.slug,
      metadata: { c: 1 },
    });
  });

  it("DELETE removes the organization with its membership, profile, billing, link, teams and API key; the key stops working at once", async () => {
    const managed = await createManagedOrganizationViaApi(admin.apiKey, manager.organizationId);
    // Use the key first, so that it sits in the auth cache.
    dataOf(await api("/v2/me", { key: managed.apiKey }));
    const [child] = await sql<{
      id: number;
    }>`INSERT INTO "Team" ("name", "slug", "parentId") VALUES ('Child', ${unique("child")}, ${managed.id}) RETURNING "id"`;
    await sql`INSERT INTO "Webhook" ("id", "teamId", "subscriberUrl") VALUES (${crypto.randomUUID()}, ${managed.id}, 'https://hooks.example.com/x')`;

    const res = await api(`${base()}/${managed.id}`, { method: "DELETE", key: admin.apiKey });
    expect(dataOf(res)).toEqual({ id: managed.id, name: managed.name, slug: managed.slug });
    expectContract("OrganizationsOrganizationsController_deleteOrganization", 200, res.body);

    expect(await sql`SELECT 1 FROM "Membership" WHERE "teamId" = ${managed.id}`).toEqual([]);
    expect(await sql`SELECT 1 FROM "Team" WHERE "id" IN (${managed.id}, ${child!.id})`).toEqual([]);
    expect(await sql`SELECT 1 FROM "Profile" WHERE "organizationId" = ${managed.id}`).toEqual([]);
    expect(await sql`SELECT 1 FROM "PlatformBilling" WHERE "id" = ${managed.id}`).toEqual([]);
    expect(await sql`SELECT 1 FROM "ManagedOrganization" WHERE "managedOrganizationId" = ${managed.id}`).toEqual([]);
    expect(await sql`SELECT 1 FROM "ApiKey" WHERE "teamId" = ${managed.id}`).toEqual([]);
    expect(await sql`SELECT 1 FROM "Webhook" WHERE "teamId" = ${managed.id}`).toEqual([]);
    expectError(await api("/v2/me", { key: managed.apiKey }), 401);
    // The manager and the caller are untouched.
    expect(await sql`SELECT 1 FROM "Membership" WHERE "teamId" = ${manager.organizationId} AND "userId" = ${admin.userId}`).toHaveLength(1);
    // Gone: the guard answers as for any organization it does not manage.
    expectError(await api(`${base()}/${managed.id}`, { key: admin.apiKey }), 403);
  });
});
