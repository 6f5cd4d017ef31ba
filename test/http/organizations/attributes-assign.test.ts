import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, type OrganizationFixture, type OrgMember, sql } from "../../helpers/fixtures";

// Assigning attribute options to org members: the rules per type, Cal.com's errors, unassign, the user's options,
// the assigned-options lists (by id and slug) with teamIds / assignedOptionIds, the org membership output's
// `attributes`, and the org users list's assignedOptionIds filter (AND / OR / NONE).

interface Option {
  id: string;
  attributeId: string;
  value: string;
  slug: string;
}
interface Assigned extends Option {
  assignedUserIds: number[];
}
interface Assignment {
  id: string;
  memberId: number;
  attributeOptionId: string;
}

let org: OrganizationFixture;
let other: OrganizationFixture;
let admin: OrgMember;
let alice: OrgMember;
let bob: OrgMember;
let carol: OrgMember;
let pending: OrgMember;
let teamId: number;
const attrs: Record<"text" | "number" | "single" | "multi", { id: string; options: Option[] }> = {} as never;

const expectContract = (operationId: string, status: number, body: unknown) => expect(contractProblems(operationId, status, body)).toEqual([]);
const base = () => `/v2/organizations/${org.organizationId}/attributes`;
const assign = (userId: number, body: Record<string, unknown>, key = admin.apiKey) => api(`${base()}/options/${userId}`, { key, body });
const unassign = (userId: number, optionId: string, key = admin.apiKey) => api(`${base()}/options/${userId}/${optionId}`, { method: "DELETE", key });
const userOptions = async (userId: number) => dataOf<Option[]>(await api(`${base()}/options/${userId}`, { key: admin.apiKey }));
const optionId = (attr: keyof typeof attrs, value: string) => attrs[attr].options.find((o) => o.value === value)!.id;

