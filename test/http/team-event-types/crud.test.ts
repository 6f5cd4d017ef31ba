import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { addTeamMembership, createTeam, createTenant, type Tenant, unique, withDb } from "../../helpers/fixtures";

let owner: Tenant;
let admin: Tenant;
let member: Tenant;
let pending: Tenant;
let teamId: number;
let otherTeamId: number;

const base = () => `/v2/teams/${teamId}/event-types`;
const create = (body: Record<string, unknown>, key = admin.apiKey, team = teamId) =>
  api(`/v2/teams/${team}/event-types`, { method: "POST", key, body: { lengthInMinutes: 30, title: "Team call", slug: unique("tc"), ...body } });

beforeAll(async () => {
  [owner, admin, member, pending] = await Promise.all([createTenant(), createTenant(), createTenant(), createTenant()]);
  teamId = (await createTeam({ owners: [owner], members: [member], name: "Crud team" })).teamId;
  await addTeamMembership(teamId, admin.userId, "ADMIN");
  await addTeamMembership(teamId, pending.userId, "MEMBER", false);
  otherTeamId = (await createTeam({ owners: [owner] })).teamId;
});

describe("POST /v2/teams/{teamId}/event-types", () => {
  it("creates a collective event type whose hosts are all fixed", async () => {
    const res = await create({ schedulingType: "collective", hosts: [{ userId: owner.userId }, { userId: member.userId, mandatory: false }] });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("TeamsEventTypesController_createTeamEventType", 201, res.body)).toEqual([]);
    const et = res.body.data;
    expect(et).toMatchObject({
      teamId,
      schedulingType: "collective",
      ownerId: null,
      parentEventTypeId: null,
      assignAllTeamMembers: false,
      team: { id: teamId, name: "Crud team" },
    });
    expect(et.hosts.map((h: LooseBody) => h.userId).sort()).toEqual([owner.userId, member.userId].sort());
    expect(et.hosts[0]).not.toHaveProperty("mandatory");
    const rows = await withDb((db) => db.host.findMany({ where: { eventTypeId: et.id }, orderBy: { userId: "asc" } }));
    expect(rows.map((r) => [r.isFixed, r.priority])).toEqual([
      [true, 2],
      [true, 2],
    ]);
    expect(et).not.toHaveProperty("users");
    expect(et.locations).toEqual([{ type: "integration", integration: "cal-video" }]);
  });

  it("creates a round-robin event type with mandatory hosts, priorities and weights (medium and 100 by default)", async () => {
    const res = await create({
      schedulingType: "ROUND_ROBIN",
      hosts: [{ userId: owner.userId, mandatory: true, priority: "highest", weight: 50 }, { userId: member.userId }],
    });
    const et = dataOf<LooseBody>(res, 201);
    expect(contractProblems("TeamsEventTypesController_createTeamEventType", 201, res.body)).toEqual([]);
    expect(et.schedulingType).toBe("roundRobin");
    const byUser = Object.fromEntries(et.hosts.map((h: LooseBody) => [h.userId, h]));
    expect(byUser[owner.userId]).toMatchObject({ mandatory: true, priority: "highest", weight: 50, username: owner.username });
    expect(byUser[member.userId]).toMatchObject({ mandatory: false, priority: "medium", weight: 100 });
    const rows = await withDb((db) => db.host.findMany({ where: { eventTypeId: et.id, userId: owner.userId } }));
    expect(rows[0]).toMatchObject({ isFixed: true, priority: 4, weight: 50 });
  });

  it("assignAllTeamMembers makes every member a host, pending invitations included", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "roundRobin", assignAllTeamMembers: true }), 201);
    expect(et.assignAllTeamMembers).toBe(true);
    expect(et.hosts.map((h: LooseBody) => h.userId).sort()).toEqual([owner.userId, admin.userId, member.userId, pending.userId].sort());
  });

  it("answers 400 when the team already has the slug", async () => {
    const slug = unique("dup");
    dataOf(await create({ schedulingType: "collective", slug }), 201);
    const res = await create({ schedulingType: "collective", slug });
    expect(expectError(res, 400).error.message).toBe("Team event type with this slug already exists");
    // Another team may use it.
    dataOf(await create({ schedulingType: "collective", slug }, owner.apiKey, otherTeamId), 201);
  });
});

describe("GET /v2/teams/{teamId}/event-types", () => {
  it("is public, lists hidden event types, filters by eventSlug and sorts", async () => {
    const hidden = dataOf<LooseBody>(await create({ schedulingType: "collective", hidden: true, hosts: [{ userId: owner.userId }] }), 201);
    const res = await api(base());
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("TeamsEventTypesController_getTeamEventTypes", 200, res.body)).toEqual([]);
    const ids = res.body.data.map((e: LooseBody) => e.id);
    expect(ids).toContain(hidden.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    expect(res.body.data.every((e: LooseBody) => e.teamId === teamId)).toBe(true);
    const desc = await api(`${base()}?sortCreatedAt=desc`);
    expect(desc.body.data.map((e: LooseBody) => e.id)).toEqual([...ids].reverse());
    const one = await api(`${base()}?eventSlug=${hidden.slug}`);
    expect(one.body.data.map((e: LooseBody) => e.id)).toEqual([hidden.id]);
    expect(one.body.data[0].team).toMatchObject({ id: teamId, name: "Crud team" });
    expect((await api(`${base()}?eventSlug=nope-${unique()}`)).body.data).toEqual([]);
  });

  it("hostsLimit trims each event type's hosts", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "collective", assignAllTeamMembers: true }), 201);
    const res = await api(`${base()}?eventSlug=${et.slug}&hostsLimit=2`);
    expect(res.body.data[0].hosts).toHaveLength(2);
  });
});

