// Managed event types: the team's parent is a template; each assigned member gets a child (a personal event type
// with the parent's locked fields) that follows the parent's changes and goes when they are unassigned.
import { beforeAll, describe, expect, it } from "vitest";
import { onMembershipAccepted } from "../../../src/team-event-types/membership-effects";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createEventType, createTeamMembershipViaApi, createTeam, createTenant, type Tenant, unique, withDb } from "../../helpers/fixtures";

let admin: Tenant;
let alice: Tenant;
let bob: Tenant;
let teamId: number;

const base = () => `/v2/teams/${teamId}/event-types`;
const createManaged = (body: Record<string, unknown>) =>
  api(base(), {
    method: "POST",
    key: admin.apiKey,
    body: { lengthInMinutes: 30, title: "Managed call", slug: unique("mc"), schedulingType: "managed", ...body },
  });
const childrenOf = (parentId: number) => withDb((db) => db.eventType.findMany({ where: { parentId }, orderBy: { userId: "asc" } }));

beforeAll(async () => {
  [admin, alice, bob] = await Promise.all([createTenant(), createTenant(), createTenant()]);
  teamId = (await createTeam({ owners: [admin], members: [alice, bob] })).teamId;
});

describe("managed event types", () => {
  it("creates the parent and one child per assignee, answering [parent, ...children]", async () => {
    const slug = unique("mc");
    // Alice's personal event type with the same slug gives way to her child, as in Cal.com.
    const personal = await createEventType(alice, { slug });
    const res = await createManaged({
      slug,
      hosts: [{ userId: alice.userId }, { userId: bob.userId }],
      locations: [{ type: "address", address: "1 Main St", public: true }],
    });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("TeamsEventTypesController_createTeamEventType", 201, res.body)).toEqual([]);
    const [parent, ...children] = res.body.data as LooseBody[];
    expect(parent).toMatchObject({ schedulingType: "managed", teamId, ownerId: null, parentEventTypeId: null });
    expect(parent.hosts.map((h: LooseBody) => h.userId).sort()).toEqual([alice.userId, bob.userId].sort());
    expect(children.map((c) => c.ownerId).sort()).toEqual([alice.userId, bob.userId].sort());
    for (const child of children) {
      expect(child).toMatchObject({ parentEventTypeId: parent.id, slug, title: "Managed call", schedulingType: "managed", teamId, hosts: [] });
      expect(child.locations).toEqual([{ type: "address", address: "1 Main St", public: true }]);
    }
    expect(await withDb((db) => db.host.count({ where: { eventTypeId: parent.id } }))).toBe(0);
    expect(await withDb((db) => db.eventType.findUnique({ where: { id: personal.id } }))).toBeNull();
    // The child is the owner's own event type on the personal API.
    const aliceChild = children.find((c) => c.ownerId === alice.userId);
    const mine = await api(`/v2/event-types/${aliceChild.id}`, { key: alice.apiKey, version: "2024-06-14" });
    expect(dataOf<LooseBody>(mine)).toMatchObject({ id: aliceChild.id, ownerId: alice.userId, slug });
  });

  it("propagates the parent's locked fields to children, keeps their own locations, and unassigning deletes a child", async () => {
    const [parent] = dataOf<LooseBody[]>(await createManaged({ hosts: [{ userId: alice.userId }, { userId: bob.userId }] }), 201);
    const bobChild = (await childrenOf(parent.id)).find((c) => c.userId === bob.userId)!;
    const res = await api(`${base()}/${parent.id}`, {
      method: "PATCH",
      key: admin.apiKey,
      body: { title: "Renamed", lengthInMinutes: 45, locations: [{ type: "link", link: "https://meet.example.com/x", public: true }] },
    });
    expect(contractProblems("TeamsEventTypesController_updateTeamEventType", 200, res.body)).toEqual([]);
    const [updated, ...children] = dataOf<LooseBody[]>(res);
    expect(updated).toMatchObject({ title: "Renamed", lengthInMinutes: 45 });
    expect(children).toHaveLength(2);
    for (const child of children) {
      expect(child).toMatchObject({ title: "Renamed", lengthInMinutes: 45 });
      expect(child.locations).toEqual([{ type: "integration", integration: "cal-video" }]);
    }
    const unassign = await api(`${base()}/${parent.id}`, { method: "PATCH", key: admin.apiKey, body: { hosts: [{ userId: alice.userId }] } });
    const [, ...left] = dataOf<LooseBody[]>(unassign);
    expect(left.map((c) => c.ownerId)).toEqual([alice.userId]);
    expect(await withDb((db) => db.eventType.findUnique({ where: { id: bobChild.id } }))).toBeNull();
  });

  it("deleting the parent deletes its children", async () => {
    const [parent] = dataOf<LooseBody[]>(await createManaged({ hosts: [{ userId: alice.userId }] }), 201);
    expect(await childrenOf(parent.id)).toHaveLength(1);
    dataOf(await api(`${base()}/${parent.id}`, { method: "DELETE", key: admin.apiKey }));
    expect(await childrenOf(parent.id)).toHaveLength(0);
  });

  it("a managed event type's scheduling type cannot be switched", async () => {
    const [parent] = dataOf<LooseBody[]>(await createManaged({ hosts: [{ userId: alice.userId }] }), 201);
    const res = await api(`${base()}/${parent.id}`, {
      method: "PATCH",
      key: admin.apiKey,
      body: { schedulingType: "collective", hosts: [{ userId: alice.userId }] },
    });
    expect(expectError(res, 400).error.message).toMatch(/managed event type cannot change its scheduling type/);
  });

  it("a membership accepted later gives the new member a child of assign-all managed event types", async () => {
    const [parent, ...children] = dataOf<LooseBody[]>(await createManaged({ assignAllTeamMembers: true }), 201);
    expect(children.map((c) => c.ownerId).sort()).toEqual([admin.userId, alice.userId, bob.userId].sort());
    const newcomer = await createTenant();
    // Invited (pending): no child yet; accepting the membership (PATCH accepted: true) creates it.
    const membership = await createTeamMembershipViaApi(admin.apiKey, teamId, newcomer.userId, { accepted: false });
    expect((await childrenOf(parent.id)).map((c) => c.userId)).not.toContain(newcomer.userId);
    const accepted = await api(`/v2/teams/${teamId}/memberships/${membership.id}`, { method: "PATCH", key: admin.apiKey, body: { accepted: true } });
    expect(accepted.status).toBe(200);
    const after = await childrenOf(parent.id);
    expect(after.map((c) => c.userId)).toContain(newcomer.userId);
    // Running the effect again (as a repeated acceptance would) does not duplicate the child.
    await withDb((db) => onMembershipAccepted(db, teamId, newcomer.userId));
    expect((await childrenOf(parent.id)).filter((c) => c.userId === newcomer.userId)).toHaveLength(1);
    const list = await api(`${base()}?eventSlug=${parent.slug}`);
    expect(list.body.data[0].hosts.map((h: LooseBody) => h.userId)).toContain(newcomer.userId);
  });
});
