// Orgs / Teams / Workflows: who may call (TEAM_ADMIN of the team or an org ADMIN/OWNER, SCALE for platform
// orgs), and a workflow or team outside the path's scope is a 404 — never another team's data.
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import { createOrganization, type OrganizationFixture, type OrgMember, withDb } from "../../helpers/fixtures";

let org: OrganizationFixture;
let teamId: number;
let otherTeamId: number;
let teamAdmin: OrgMember;
let teamMember: OrgMember;
let outsider: OrgMember;
let workflowId: number;
let formWorkflowId: number;
let otherTeamWorkflowId: number;

const path = (team: number, rest = "") => `/v2/organizations/${org.organizationId}/teams/${team}/workflows${rest}`;

beforeAll(async () => {
  org = await createOrganization({ isPlatform: true });
  [teamAdmin, teamMember, outsider] = await Promise.all([org.addMember("MEMBER"), org.addMember("MEMBER"), org.addMember("MEMBER")]);
  ({ teamId } = await org.addTeam([
    { userId: teamAdmin.userId, role: "ADMIN" },
    { userId: teamMember.userId, role: "MEMBER" },
  ]));
  ({ teamId: otherTeamId } = await org.addTeam());
  [workflowId, formWorkflowId, otherTeamWorkflowId] = await withDb(async (db) => [
    (await db.workflow.create({ data: { name: "Mine", teamId, trigger: "NEW_EVENT" } })).id,
    (await db.workflow.create({ data: { name: "Form", teamId, type: "ROUTING_FORM", trigger: "FORM_SUBMITTED" } })).id,
    (await db.workflow.create({ data: { name: "Secret of the other team", teamId: otherTeamId, trigger: "NEW_EVENT" } })).id,
  ]);
}, 180_000);

describe("roles", () => {
  it("a team ADMIN and the org OWNER pass", async () => {
    for (const key of [teamAdmin.apiKey, org.owner.apiKey]) {
      expect(dataOf<{ id: number }[]>(await api(path(teamId), { key })).map((w) => w.id)).toContain(workflowId);
      expect(dataOf<{ id: number }>(await api(path(teamId, `/${workflowId}`), { key })).id).toBe(workflowId);
    }
  });

  it("a team MEMBER gets the RolesGuard 403 on reads and writes", async () => {
    for (const [rest, method] of [
      ["", "GET"],
      [`/${workflowId}`, "GET"],
      [`/${workflowId}`, "DELETE"],
      [`/${formWorkflowId}/routing-form`, "DELETE"],
    ] as const) {
      const res = await api(path(teamId, rest), { key: teamMember.apiKey, method });
      expect(expectError(res, 403).error.message).toContain("RolesGuard");
    }
  });

  it("an org MEMBER outside the team gets 403", async () => {
    const res = await api(path(teamId, `/${workflowId}`), { key: outsider.apiKey });
    expect(expectError(res, 403).error.message).toContain("is not part of the team");
  });

  it("without credentials: 401", async () => {
    expect((await api(path(teamId), {})).status).toBe(401);
  });
});

describe("scope", () => {
  it("another team's workflow through this team's path is a 404, with none of its data", async () => {
    for (const [rest, method] of [
      [`/${otherTeamWorkflowId}`, "GET"],
      [`/${otherTeamWorkflowId}`, "PATCH"],
      [`/${otherTeamWorkflowId}`, "DELETE"],
    ] as const) {
      const res = await api(path(teamId, rest), { key: teamAdmin.apiKey, method, ...(method === "PATCH" ? { body: { name: "Taken" } } : {}) });
      expect(expectError(res, 404).error.message).toBe(`IsWorkflowInTeam - event-type workflow (${otherTeamWorkflowId}) not found.`);
      expect(res.text).not.toContain("Secret of the other team");
    }
    const name = await withDb((db) => db.workflow.findUnique({ where: { id: otherTeamWorkflowId }, select: { name: true } }));
    expect(name).toEqual({ name: "Secret of the other team" });
  });

  it("each family sees only its own type", async () => {
    expectError(await api(path(teamId, `/${formWorkflowId}`), { key: org.owner.apiKey }), 404);
    const res = await api(path(teamId, `/${workflowId}/routing-form`), { key: org.owner.apiKey });
    expect(expectError(res, 404).error.message).toBe(`IsWorkflowInTeam - routing form workflow (${workflowId}) not found.`);
  });

  it("a team of another organization is a 404 (IsTeamInOrg)", async () => {
    const otherOrg = await createOrganization({ isPlatform: true });
    const { teamId: foreignTeam } = await otherOrg.addTeam();
    const res = await api(path(foreignTeam), { key: org.owner.apiKey });
    expect(expectError(res, 404).error.message).toBe(`IsTeamInOrg - Team (${foreignTeam}) not found.`);
  });

  it("a platform organization below the SCALE plan gets the PlatformPlanGuard 403", async () => {
    const essentials = await createOrganization({ isPlatform: true, plan: "ESSENTIALS" });
    const { teamId: team } = await essentials.addTeam();
    const res = await api(`/v2/organizations/${essentials.organizationId}/teams/${team}/workflows`, { key: essentials.owner.apiKey });
    expect(expectError(res, 403).error.message).toContain("PlatformPlanGuard");
  });
});
