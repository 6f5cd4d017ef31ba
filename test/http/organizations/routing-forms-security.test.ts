// Who may use the routing-form routes: org ADMIN/OWNER for the org lists, team ADMIN (or an org admin) for the
// team lists and response changes, team MEMBER for responses on team routes, the owner of a personal form on the
// org route; forms and responses of other teams and organizations are never served; PBAC's routingForm.read /
// routingForm.update decide where the organization has it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import {
  assignCustomRole,
  createCustomRoleRow,
  createOrganization,
  createRoutingFormResponseRow,
  createRoutingFormRow,
  enablePbac,
  type OrganizationFixture,
  type OrgMember,
  type TeamFixture,
} from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

vi.setConfig({ testTimeout: 60_000 });

const FIELDS = [{ id: "f-name", type: "text", label: "Name", identifier: "name", required: true }];
const ROUTES = [{ id: "fallback", isFallback: true, action: { type: "customPageMessage", value: "Thanks" }, queryValue: { type: "group" } }];
const WINDOW = "start=2050-09-05&end=2050-09-06";

let org: OrganizationFixture;
let other: OrganizationFixture;
let orgAdmin: OrgMember;
let teamAdmin: OrgMember;
let teamMember: OrgMember;
let outsider: OrgMember;
let team: TeamFixture;
let secondTeam: TeamFixture;
let otherTeam: TeamFixture;
let formId: string;
let secondFormId: string;
let personalFormId: string;
let otherOrgFormId: string;
let responseId: number;

const orgPath = (suffix: string, orgId = org.organizationId) => `/v2/organizations/${orgId}${suffix}`;
const teamPath = (suffix: string, teamId = team.teamId) => orgPath(`/teams/${teamId}${suffix}`);