describe("GET/PATCH/DELETE /v2/teams/{teamId}/event-types/{eventTypeId}", () => {
  it("reads one event type; another team's is a 404", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "collective", hosts: [{ userId: member.userId }] }), 201);
    const res = await api(`${base()}/${et.id}`, { key: admin.apiKey });
    expect(contractProblems("TeamsEventTypesController_getTeamEventType", 200, res.body)).toEqual([]);
    expect(dataOf<LooseBody>(res)).toMatchObject({ id: et.id, hosts: [{ userId: member.userId }] });
    const foreign = dataOf<LooseBody>(await create({ schedulingType: "collective" }, owner.apiKey, otherTeamId), 201);
    const missing = await api(`${base()}/${foreign.id}`, { key: owner.apiKey });
    expect(expectError(missing, 404).error.message).toBe(`Event type with id ${foreign.id} not found`);
  });

  it("updates only the fields sent and accepts the event type's own slug unchanged", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "collective", hosts: [{ userId: member.userId }] }), 201);
    const res = await api(`${base()}/${et.id}`, { method: "PATCH", key: admin.apiKey, body: { title: "Renamed", slug: et.slug, lengthInMinutes: 45 } });
    expect(contractProblems("TeamsEventTypesController_updateTeamEventType", 200, res.body)).toEqual([]);
    expect(dataOf<LooseBody>(res)).toMatchObject({ title: "Renamed", slug: et.slug, lengthInMinutes: 45, hosts: [{ userId: member.userId }] });
    const other = dataOf<LooseBody>(await create({ schedulingType: "collective" }), 201);
    const clash = await api(`${base()}/${et.id}`, { method: "PATCH", key: admin.apiKey, body: { slug: other.slug } });
    expect(expectError(clash, 400).error.message).toBe("Team event type with this slug already exists");
  });

  it("switching the scheduling type needs hosts; with them the hosts are rebuilt", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "roundRobin", hosts: [{ userId: member.userId, mandatory: false }] }), 201);
    const bare = await api(`${base()}/${et.id}`, { method: "PATCH", key: admin.apiKey, body: { schedulingType: "collective" } });
    expect(expectError(bare, 400).error.message).toMatch(/^Hosts required when switching schedulingType/);
    const res = await api(`${base()}/${et.id}`, {
      method: "PATCH",
      key: admin.apiKey,
      body: { schedulingType: "collective", hosts: [{ userId: member.userId }, { userId: owner.userId }] },
    });
    expect(dataOf<LooseBody>(res).schedulingType).toBe("collective");
    const rows = await withDb((db) => db.host.findMany({ where: { eventTypeId: et.id } }));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.isFixed)).toBe(true);
  });

  it("explicit hosts on an assign-all event type replace the hosts and end assign-all", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "collective", assignAllTeamMembers: true }), 201);
    expect(et.hosts.length).toBeGreaterThan(1);
    const res = await api(`${base()}/${et.id}`, { method: "PATCH", key: admin.apiKey, body: { hosts: [{ userId: owner.userId }] } });
    expect(dataOf<LooseBody>(res)).toMatchObject({ assignAllTeamMembers: false, hosts: [{ userId: owner.userId }] });
  });

  it("deletes an event type with its hosts and answers {id, title}", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "collective", hosts: [{ userId: member.userId }] }), 201);
    const res = await api(`${base()}/${et.id}`, { method: "DELETE", key: admin.apiKey });
    expect(contractProblems("TeamsEventTypesController_deleteTeamEventType", 200, res.body)).toEqual([]);
    expect(dataOf<LooseBody>(res)).toEqual({ id: et.id, title: "Team call" });
    expect(await withDb((db) => db.host.count({ where: { eventTypeId: et.id } }))).toBe(0);
    const again = await api(`${base()}/${et.id}`, { method: "DELETE", key: admin.apiKey });
    expect(expectError(again, 404).error.message).toBe(`Event type with ID=${et.id} does not exist.`);
  });
});

describe("OpenAPI document", () => {
  it("describes the team operations with Cal.com's component names", async () => {
    const doc = (await api("/docs/openapi.json")).body as LooseBody;
    const schemas = Object.keys(doc.components.schemas);
    for (const name of [
      "TeamEventTypeOutput_2024_06_14",
      "CreateTeamEventTypeInput_2024_06_14",
      "UpdateTeamEventTypeInput_2024_06_14",
      "Host",
      "EventTypeOutput_2024_06_14",
    ]) {
      expect(schemas).toContain(name);
    }
    const created = doc.paths["/v2/teams/{teamId}/event-types"].post.responses["201"].content["application/json"].schema;
    expect(created.$ref).toBe("#/components/schemas/CreateTeamEventTypeOutput");
    expect(doc.components.schemas.EventTypeOutput_2024_06_14.properties).toHaveProperty("users");
    expect(doc.components.schemas.TeamEventTypeOutput_2024_06_14.properties).not.toHaveProperty("users");
  });
});