beforeAll(async () => {
  [org, other] = await Promise.all([createOrganization(), createOrganization()]);
  [admin, alice, bob, carol, pending] = await Promise.all([
    org.addMember("ADMIN"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER", { accepted: false }),
  ]);
  teamId = (await org.addTeam([{ userId: alice.userId }, { userId: carol.userId }])).teamId;
  const make = async (key: keyof typeof attrs, type: string, values: string[]) => {
    const created = await api(base(), {
      key: admin.apiKey,
      body: { name: key, slug: `slug-${key}`, type, options: values.map((value) => ({ value, slug: value.toLowerCase() })) },
    });
    const id = dataOf<{ id: string }>(created, 201).id;
    attrs[key] = { id, options: dataOf<Option[]>(await api(`${base()}/${id}/options`, { key: admin.apiKey })) };
  };
  await make("text", "TEXT", []);
  await make("number", "NUMBER", []);
  await make("single", "SINGLE_SELECT", ["Red", "Blue"]);
  await make("multi", "MULTI_SELECT", ["Go", "Rust", "Zig"]);
}, 120_000);

describe("assign", () => {
  it("a select option: 201 with the assignment; the user's options list it", async () => {
    const res = await assign(alice.userId, { attributeId: attrs.multi.id, attributeOptionId: optionId("multi", "Go") });
    expectContract("OrganizationsAttributesOptionsController_assignOrganizationAttributeOptionToUser", 201, res.body);
    const assignment = dataOf<Assignment>(res, 201);
    const [membership] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "userId" = ${alice.userId} AND "teamId" = ${org.organizationId}`;
    expect(assignment).toEqual({ id: expect.any(String), memberId: membership!.id, attributeOptionId: optionId("multi", "Go") });
    const listed = await api(`${base()}/options/${alice.userId}`, { key: alice.apiKey });
    expectContract("OrganizationsAttributesOptionsController_getOrganizationAttributeOptionsForUser", 200, listed.body);
    expect(dataOf<Option[]>(listed).map((o) => o.value)).toEqual(["Go"]);
  });

  it("MULTI_SELECT collects options; the same option twice is a 409", async () => {
    dataOf(await assign(alice.userId, { attributeId: attrs.multi.id, attributeOptionId: optionId("multi", "Rust") }), 201);
    expect((await userOptions(alice.userId)).map((o) => o.value).sort()).toEqual(["Go", "Rust"]);
    expectError(await assign(alice.userId, { attributeId: attrs.multi.id, attributeOptionId: optionId("multi", "Rust") }), 409);
  });

  it("SINGLE_SELECT replaces the previous option (Cal.com collects several)", async () => {
    dataOf(await assign(bob.userId, { attributeId: attrs.single.id, attributeOptionId: optionId("single", "Red") }), 201);
    dataOf(await assign(bob.userId, { attributeId: attrs.single.id, attributeOptionId: optionId("single", "Blue") }), 201);
    expect((await userOptions(bob.userId)).map((o) => o.value)).toEqual(["Blue"]);
  });

  it("concurrent SINGLE_SELECT assignments to one member leave exactly one option", async () => {
    const dave = await org.addMember("MEMBER");
    const [membership] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "userId" = ${dave.userId} AND "teamId" = ${org.organizationId}`;
    const results = await Promise.all(
      ["Red", "Blue", "Red", "Blue"].map((value) => assign(dave.userId, { attributeId: attrs.single.id, attributeOptionId: optionId("single", value) })),
    );
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const rows = await sql<{ n: number }>`
      SELECT count(*)::int AS "n" FROM "AttributeToUser" t JOIN "AttributeOption" o ON o."id" = t."attributeOptionId"
      WHERE t."memberId" = ${membership!.id} AND o."attributeId" = ${attrs.single.id}`;
    expect(rows[0]?.n).toBe(1);
  });

  it("TEXT and NUMBER take a value (one per user, the option reused for an equal value); a NUMBER value must be a number", async () => {
    dataOf(await assign(alice.userId, { attributeId: attrs.text.id, value: "Berlin office" }), 201);
    dataOf(await assign(alice.userId, { attributeId: attrs.text.id, value: "Paris office" }), 201);
    dataOf(await assign(bob.userId, { attributeId: attrs.text.id, value: "Paris office" }), 201);
    const aliceText = (await userOptions(alice.userId)).filter((o) => o.attributeId === attrs.text.id);
    expect(aliceText).toEqual([{ id: expect.any(String), attributeId: attrs.text.id, value: "Paris office", slug: "paris-office" }]);
    expect((await userOptions(bob.userId)).find((o) => o.attributeId === attrs.text.id)?.id).toBe(aliceText[0]!.id);
    dataOf(await assign(carol.userId, { attributeId: attrs.number.id, value: "42" }), 201);
    expect(expectError(await assign(carol.userId, { attributeId: attrs.number.id, value: "forty" }), 400).error.message).toBe(
      "value must be a number for a NUMBER attribute",
    );
  });

  it("Cal.com's errors, and ours where it answers a 500 or assigns another attribute's option", async () => {
    const cases: [number, Record<string, unknown>, number, string][] = [
      [alice.userId, { attributeId: crypto.randomUUID(), attributeOptionId: optionId("multi", "Go") }, 404, "Attribute not found"],
      [alice.userId, { attributeId: attrs.single.id, value: "Green" }, 400, "Attribute type does not support value"],
      [alice.userId, { attributeId: attrs.single.id }, 400, "attributeOptionId or value is required"],
      [alice.userId, { attributeId: attrs.single.id, attributeOptionId: optionId("multi", "Zig") }, 404, "Attribute option not found"],
      [pending.userId, { attributeId: attrs.single.id, attributeOptionId: optionId("single", "Red") }, 404, "User is not a member of the organization"],
      [
        other.owner.userId,
        { attributeId: attrs.single.id, attributeOptionId: optionId("single", "Red") },
        404,
        `Membership for user with id ${other.owner.userId} within organization id ${org.organizationId} not found`,
      ],
    ];
    for (const [userId, body, status, message] of cases) expect(expectError(await assign(userId, body), status).error.message).toBe(message);
    expect(expectError(await assign(alice.userId, { attributeOptionId: "x" }), 400).error.message).toContain("attributeId");
  });
});

describe("unassign", () => {
  it("an admin removes anyone's option; a missing assignment is Cal.com's 404", async () => {
    const zig = optionId("multi", "Zig");
    dataOf(await assign(carol.userId, { attributeId: attrs.multi.id, attributeOptionId: zig }), 201);
    const res = await unassign(carol.userId, zig);
    expectContract("OrganizationsAttributesOptionsController_unassignOrganizationAttributeOptionFromUser", 200, res.body);
    expect(dataOf<Assignment>(res).attributeOptionId).toBe(zig);
    expect(expectError(await unassign(carol.userId, zig), 404).error.message).toBe("Attribute does not belong to this user");
  });

  it("a member removes their own option but not another member's (Cal.com lets them)", async () => {
    const zig = optionId("multi", "Zig");
    dataOf(await assign(carol.userId, { attributeId: attrs.multi.id, attributeOptionId: zig }), 201);
    dataOf(await assign(bob.userId, { attributeId: attrs.multi.id, attributeOptionId: zig }), 201);
    const refused = await unassign(bob.userId, zig, carol.apiKey);
    expect(expectError(refused, 403).error.message).toContain(`RolesGuard - user with id=${carol.userId} may unassign only their own`);
    expect((await userOptions(bob.userId)).map((o) => o.value)).toContain("Zig");
    dataOf(await unassign(carol.userId, zig, carol.apiKey));
    expect((await userOptions(carol.userId)).map((o) => o.value)).not.toContain("Zig");
  });
});

describe("assigned options", () => {
  // State: alice multi{Go, Rust}, text; bob single{Blue}, multi{Zig}, text; carol number.
  it("by id and by slug: options with an assignee and their user ids", async () => {
    const byId = await api(`${base()}/${attrs.multi.id}/options/assigned`, { key: bob.apiKey });
    expectContract("OrganizationsAttributesOptionsController_getOrganizationAttributeAssignedOptions", 200, byId.body);
    const options = dataOf<Assigned[]>(byId);
    expect(options.map((o) => [o.value, o.assignedUserIds]).sort()).toEqual([
      ["Go", [alice.userId]],
      ["Rust", [alice.userId]],
      ["Zig", [bob.userId]],
    ]);
    const bySlug = await api(`${base()}/slugs/slug-multi/options/assigned`, { key: bob.apiKey });
    expectContract("OrganizationsAttributesOptionsController_getOrganizationAttributeAssignedOptionsBySlug", 200, bySlug.body);
    expect(dataOf<Assigned[]>(bySlug)).toEqual(options);
    // An unknown slug is "Attribute not found", not an empty list.
    expectError(await api(`${base()}/slugs/no-such-slug/options/assigned`, { key: bob.apiKey }), 404, "NotFoundException");
  });

  it("teamIds keeps the teams' members; assignedOptionIds keeps members holding one of those options", async () => {
    const inTeam = dataOf<Assigned[]>(await api(`${base()}/${attrs.multi.id}/options/assigned?teamIds=${teamId}`, { key: admin.apiKey }));
    expect(inTeam.map((o) => o.value).sort()).toEqual(["Go", "Rust"]);
    const blue = optionId("single", "Blue");
    const coAssigned = dataOf<Assigned[]>(await api(`${base()}/${attrs.multi.id}/options/assigned?assignedOptionIds=${blue}`, { key: admin.apiKey }));
    expect(coAssigned.map((o) => [o.value, o.assignedUserIds])).toEqual([["Zig", [bob.userId]]]);
    const none = await api(`${base()}/${attrs.multi.id}/options/assigned?assignedOptionIds=${blue}&teamIds=${teamId}`, { key: admin.apiKey });
    expect(expectError(none, 404).error.message).toBe(
      "Options provided in assignedOptionIds are not assigned to anyone, or the users are not part of the teams specified in teamIds filter.",
    );
    expectError(await api(`${base()}/${attrs.multi.id}/options/assigned?teamIds=abc`, { key: admin.apiKey }), 400);
  });
});

describe("wired into org memberships and users", () => {
  it("membership output groups attributes by type", async () => {
    const [membership] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "userId" = ${alice.userId} AND "teamId" = ${org.organizationId}`;
    const res = await api(`/v2/organizations/${org.organizationId}/memberships/${membership!.id}`, { key: admin.apiKey });
    expectContract("OrganizationsMembershipsController_getOrgMembership", 200, res.body);
    const { attributes } = dataOf<{ attributes: Record<string, unknown>[] }>(res);
    expect(attributes).toEqual(
      expect.arrayContaining([
        {
          id: attrs.multi.id,
          name: "multi",
          type: "multiSelect",
          options: expect.arrayContaining([
            { optionId: optionId("multi", "Go"), option: "Go" },
            { optionId: optionId("multi", "Rust"), option: "Rust" },
          ]),
        },
        { id: attrs.text.id, name: "text", type: "text", optionId: expect.any(String), option: "Paris office" },
      ]),
    );
    expect(attributes).toHaveLength(2);
    const [carolMembership] = await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "userId" = ${carol.userId} AND "teamId" = ${org.organizationId}`;
    const carolAttrs = dataOf<{ attributes: unknown[] }>(
      await api(`/v2/organizations/${org.organizationId}/memberships/${carolMembership!.id}`, { key: admin.apiKey }),
    );
    expect(carolAttrs.attributes).toEqual([{ id: attrs.number.id, name: "number", type: "number", optionId: expect.any(String), option: 42 }]);
  });

  it("org users: assignedOptionIds with AND (default), OR and NONE", async () => {
    const go = optionId("multi", "Go");
    const zig = optionId("multi", "Zig");
    const ids = async (query: string) =>
      dataOf<{ id: number }[]>(await api(`/v2/organizations/${org.organizationId}/users?${query}`, { key: admin.apiKey }))
        .map((u) => u.id)
        .sort((a, b) => a - b);
    expect(await ids(`assignedOptionIds=${go}`)).toEqual([alice.userId]);
    expect(await ids(`assignedOptionIds=${go},${zig}`)).toEqual([]);
    expect(await ids(`assignedOptionIds=${go},${zig}&attributeQueryOperator=OR`)).toEqual([alice.userId, bob.userId].sort((a, b) => a - b));
    const noneIds = await ids(`assignedOptionIds=${go},${zig}&attributeQueryOperator=NONE`);
    expect(noneIds).toEqual(expect.arrayContaining([admin.userId, carol.userId, org.owner.userId]));
    expect(noneIds).not.toContain(alice.userId);
    expect(noneIds).not.toContain(bob.userId);
    expect(await ids(`assignedOptionIds=${go}&attributeQueryOperator=OR&teamIds=${teamId}`)).toEqual([alice.userId]);
  });
});