beforeAll(async () => {
  [org, other] = await Promise.all([createOrganization(), createOrganization()]);
  [orgAdmin, teamAdmin, teamMember, outsider] = await Promise.all([
    org.addMember("ADMIN"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER"),
    org.addMember("MEMBER"),
  ]);
  team = await org.addTeam([
    { userId: teamAdmin.userId, role: "ADMIN" },
    { userId: teamMember.userId, role: "MEMBER" },
  ]);
  secondTeam = await org.addTeam([]);
  otherTeam = await other.addTeam([]);
  [formId, secondFormId, personalFormId, otherOrgFormId] = (
    await Promise.all([
      createRoutingFormRow({ userId: org.owner.userId, teamId: team.teamId, fields: FIELDS, routes: ROUTES }),
      createRoutingFormRow({ userId: org.owner.userId, teamId: secondTeam.teamId, fields: FIELDS, routes: ROUTES }),
      createRoutingFormRow({ userId: outsider.userId, fields: FIELDS, routes: ROUTES }),
      createRoutingFormRow({ userId: other.owner.userId, teamId: otherTeam.teamId, fields: FIELDS, routes: ROUTES }),
    ])
  ).map((f) => f.id) as [string, string, string, string];
  responseId = (await createRoutingFormResponseRow(formId, { "f-name": { label: "Name", value: "x" } })).id;
  await api(orgPath("/routing-forms"), { key: org.owner.apiKey });
}, 120_000);

describe("credentials", () => {
  itRejectsMissingAndInvalidCredentials(() => ({ path: orgPath("/routing-forms") }));
  itRejectsMissingAndInvalidCredentials(() => ({ path: `/v2/routing-forms/${formId}/calculate-slots?${WINDOW}`, method: "POST", body: {} }));
});

describe("org routes", () => {
  it("lists: ORG_ADMIN and OWNER pass; an org MEMBER and a user of another org are 403", async () => {
    expect(dataOf<LooseBody[]>(await api(orgPath("/routing-forms"), { key: orgAdmin.apiKey })).map((f) => f.id)).toEqual(
      expect.arrayContaining([formId, secondFormId]),
    );
    expect(expectError(await api(orgPath("/routing-forms"), { key: teamAdmin.apiKey }), 403).error.message).toBe(
      `RolesGuard - user with id=${teamAdmin.userId} does not have the minimum required role=ORG_ADMIN within organization with id=${org.organizationId}.`,
    );
    expect(expectError(await api(orgPath("/routing-forms"), { key: other.owner.apiKey }), 403).error.message).toBe(
      `RolesGuard - User is not a member of the organization with id=${org.organizationId}.`,
    );
    expectError(await api(orgPath(`/routing-forms/${formId}/responses`), { key: teamMember.apiKey }), 403);
  });

  it("never serves another organization's forms: not listed, their responses and response changes are 404", async () => {
    const listed = dataOf<LooseBody[]>(await api(orgPath("/routing-forms"), { key: org.owner.apiKey }));
    expect(listed.map((f) => f.id)).not.toContain(otherOrgFormId);
    expect(listed.map((f) => f.id)).not.toContain(personalFormId);
    expect(expectError(await api(orgPath(`/routing-forms/${otherOrgFormId}/responses`), { key: org.owner.apiKey }), 404).error.message).toBe(
      "Routing form not found.",
    );
    expectError(
      await api(orgPath(`/routing-forms/${otherOrgFormId}/responses/${responseId}`), { method: "PATCH", key: org.owner.apiKey, body: { response: {} } }),
      404,
    );
  });

  it("POST responses: an org admin on any of the org's forms, a member only on their own personal form", async () => {
    const body = { name: "N" };
    expect(dataOf(await api(orgPath(`/routing-forms/${formId}/responses?${WINDOW}`), { method: "POST", key: orgAdmin.apiKey, body }), 201)).toEqual({
      routingCustomMessage: "Thanks",
    });
    expect(dataOf(await api(orgPath(`/routing-forms/${personalFormId}/responses?${WINDOW}`), { method: "POST", key: outsider.apiKey, body }), 201)).toEqual({
      routingCustomMessage: "Thanks",
    });
    expect(
      expectError(await api(orgPath(`/routing-forms/${formId}/responses?${WINDOW}`), { method: "POST", key: outsider.apiKey, body }), 403).error.message,
    ).toBe(`Routing Form with id=${formId} is not a user Routing Form owned by user with id=${outsider.userId}.`);
    // Cal.com does not check the form's organization for admins; here another org's form is a 404.
    expect(
      expectError(await api(orgPath(`/routing-forms/${otherOrgFormId}/responses?${WINDOW}`), { method: "POST", key: orgAdmin.apiKey, body }), 404).error
        .message,
    ).toBe("Routing form not found.");
  });
});

describe("org-team routes", () => {
  it("lists: team ADMIN and org admins pass; a team MEMBER and an org member outside the team are 403; another org's team is 404", async () => {
    expect(dataOf<LooseBody[]>(await api(teamPath("/routing-forms"), { key: teamAdmin.apiKey })).map((f) => f.id)).toEqual([formId]);
    expect(dataOf<LooseBody[]>(await api(teamPath("/routing-forms"), { key: orgAdmin.apiKey })).map((f) => f.id)).toEqual([formId]);
    expect(expectError(await api(teamPath("/routing-forms"), { key: teamMember.apiKey }), 403).error.message).toContain("minimum required role=TEAM_ADMIN");
    expectError(await api(teamPath("/routing-forms"), { key: outsider.apiKey }), 403);
    expect(expectError(await api(teamPath("/routing-forms", otherTeam.teamId), { key: org.owner.apiKey }), 404).error.message).toBe(
      `IsTeamInOrg - Team (${otherTeam.teamId}) not found.`,
    );
  });

  it("a form the team does not own is a 403 (IsRoutingFormInTeam), on every response route", async () => {
    const message = `IsRoutingFormInTeam - team with id=(${team.teamId}) does not own routing form with id=(${secondFormId}).`;
    expect(expectError(await api(teamPath(`/routing-forms/${secondFormId}/responses`), { key: org.owner.apiKey }), 403).error.message).toBe(message);
    expect(
      expectError(
        await api(teamPath(`/routing-forms/${secondFormId}/responses?${WINDOW}`), { method: "POST", key: teamMember.apiKey, body: { name: "N" } }),
        403,
      ).error.message,
    ).toBe(message);
    expectError(
      await api(teamPath(`/routing-forms/${otherOrgFormId}/responses/${responseId}`), { method: "PATCH", key: org.owner.apiKey, body: { response: {} } }),
      403,
    );
  });

  it("responses: a team MEMBER may respond but not list or change; an org member outside the team may not respond", async () => {
    expect(
      dataOf(await api(teamPath(`/routing-forms/${formId}/responses?${WINDOW}`), { method: "POST", key: teamMember.apiKey, body: { name: "N" } }), 201),
    ).toEqual({ routingCustomMessage: "Thanks" });
    expectError(await api(teamPath(`/routing-forms/${formId}/responses?${WINDOW}`), { method: "POST", key: outsider.apiKey, body: { name: "N" } }), 403);
    expectError(await api(teamPath(`/routing-forms/${formId}/responses`), { key: teamMember.apiKey }), 403);
    expectError(
      await api(teamPath(`/routing-forms/${formId}/responses/${responseId}`), { method: "PATCH", key: teamMember.apiKey, body: { response: {} } }),
      403,
    );
    expect(dataOf<LooseBody[]>(await api(teamPath(`/routing-forms/${formId}/responses`), { key: teamAdmin.apiKey })).map((r) => r.id)).toContain(responseId);
  });
});

describe("PBAC", () => {
  it("where the org has it, routingForm.read and routingForm.update decide instead of the role", async () => {
    const pbacOrg = await createOrganization();
    const [reader, nobody] = await Promise.all([pbacOrg.addMember("MEMBER"), pbacOrg.addMember("ADMIN")]);
    const pbacTeam = await pbacOrg.addTeam([]);
    const form = await createRoutingFormRow({ userId: pbacOrg.owner.userId, teamId: pbacTeam.teamId, fields: FIELDS, routes: ROUTES });
    const response = await createRoutingFormResponseRow(form.id, {});
    await enablePbac(pbacOrg.organizationId);
    const [readRole, emptyRole] = await Promise.all([
      createCustomRoleRow(pbacOrg.organizationId, ["routingForm.read"]),
      createCustomRoleRow(pbacOrg.organizationId, ["booking.read"]),
    ]);
    await Promise.all([
      assignCustomRole(pbacOrg.organizationId, reader.userId, readRole.id),
      assignCustomRole(pbacOrg.organizationId, nobody.userId, emptyRole.id),
    ]);
    const path = `/v2/organizations/${pbacOrg.organizationId}/routing-forms`;
    expect(dataOf<LooseBody[]>(await api(path, { key: reader.apiKey })).map((f) => f.id)).toEqual([form.id]);
    expect(expectError(await api(path, { key: nobody.apiKey }), 403).error.message).toContain("PbacGuard");
    const patch = `${path}/${form.id}/responses/${response.id}`;
    expect(expectError(await api(patch, { method: "PATCH", key: reader.apiKey, body: { response: {} } }), 403).error.message).toContain("routingForm.update");
    expect((await api(patch, { method: "PATCH", key: pbacOrg.owner.apiKey, body: { response: {} } })).status).toBe(200);
  });
});
