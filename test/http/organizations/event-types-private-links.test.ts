// Orgs / Teams / Event Types / Private Links: the private-link service with the team scope (TEAM_ADMIN + ESSENTIALS,
// org admins pass, the event type must be the team's), and a validated PATCH body (Cal.com reads it unvalidated).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, createTeamEventTypeRow, type OrganizationFixture, type OrgMember, unique } from "../../helpers/fixtures";

vi.setConfig({ testTimeout: 60_000 });

let org: OrganizationFixture;
let orgAdmin: OrgMember;
let teamAdmin: OrgMember;
let teamId: number;
let eventType: { id: number; slug: string };
let otherEventType: { id: number; slug: string }; // another team's, same org

const base = (et = eventType.id, team = teamId) => `/v2/organizations/${org.organizationId}/teams/${team}/event-types/${et}/private-links`;
const createLink = (body: Record<string, unknown>, key = teamAdmin.apiKey) => api(base(), { method: "POST", key, body });

beforeAll(async () => {
  org = await createOrganization();
  [orgAdmin, teamAdmin] = await Promise.all([org.addMember("ADMIN"), org.addMember("MEMBER")]);
  teamId = (await org.addTeam([{ userId: teamAdmin.userId, role: "ADMIN" }])).teamId;
  const otherTeamId = (await org.addTeam([{ userId: teamAdmin.userId, role: "OWNER" }])).teamId;
  eventType = await createTeamEventTypeRow(teamId, "COLLECTIVE", [{ userId: teamAdmin.userId }], { slug: unique("vip"), hidden: true });
  otherEventType = await createTeamEventTypeRow(otherTeamId, "COLLECTIVE", [{ userId: teamAdmin.userId }]);
}, 120_000);

describe("POST and GET …/private-links", () => {
  it("creates one-time, usage-based and time-based links and lists them", async () => {
    const once = await createLink({});
    expect(once.status, once.text).toBe(201);
    expect(contractProblems("OrganizationsEventTypesPrivateLinksController_createPrivateLink", 201, once.body)).toEqual([]);
    expect(once.body.data).toMatchObject({ eventTypeId: eventType.id, isExpired: false, maxUsageCount: 1, usageCount: 0 });
    expect(once.body.data.bookingUrl).toBe(`https://cal.com/d/${once.body.data.linkId}/${eventType.slug}`);
    const uses = dataOf<LooseBody>(await createLink({ maxUsageCount: 5 }, orgAdmin.apiKey), 201);
    expect(uses).toMatchObject({ maxUsageCount: 5, usageCount: 0 });
    const dated = await createLink({ expiresAt: "2020-01-01T00:00:00Z" });
    expect(contractProblems("OrganizationsEventTypesPrivateLinksController_createPrivateLink", 201, dated.body)).toEqual([]);
    expect(dated.body.data).toMatchObject({ expiresAt: "2020-01-01T00:00:00.000Z", isExpired: true });

    const list = await api(base(), { key: teamAdmin.apiKey });
    expect(list.status).toBe(200);
    expect(contractProblems("OrganizationsEventTypesPrivateLinksController_getPrivateLinks", 200, list.body)).toEqual([]);
    expect(list.body.data.map((l: LooseBody) => l.linkId)).toEqual([once.body.data.linkId, uses.linkId, dated.body.data.linkId]);
  });

  it("bad input is a 400 naming the field", async () => {
    for (const [body, field] of [
      [{ maxUsageCount: 0 }, "maxUsageCount"],
      [{ expiresAt: "next tuesday" }, "expiresAt"],
    ] as const) {
      expect(expectError(await createLink(body), 400).error.message).toContain(field);
    }
  });

  it("an event type of another team (same org) or an unknown one is a 404", async () => {
    const res = await api(base(otherEventType.id), { method: "POST", key: orgAdmin.apiKey, body: {} });
    expect(expectError(res, 404).error.message).toBe(`Event type with id ${otherEventType.id} not found`);
    const list = await api(base(2147483000), { key: teamAdmin.apiKey });
    expect(expectError(list, 404).error.message).toBe("Event type with id 2147483000 not found");
  });
});

describe("PATCH and DELETE …/private-links/{linkId}", () => {
  it("PATCH switches the expiry rule; its body is validated", async () => {
    const id = dataOf<LooseBody>(await createLink({ maxUsageCount: 3 }), 201).linkId;
    const dated = await api(`${base()}/${id}`, { method: "PATCH", key: teamAdmin.apiKey, body: { expiresAt: "2032-06-01T12:00:00+02:00" } });
    expect(dated.status, dated.text).toBe(200);
    expect(contractProblems("OrganizationsEventTypesPrivateLinksController_updatePrivateLink", 200, dated.body)).toEqual([]);
    expect(dated.body.data).toMatchObject({ linkId: id, expiresAt: "2032-06-01T10:00:00.000Z" });
    const counted = await api(`${base()}/${id}`, { method: "PATCH", key: orgAdmin.apiKey, body: { maxUsageCount: 10 } });
    expect(counted.body.data).toMatchObject({ linkId: id, maxUsageCount: 10, usageCount: 0 });
    expect(counted.body.data).not.toHaveProperty("expiresAt");

    // Cal.com stores whatever the body holds (unsent fields become null): here an empty or bad body is a 400.
    expect(expectError(await api(`${base()}/${id}`, { method: "PATCH", key: teamAdmin.apiKey, body: {} }), 400).error.message).toContain("expiresAt");
    const bad = await api(`${base()}/${id}`, { method: "PATCH", key: teamAdmin.apiKey, body: { maxUsageCount: "lots" } });
    expect(expectError(bad, 400).error.message).toContain("maxUsageCount");
    const unknown = await api(`${base()}/no-such-link`, { method: "PATCH", key: teamAdmin.apiKey, body: { maxUsageCount: 2 } });
    expect(unknown.status).toBe(404);
  });

  it("a link cannot be changed or deleted through another event type", async () => {
    const id = dataOf<LooseBody>(await createLink({ maxUsageCount: 3 }), 201).linkId;
    const viaOther = await api(`${base(otherEventType.id)}/${id}`, { method: "DELETE", key: orgAdmin.apiKey });
    expect(expectError(viaOther, 404).error.message).toBe(`Event type with id ${otherEventType.id} not found`);
    const list = await api(base(), { key: teamAdmin.apiKey });
    expect(list.body.data.map((l: LooseBody) => l.linkId)).toContain(id);
  });

  it("DELETE removes it; a second DELETE is a 404", async () => {
    const id = dataOf<LooseBody>(await createLink({}), 201).linkId;
    const res = await api(`${base()}/${id}`, { method: "DELETE", key: teamAdmin.apiKey });
    expect(res.status).toBe(200);
    expect(contractProblems("OrganizationsEventTypesPrivateLinksController_deletePrivateLink", 200, res.body)).toEqual([]);
    expect(res.body.data).toEqual({ linkId: id, message: "Private link deleted successfully" });
    const again = await api(`${base()}/${id}`, { method: "DELETE", key: teamAdmin.apiKey });
    expect(expectError(again, 404).error.message).toBe(`Private link with ID ${id} not found for this event type`);
  });
});
