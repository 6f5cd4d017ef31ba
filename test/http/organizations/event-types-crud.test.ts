// Orgs / Teams / Event Types: the team event-type service behind /v2/organizations/{orgId}/teams/{teamId}/…, the
// org-only differences (phone-only booking forms, the public list's org guards) and the org-wide list.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, type OrganizationFixture, type OrgMember, unique } from "../../helpers/fixtures";

let org: OrganizationFixture;
let orgAdmin: OrgMember; // an org ADMIN in no team
let teamAdmin: OrgMember; // an org MEMBER, ADMIN of the team
let member: OrgMember; // an org MEMBER, MEMBER of the team
let teamId: number;
let otherTeamId: number;

const base = (team = teamId) => `/v2/organizations/${org.organizationId}/teams/${team}/event-types`;
const create = (body: Record<string, unknown>, key = teamAdmin.apiKey, team = teamId) =>
  api(base(team), { method: "POST", key, body: { lengthInMinutes: 30, title: "Org call", slug: unique("oc"), ...body } });

const PHONE_ONLY = [
  { type: "email", label: "Email", placeholder: "", required: false, hidden: true },
  { type: "phone", slug: "attendeePhoneNumber", label: "Phone number", required: true, hidden: false },
];

// The machine running the suite is shared: allow for a slow first request (Prisma's wasm) and a loaded CPU.
vi.setConfig({ testTimeout: 60_000 });

beforeAll(async () => {
  org = await createOrganization();
  [orgAdmin, teamAdmin, member] = await Promise.all([org.addMember("ADMIN"), org.addMember("MEMBER"), org.addMember("MEMBER")]);
  teamId = (await org.addTeam([{ userId: teamAdmin.userId, role: "ADMIN" }, { userId: member.userId }])).teamId;
  otherTeamId = (await org.addTeam([{ userId: member.userId }])).teamId;
}, 120_000);

