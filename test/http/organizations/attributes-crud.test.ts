import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";

// Orgs / Attributes and their options: create (each type), list, get, update, delete, option CRUD, validation,
// slug uniqueness per organization, and attributes/options reached only through their own organization.

interface Attribute {
  id: string;
  teamId: number;
  type: string;
  name: string;
  slug: string;
  enabled: boolean;
  usersCanEditRelation: boolean;
}
interface Option {
  id: string;
  attributeId: string;
  value: string;
  slug: string;
}

let org: OrganizationFixture;
let other: OrganizationFixture;
let admin: OrgMember;
let member: OrgMember;

const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const base = () => `/v2/organizations/${org.organizationId}/attributes`;
const create = (body: Record<string, unknown>, key = admin.apiKey) => api(base(), { key, body });

beforeAll(async () => {
  [org, other] = await Promise.all([createOrganization(), createOrganization()]);
  [admin, member] = await Promise.all([org.addMember("ADMIN"), org.addMember("MEMBER")]);
  await api(base(), { key: admin.apiKey });
}, 120_000);

describe("attributes", () => {
  it("creates each type; select types get their options, TEXT and NUMBER ignore them", async () => {
    const options = [
      { value: "Engineering", slug: "engineering" },
      { value: "Sales", slug: "sales" },
    ];
    const created: Record<string, Attribute> = {};
    for (const type of ["TEXT", "NUMBER", "SINGLE_SELECT", "MULTI_SELECT"]) {
      const res = await create({ name: `Attr ${type}`, slug: `attr-${type.toLowerCase()}`, type, options, extra: "dropped" });
      expectContract("OrganizationsAttributesController_createOrganizationAttribute", 201, res.body);
      created[type] = dataOf<Attribute>(res, 201);
      expect(created[type]).toEqual({
        id: expect.any(String),
        teamId: org.organizationId,
        type,
        name: `Attr ${type}`,
        slug: `attr-${type.toLowerCase()}`,
        enabled: true,
        usersCanEditRelation: false,
      });
    }
    for (const [type, count] of [
      ["TEXT", 0],
      ["NUMBER", 0],
      ["SINGLE_SELECT", 2],
      ["MULTI_SELECT", 2],
    ] as const) {
      const res = await api(`${base()}/${created[type]!.id}/options`, { key: member.apiKey });
      expectContract("OrganizationsAttributesOptionsController_getOrganizationAttributeOptions", 200, res.body);
      expect(dataOf<Option[]>(res).length).toBe(count);
    }
    const disabled = dataOf<Attribute>(await create({ name: "Hidden", slug: "hidden", type: "TEXT", options: [], enabled: false }), 201);
    expect(disabled.enabled).toBe(false);
  });

  it("lists the organization's attributes (paginated) to a member; another org's are not there", async () => {
    await api(`/v2/organizations/${other.organizationId}/attributes`, {
      key: other.owner.apiKey,
      body: { name: "Other", slug: "other-only", type: "TEXT", options: [] },
    });
    const res = await api(base(), { key: member.apiKey });
    expectContract("OrganizationsAttributesController_getOrganizationAttributes", 200, res.body);
    const all = dataOf<Attribute[]>(res);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((a) => a.teamId === org.organizationId)).toBe(true);
    expect(all.map((a) => a.slug)).not.toContain("other-only");
    const page = dataOf<Attribute[]>(await api(`${base()}?take=2&skip=1`, { key: member.apiKey }));
    expect(page.map((a) => a.id)).toEqual(all.slice(1, 3).map((a) => a.id));
    expectError(await api(`${base()}?take=0`, { key: member.apiKey }), 400);
  });

  it("gets one; an unknown id or another org's attribute is a 404", async () => {
    const attr = dataOf<Attribute>(await create({ name: "Get me", slug: "get-me", type: "TEXT", options: [] }), 201);
    const res = await api(`${base()}/${attr.id}`, { key: member.apiKey });
    expectContract("OrganizationsAttributesController_getOrganizationAttribute", 200, res.body);
    expect(dataOf<Attribute>(res)).toEqual(attr);
    expect(expectError(await api(`${base()}/${crypto.randomUUID()}`, { key: member.apiKey }), 404).error.message).toBe("Attribute not found");
    const foreign = dataOf<Attribute>(
      await api(`/v2/organizations/${other.organizationId}/attributes`, {
        key: other.owner.apiKey,
        body: { name: "Foreign", slug: "foreign", type: "SINGLE_SELECT", options: [{ value: "X", slug: "x" }] },
      }),
      201,
    );
    for (const [method, path, body] of [
      ["GET", `${base()}/${foreign.id}`, undefined],
      ["PATCH", `${base()}/${foreign.id}`, { name: "Hijacked" }],
      ["DELETE", `${base()}/${foreign.id}`, undefined],
      ["GET", `${base()}/${foreign.id}/options`, undefined],
      ["POST", `${base()}/${foreign.id}/options`, { value: "Y", slug: "y" }],
    ] as const) {
      const r = await api(path, { method, key: org.owner.apiKey, ...(body ? { body } : {}) });
      expect(expectError(r, 404).error.message).toBe("Attribute not found");
    }
    const [row] = await sql<{ name: string; options: number }>`
      SELECT a."name", (SELECT count(*)::int FROM "AttributeOption" o WHERE o."attributeId" = a."id") AS "options"
      FROM "Attribute" a WHERE a."id" = ${foreign.id}`;
    expect(row).toEqual({ name: "Foreign", options: 1 });
  });

  it("updates what the body names; a taken slug is a 409, its own slug is fine", async () => {
    const attr = dataOf<Attribute>(await create({ name: "Before", slug: "before", type: "TEXT", options: [] }), 201);
    await create({ name: "Taken", slug: "taken", type: "TEXT", options: [] });
    const res = await api(`${base()}/${attr.id}`, { method: "PATCH", key: admin.apiKey, body: { name: "After", enabled: false, slug: "before" } });
    expectContract("OrganizationsAttributesController_updateOrganizationAttribute", 200, res.body);
    expect(dataOf<Attribute>(res)).toMatchObject({ id: attr.id, name: "After", slug: "before", enabled: false, type: "TEXT" });
    const taken = await api(`${base()}/${attr.id}`, { method: "PATCH", key: admin.apiKey, body: { slug: "taken" } });
    expect(expectError(taken, 409).error.message).toBe("Attribute with slug taken already exists in this organization.");
    expectError(await api(`${base()}/${attr.id}`, { method: "PATCH", key: admin.apiKey, body: { type: "COLOR" } }), 400);
  });

  it("type changes: refused while options are assigned (409), to NUMBER only with numeric options (400)", async () => {
    const multi = dataOf<Attribute>(await create({ name: "Langs", slug: "langs", type: "MULTI_SELECT", options: [{ value: "Go", slug: "go" }] }), 201);
    const [go] = dataOf<Option[]>(await api(`${base()}/${multi.id}/options`, { key: admin.apiKey }));
    expectError(await api(`${base()}/${multi.id}`, { method: "PATCH", key: admin.apiKey, body: { type: "NUMBER" } }), 400);
    dataOf(await api(`${base()}/options/${member.userId}`, { key: admin.apiKey, body: { attributeId: multi.id, attributeOptionId: go!.id } }), 201);
    const res = await api(`${base()}/${multi.id}`, { method: "PATCH", key: admin.apiKey, body: { type: "SINGLE_SELECT" } });
    expect(expectError(res, 409).error.message).toBe("Attribute type cannot be changed while its options are assigned to users.");
    dataOf(await api(`${base()}/${multi.id}`, { method: "PATCH", key: admin.apiKey, body: { type: "MULTI_SELECT", name: "Languages" } }));
    const num = dataOf<Attribute>(await create({ name: "Years", slug: "years", type: "NUMBER", options: [] }), 201);
    expect(expectError(await api(`${base()}/${num.id}/options`, { key: admin.apiKey, body: { value: "ten", slug: "ten" } }), 400).error.message).toBe(
      "value must be a number for a NUMBER attribute",
    );
    dataOf(await api(`${base()}/${num.id}/options`, { key: admin.apiKey, body: { value: "10", slug: "10" } }), 201);
  });

  it("a slug is unique per organization (409), not across organizations", async () => {
    await create({ name: "Dept", slug: "dept", type: "TEXT", options: [] });
    expect(expectError(await create({ name: "Dept 2", slug: "dept", type: "NUMBER", options: [] }), 409).error.message).toBe(
      "Attribute with slug dept already exists in this organization.",
    );
    const elsewhere = await api(`/v2/organizations/${other.organizationId}/attributes`, {
      key: other.owner.apiKey,
      body: { name: "Dept", slug: "dept", type: "TEXT", options: [] },
    });
    dataOf(elsewhere, 201);
  });

  it("deletes the attribute with its options; then it is gone", async () => {
    const attr = dataOf<Attribute>(await create({ name: "Doomed", slug: "doomed", type: "MULTI_SELECT", options: [{ value: "A", slug: "a" }] }), 201);
    const res = await api(`${base()}/${attr.id}`, { method: "DELETE", key: admin.apiKey });
    expectContract("OrganizationsAttributesController_deleteOrganizationAttribute", 200, res.body);
    expect(dataOf<Attribute>(res).id).toBe(attr.id);
    expectError(await api(`${base()}/${attr.id}`, { key: admin.apiKey }), 404);
    const [row] = await sql<{ n: number }>`SELECT count(*)::int AS "n" FROM "AttributeOption" WHERE "attributeId" = ${attr.id}`;
    expect(row?.n).toBe(0);
  });

  it("validation: 400 naming the fields", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ slug: "s", type: "TEXT", options: [] }, "name"],
      [{ name: "n", type: "TEXT", options: [] }, "slug"],
      [{ name: "n", slug: "s", type: "DATE", options: [] }, "type"],
      [{ name: "n", slug: "s", type: "TEXT" }, "options"],
      [{ name: "n", slug: "s", type: "SINGLE_SELECT", options: [{ value: "v" }] }, "slug"],
      [{ name: "  ", slug: "s", type: "TEXT", options: [] }, "name"],
      [{ name: "n", slug: "s", type: "TEXT", options: [], enabled: "yes" }, "enabled"],
    ];
    for (const [body, field] of cases) expect(expectError(await create(body), 400).error.message).toContain(field);
  });
});

