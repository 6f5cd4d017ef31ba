import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createTenant, testDb, type Tenant } from "../../helpers/fixtures";

const V = "2024-06-14";
let alice: Tenant;
let bob: Tenant;
const ids: Record<string, number> = {};

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTenant(), createTenant()]);
  for (const [slug, hidden] of [
    ["first", false],
    ["second", false],
    ["hidden-one", true],
  ] as const) {
    const res = await api("/v2/event-types", {
      method: "POST",
      key: alice.apiKey,
      version: V,
      body: {
        lengthInMinutes: 30,
        title: slug,
        slug,
        hidden,
        bookingFields: [{ type: "text", slug: "secret-note", label: "Internal", required: false, hidden: true }],
      },
    });
    ids[slug] = res.body.data.id;
  }
});

const ok = (res: { status: number; body: any }) => {
  expect(res.status).toBe(200);
  expect(contractProblems("EventTypesController_2024_06_14_getEventTypes", 200, res.body)).toEqual([]);
  return res.body.data as any[];
};

describe("GET /v2/event-types", () => {
  it("by username without credentials: the public event types, hidden booking fields left out", async () => {
    const data = ok(await api(`/v2/event-types?username=${alice.username}`, { version: V }));
    expect(data.map((e) => e.slug)).toEqual(["first", "second"]);
    expect(data[0].bookingFields.map((f: any) => f.slug)).not.toContain("secret-note");
    expect(data[0].bookingFields.map((f: any) => f.slug)).not.toContain("title");
  });

  it("by username + eventSlug: what booking widgets call", async () => {
    const data = ok(await api(`/v2/event-types?username=${alice.username}&eventSlug=second`, { version: V }));
    expect(data.map((e) => e.id)).toEqual([ids.second]);
    expect(data[0].bookingUrl).toBe(`https://cal.com/${alice.username}/second`);
  });

  it("the owner sees hidden ones too, and can sort newest first", async () => {
    const data = ok(await api(`/v2/event-types?username=${alice.username}&sortCreatedAt=desc`, { key: alice.apiKey, version: V }));
    expect(data.map((e) => e.slug)).toEqual(["hidden-one", "second", "first"]);
    const bySlug = ok(await api(`/v2/event-types?username=${alice.username}&eventSlug=hidden-one`, { key: alice.apiKey, version: V }));
    expect(bySlug.map((e) => e.id)).toEqual([ids["hidden-one"]]);
  });

  it("without filters: the caller's own, or nothing for an anonymous caller", async () => {
    expect(ok(await api("/v2/event-types", { key: alice.apiKey, version: V })).map((e) => e.slug)).toEqual(["first", "second", "hidden-one"]);
    expect(ok(await api("/v2/event-types", { key: bob.apiKey, version: V }))).toEqual([]);
    expect(ok(await api("/v2/event-types", { version: V }))).toEqual([]);
  });

  it("unknown username or slug: an empty list", async () => {
    expect(ok(await api("/v2/event-types?username=nobody-here-at-all", { version: V }))).toEqual([]);
    expect(ok(await api(`/v2/event-types?username=${alice.username}&eventSlug=nope`, { version: V }))).toEqual([]);
  });

  it("orgId narrows the user lookup; an org slug that is not known matches no one", async () => {
    const db = testDb();
    let orgId: number;
    try {
      const org = await db.team.create({ data: { name: "Org", slug: `org-${bob.userId}`, isOrganization: true } });
      orgId = org.id;
      await db.user.update({ where: { id: bob.userId }, data: { organizationId: orgId } });
    } finally {
      await db.$disconnect();
    }
    await api("/v2/event-types", { method: "POST", key: bob.apiKey, version: V, body: { lengthInMinutes: 15, title: "Org call", slug: "org-call" } });
    expect(ok(await api(`/v2/event-types?username=${bob.username}&orgId=${orgId}`, { version: V })).map((e) => e.slug)).toEqual(["org-call"]);
    expect(ok(await api(`/v2/event-types?username=${bob.username}&orgId=${orgId + 100000}`, { version: V }))).toEqual([]);
    expect(ok(await api(`/v2/event-types?username=${bob.username}&orgSlug=acme`, { version: V }))).toEqual([]);
  });

  it("usernames: Cal.com's dynamic group event with the users found", async () => {
    const data = ok(await api(`/v2/event-types?usernames=${alice.username},${bob.username},ghost`, { version: V }));
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ id: 0, ownerId: 0, slug: "dynamic", title: "Group Meeting", lengthInMinutes: 30 });
    expect(data[0].users.map((u: any) => u.id).sort()).toEqual([alice.userId, bob.userId].sort());
  });

  it("bad query values are a 400 naming the parameter", async () => {
    const sort = await api("/v2/event-types?sortCreatedAt=sideways", { version: V });
    expect(sort.status).toBe(400);
    expect(sort.body.error.message).toContain("sortCreatedAt");
    const orgId = await api("/v2/event-types?username=x&orgId=abc", { version: V });
    expect(orgId.status).toBe(400);
    expect(orgId.body.error.message).toContain("orgId");
  });
});