describe("POST /v2/organizations/{orgId}/teams/{teamId}/event-types", () => {
  it("creates a round-robin event type for a team admin", async () => {
    const res = await create({ schedulingType: "roundRobin", hosts: [{ userId: teamAdmin.userId, mandatory: true }, { userId: member.userId }] });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("OrganizationsEventTypesController_createTeamEventType", 201, res.body)).toEqual([]);
    const et = res.body.data;
    expect(et).toMatchObject({ teamId, schedulingType: "roundRobin", ownerId: null, team: { id: teamId } });
    expect(et.hosts.map((h: LooseBody) => [h.userId, h.mandatory, h.priority])).toEqual(
      [
        [teamAdmin.userId, true, "medium"],
        [member.userId, false, "medium"],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
  });

  it("an org admin outside the team may create (RolesGuard's org-admin bypass)", async () => {
    const res = await create({ schedulingType: "collective", assignAllTeamMembers: true }, orgAdmin.apiKey);
    const et = dataOf<LooseBody>(res, 201);
    expect(et.hosts.map((h: LooseBody) => h.userId).sort()).toEqual([teamAdmin.userId, member.userId].sort());
  });

  it("a managed event type answers [parent, ...children]", async () => {
    const res = await create({ schedulingType: "managed", hosts: [{ userId: member.userId }] });
    expect(res.status, res.text).toBe(201);
    expect(contractProblems("OrganizationsEventTypesController_createTeamEventType", 201, res.body)).toEqual([]);
    const [parent, child] = res.body.data;
    expect(parent).toMatchObject({ schedulingType: "managed", hosts: [{ userId: member.userId }] });
    expect(child).toMatchObject({ ownerId: member.userId, parentEventTypeId: parent.id, teamId });
  });

  it("allows a phone-only booking form (the /v2/teams route does not)", async () => {
    const res = await create({ schedulingType: "collective", bookingFields: PHONE_ONLY });
    const et = dataOf<LooseBody>(res, 201);
    const email = et.bookingFields.find((f: LooseBody) => f.type === "email");
    expect(email).toMatchObject({ required: false, hidden: true });
    expect(et.bookingFields.find((f: LooseBody) => f.slug === "attendeePhoneNumber")).toMatchObject({ type: "phone", required: true, hidden: false });
    const team = await api(`/v2/teams/${teamId}/event-types`, {
      method: "POST",
      key: teamAdmin.apiKey,
      body: { lengthInMinutes: 30, title: "T", slug: unique("t"), schedulingType: "collective", bookingFields: PHONE_ONLY },
    });
    expect(expectError(team, 400).error.message).toBe("bookingFields - checkIsEmailUserAccessible - Email booking field must be required and visible");
  });

  it("a form with neither a required visible email nor phone is a 400", async () => {
    const res = await create({ schedulingType: "collective", bookingFields: [PHONE_ONLY[0], { ...PHONE_ONLY[1], hidden: true }] });
    expect(expectError(res, 400).error.message).toBe(
      "bookingFields - Booking fields validation failed: visible and required email or visible and required attendee phone field is needed.",
    );
  });

  it("hosts must be members of the team; the slug must be free in the team", async () => {
    const stranger = await create({ schedulingType: "collective", hosts: [{ userId: orgAdmin.userId }] });
    expect(expectError(stranger, 400).error.message).toBe(`Invalid hosts: ${orgAdmin.userId} are not members of team with id ${teamId}.`);
    const slug = unique("dup");
    dataOf(await create({ schedulingType: "collective", slug }), 201);
    expect(expectError(await create({ schedulingType: "collective", slug }), 400).error.message).toBe("Team event type with this slug already exists");
  });

  it("bad input is a 400 naming the field", async () => {
    const res = await create({ schedulingType: "everyone", lengthInMinutes: -5 });
    const { message } = expectError(res, 400).error;
    expect(message).toContain("schedulingType");
    expect(message).toContain("lengthInMinutes");
  });
});

describe("GET /v2/organizations/{orgId}/teams/{teamId}/event-types", () => {
  it("is public, lists hidden event types, filters by eventSlug, sorts and trims hosts", async () => {
    const hidden = dataOf<LooseBody>(await create({ schedulingType: "collective", hidden: true, assignAllTeamMembers: true }), 201);
    const res = await api(base());
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("OrganizationsEventTypesController_getTeamEventTypes", 200, res.body)).toEqual([]);
    const ids = res.body.data.map((e: LooseBody) => e.id);
    expect(ids).toContain(hidden.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    expect(res.body.data.every((e: LooseBody) => e.teamId === teamId)).toBe(true);
    const desc = await api(`${base()}?sortCreatedAt=desc`);
    expect(desc.body.data.map((e: LooseBody) => e.id)).toEqual([...ids].reverse());
    const one = await api(`${base()}?eventSlug=${hidden.slug}&hostsLimit=1`);
    expect(one.body.data.map((e: LooseBody) => e.id)).toEqual([hidden.id]);
    expect(one.body.data[0].hosts).toHaveLength(1);
  });
});

describe("GET/PATCH/DELETE /v2/organizations/{orgId}/teams/{teamId}/event-types/{eventTypeId}", () => {
  it("reads, updates (phone-only allowed) and deletes", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "collective", hosts: [{ userId: member.userId }] }), 201);
    const read = await api(`${base()}/${et.id}`, { key: teamAdmin.apiKey });
    expect(contractProblems("OrganizationsEventTypesController_getTeamEventType", 200, read.body)).toEqual([]);
    expect(dataOf<LooseBody>(read)).toMatchObject({ id: et.id, hosts: [{ userId: member.userId }] });

    const patch = await api(`${base()}/${et.id}`, {
      method: "PATCH",
      key: orgAdmin.apiKey,
      body: { title: "Renamed", slug: et.slug, bookingFields: PHONE_ONLY, schedulingType: "roundRobin", hosts: [{ userId: teamAdmin.userId }] },
    });
    expect(patch.status, patch.text).toBe(200);
    expect(contractProblems("OrganizationsEventTypesController_updateTeamEventType", 200, patch.body)).toEqual([]);
    expect(patch.body.data).toMatchObject({ title: "Renamed", schedulingType: "roundRobin", hosts: [{ userId: teamAdmin.userId }] });

    const removed = await api(`${base()}/${et.id}`, { method: "DELETE", key: teamAdmin.apiKey });
    expect(contractProblems("OrganizationsEventTypesController_deleteTeamEventType", 200, removed.body)).toEqual([]);
    expect(dataOf<LooseBody>(removed)).toEqual({ id: et.id, title: "Renamed" });
    const gone = await api(`${base()}/${et.id}`, { key: teamAdmin.apiKey });
    expect(expectError(gone, 404).error.message).toBe(`Event type with id ${et.id} not found`);
    const again = await api(`${base()}/${et.id}`, { method: "DELETE", key: teamAdmin.apiKey });
    expect(expectError(again, 404).error.message).toBe(`Event type with ID=${et.id} does not exist.`);
  });

  it("an event type of another team of the same org is a 404 on every route", async () => {
    const foreign = dataOf<LooseBody>(await create({ schedulingType: "collective" }, orgAdmin.apiKey, otherTeamId), 201);
    const path = `${base()}/${foreign.id}`;
    expect(expectError(await api(path, { key: orgAdmin.apiKey }), 404).error.message).toBe(`Event type with id ${foreign.id} not found`);
    expect((await api(path, { method: "PATCH", key: orgAdmin.apiKey, body: { title: "x" } })).status).toBe(404);
    expect((await api(path, { method: "DELETE", key: orgAdmin.apiKey })).status).toBe(404);
    expect((await api(`${base(otherTeamId)}/${foreign.id}`, { key: orgAdmin.apiKey })).status).toBe(200);
  });

  it("create-phone-call checks the event type and the numbers, then says no provider is configured", async () => {
    const et = dataOf<LooseBody>(await create({ schedulingType: "collective" }), 201);
    const body = { yourPhoneNumber: "+14155550100", numberToCall: "+14155550101", calApiKey: "cal_x", enabled: true, templateType: "CUSTOM_TEMPLATE" };
    const res = await api(`${base()}/${et.id}/create-phone-call`, { method: "POST", key: teamAdmin.apiKey, body });
    expect(expectError(res, 400).error.message).toBe("Phone calls are not available: no phone call provider is configured on this deployment.");
    const bad = await api(`${base()}/${et.id}/create-phone-call`, { method: "POST", key: teamAdmin.apiKey, body: { ...body, numberToCall: "555" } });
    expect(expectError(bad, 400).error.message).toContain("numberToCall");
    const missing = await api(`${base()}/2147483000/create-phone-call`, { method: "POST", key: teamAdmin.apiKey, body });
    expect(expectError(missing, 404).error.message).toBe("Event type with id 2147483000 not found");
  });
});