describe("options", () => {
  let attr: Attribute;
  beforeAll(async () => {
    attr = dataOf<Attribute>(await create({ name: "Region", slug: "region", type: "SINGLE_SELECT", options: [{ value: "EU", slug: "eu" }] }), 201);
  });
  const options = () => `${base()}/${attr.id}/options`;

  it("creates, updates, lists and deletes an option", async () => {
    const res = await api(options(), { key: admin.apiKey, body: { value: "US", slug: "us" } });
    expectContract("OrganizationsAttributesOptionsController_createOrganizationAttributeOption", 201, res.body);
    const us = dataOf<Option>(res, 201);
    expect(us).toEqual({ id: expect.any(String), attributeId: attr.id, value: "US", slug: "us" });
    const patched = await api(`${options()}/${us.id}`, { method: "PATCH", key: admin.apiKey, body: { value: "USA" } });
    expectContract("OrganizationsAttributesOptionsController_updateOrganizationAttributeOption", 200, patched.body);
    expect(dataOf<Option>(patched)).toEqual({ ...us, value: "USA" });
    expect(dataOf<Option[]>(await api(options(), { key: member.apiKey })).map((o) => o.value)).toEqual(expect.arrayContaining(["EU", "USA"]));
    const deleted = await api(`${options()}/${us.id}`, { method: "DELETE", key: admin.apiKey });
    expectContract("OrganizationsAttributesOptionsController_deleteOrganizationAttributeOption", 200, deleted.body);
    expect(dataOf<Option>(deleted).id).toBe(us.id);
    expect(expectError(await api(`${options()}/${us.id}`, { method: "DELETE", key: admin.apiKey }), 404).error.message).toBe("Attribute option not found");
  });

  it("an option of another attribute through this attribute's path is a 404", async () => {
    const otherAttr = dataOf<Attribute>(await create({ name: "Level", slug: "level", type: "MULTI_SELECT", options: [{ value: "L1", slug: "l1" }] }), 201);
    const [levelOption] = dataOf<Option[]>(await api(`${base()}/${otherAttr.id}/options`, { key: admin.apiKey }));
    for (const method of ["PATCH", "DELETE"] as const) {
      const res = await api(`${options()}/${levelOption!.id}`, { method, key: admin.apiKey, ...(method === "PATCH" ? { body: { value: "x" } } : {}) });
      expect(expectError(res, 404).error.message).toBe("Attribute option not found");
    }
    const [row] = await sql<{ value: string }>`SELECT "value" FROM "AttributeOption" WHERE "id" = ${levelOption!.id}`;
    expect(row?.value).toBe("L1");
  });

  it("validation", async () => {
    expect(expectError(await api(options(), { key: admin.apiKey, body: { value: "v" } }), 400).error.message).toContain("slug");
    expect(expectError(await api(options(), { key: admin.apiKey, body: { slug: "s", value: 3 } }), 400).error.message).toContain("value");
  });
});
