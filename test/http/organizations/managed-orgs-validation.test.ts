import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../helpers/api";
import { createManagedOrganizationViaApi, createOrganization, type OrganizationFixture, sql, unique } from "../../helpers/fixtures";

// Bad input on the Managed Orgs routes: a 400 naming the field, and nothing written.

let manager: OrganizationFixture;
let managedId: number;
const base = () => `/v2/organizations/${manager.organizationId}/organizations`;

beforeAll(async () => {
  manager = await createOrganization({ isPlatform: true });
  managedId = (await createManagedOrganizationViaApi(manager.owner.apiKey, manager.organizationId)).id;
});

const expect400 = (res: Awaited<ReturnType<typeof api>>, field: string) => {
  expect(expectError(res, 400, "BadRequestException").error.message).toContain(field);
};

describe("POST", () => {
  it.each([
    ["name", {}],
    ["name", { name: "   " }],
    ["name", { name: 7 }],
    ["slug", { name: "Ok", slug: "Not A Slug" }],
    ["apiKeyDaysValid", { name: "Ok", apiKeyDaysValid: 0 }],
    ["apiKeyDaysValid", { name: "Ok", apiKeyDaysValid: 1.5 }],
    ["apiKeyNeverExpires", { name: "Ok", apiKeyNeverExpires: "yes" }],
    ["metadata", { name: "Ok", metadata: { nested: { no: true } } }],
    ["metadata", { name: "Ok", metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }],
  ])("400 naming %s", async (field, body) => {
    expect400(await api(base(), { key: manager.owner.apiKey, body }), field);
  });

  it("a name that gives no slug needs a slug", async () => {
    const name = `!!! ${unique()}`.replace(/[a-z0-9-]/g, "!");
    expect400(await api(base(), { key: manager.owner.apiKey, body: { name } }), "slug");
    expect(await sql`SELECT 1 FROM "Team" WHERE "name" = ${name}`).toEqual([]);
  });

  it("a non-numeric orgId is a 400", async () => {
    expect400(await api("/v2/organizations/abc/organizations", { key: manager.owner.apiKey, body: { name: "Ok" } }), "orgId");
  });
});

describe("GET list", () => {
  it.each([
    ["metadataValue", "?metadataKey=tier"],
    ["metadataKey", "?metadataValue=gold"],
    ["take", "?take=0"],
    ["take", "?take=251"],
    ["skip", "?skip=-1"],
  ])("400 naming %s", async (field, query) => {
    expect400(await api(`${base()}${query}`, { key: manager.owner.apiKey }), field);
  });
});

describe("PATCH and the id routes", () => {
  it("PATCH: an empty name or bad metadata is a 400 and changes nothing", async () => {
    expect400(await api(`${base()}/${managedId}`, { method: "PATCH", key: manager.owner.apiKey, body: { name: "" } }), "name");
    expect400(await api(`${base()}/${managedId}`, { method: "PATCH", key: manager.owner.apiKey, body: { metadata: ["a"] } }), "metadata");
    const [row] = await sql<{ name: string }>`SELECT "name" FROM "Team" WHERE "id" = ${managedId}`;
    expect(row?.name).not.toBe("");
  });

  it("a non-numeric or out-of-range managedOrganizationId is a 400", async () => {
    expect400(await api(`${base()}/abc`, { key: manager.owner.apiKey }), "managedOrganizationId");
    expect400(await api(`${base()}/99999999999`, { method: "DELETE", key: manager.owner.apiKey }), "managedOrganizationId");
  });
});