describe("GET /v2/organizations/{orgId}/teams/event-types", () => {
  it("lists every team's event types of the org, for an org admin, paginated by id", async () => {
    const elsewhere = await createOrganization();
    const foreignTeam = await elsewhere.addTeam([{ userId: elsewhere.owner.userId, role: "OWNER" }]);
    const foreign = await api(`/v2/organizations/${elsewhere.organizationId}/teams/${foreignTeam.teamId}/event-types`, {
      method: "POST",
      key: elsewhere.owner.apiKey,
      body: { lengthInMinutes: 30, title: "Elsewhere", slug: unique("e"), schedulingType: "collective" },
    });
    const foreignId = dataOf<LooseBody>(foreign, 201).id;
    const path = `/v2/organizations/${org.organizationId}/teams/event-types`;
    const res = await api(path, { key: orgAdmin.apiKey });
    expect(res.status, res.text).toBe(200);
    expect(contractProblems("OrganizationsEventTypesController_getTeamsEventTypes", 200, res.body)).toEqual([]);
    const all: LooseBody[] = res.body.data;
    const ids = all.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(all.map((e) => e.teamId))).toEqual(new Set([teamId, otherTeamId]));
    expect(ids).not.toContain(foreignId);
    // Managed children belong to their owners, not to a team.
    expect(all.every((e) => e.parentEventTypeId === null)).toBe(true);
    const page = await api(`${path}?sortCreatedAt=desc&take=2&skip=1`, { key: org.owner.apiKey });
    expect(dataOf<LooseBody[]>(page).map((e) => e.id)).toEqual([...ids].reverse().slice(1, 3));
    const tooMany = await api(`${path}?take=251`, { key: orgAdmin.apiKey });
    expect(expectError(tooMany, 400).error.message).toContain("take");
  });

  it("a team admin who is a plain org member is refused (ORG_ADMIN; Cal.com lets only system admins in)", async () => {
    const res = await api(`/v2/organizations/${org.organizationId}/teams/event-types`, { key: teamAdmin.apiKey });
    expect(expectError(res, 403).error.message).toBe(
      `RolesGuard - user with id=${teamAdmin.userId} does not have the minimum required role=ORG_ADMIN within organization with id=${org.organizationId}.`,
    );
  });
});
