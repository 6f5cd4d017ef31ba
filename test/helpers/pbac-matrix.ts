import { beforeAll, describe, expect, it } from "vitest";
import { operations } from "../../routes/index";
import { type PbacOperationId, ROUTE_PERMISSIONS } from "../../src/roles/route-permissions";
import { api } from "./api";
import {
  assignCustomRole,
  createCustomRoleRow,
  createOrganization,
  createRoutingFormResponseRow,
  createRoutingFormRow,
  enablePbac,
  insertBookingRow,
  insertEventTypeRow,
  type OrganizationFixture,
  type OrgMember,
  sql,
  unique,
  withDb,
} from "./fixtures";

// The PBAC matrix, generated from src/roles/route-permissions.ts: for every operation in the table, one request
// per case. With the `pbac` feature on the organization, a MEMBER whose custom role grants exactly the
// operation's permissions passes (2xx), and an ADMIN whose custom role lacks them gets the PbacGuard 403 (the
// permissions decide, not the rank). Without the feature the role rules are unchanged: an ADMIN passes, and a
// MEMBER gets the RolesGuard 403 (or passes, on ORG_MEMBER routes). The table is split into parts, one test file
// each (test/http/organizations/pbac-matrix*.test.ts), so no file grows past a few hundred requests; every
// operation belongs to exactly one part.

type Call = { params: Record<string, string | number>; body?: unknown; query?: string };
type Build = (org: OrganizationFixture) => Promise<Call>;

const membershipId = async (teamId: number, userId: number) =>
  (await sql<{ id: number }>`SELECT "id" FROM "Membership" WHERE "teamId" = ${teamId} AND "userId" = ${userId}`)[0]?.id as number;
const orgOnly: Build = async (org) => ({ params: { orgId: org.organizationId } });
const team: Build = async (org) => ({ params: { orgId: org.organizationId, teamId: (await org.addTeam()).teamId } });
const orgMembership: Build = async (org) => {
  const target = await org.addMember("MEMBER");
  return { params: { orgId: org.organizationId, membershipId: await membershipId(org.organizationId, target.userId) } };
};
const teamMembership: Build = async (org) => {
  const target = await org.addMember("MEMBER");
  const { teamId } = await org.addTeam([{ userId: target.userId }]);
  return { params: { orgId: org.organizationId, teamId, membershipId: await membershipId(teamId, target.userId) } };
};
const orgRole: Build = async (org) => ({ params: { orgId: org.organizationId, roleId: (await createCustomRoleRow(org.organizationId, ["booking.read"])).id } });
const teamRole: Build = async (org) => {
  const { teamId } = await org.addTeam();
  return { params: { orgId: org.organizationId, teamId, roleId: (await createCustomRoleRow(teamId, ["booking.read"])).id } };
};
const withBody =
  (build: Build, body: unknown): Build =>
  async (org) => ({ ...(await build(org)), body });
const withPermission =
  (build: Build): Build =>
  async (org) => {
    const call = await build(org);
    return { ...call, params: { ...call.params, permission: "booking.read" } };
  };

/** How an operation is called, and what a MEMBER gets without PBAC when it is not RolesGuard's 403. */
interface Case {
  build: Build;
  pbacOff?: { member: "passes" | string };
}
/** An ORG_MEMBER route: without PBAC a MEMBER passes too. */
const memberRoute = (build: Build): Case => ({ build, pbacOff: { member: "passes" } });

const attribute: Build = async (org) =>
  withDb(async (db) => {
    const slug = unique("attr");
    const row = await db.attribute.create({ data: { teamId: org.organizationId, name: slug, slug, type: "SINGLE_SELECT" }, select: { id: true } });
    const option = await db.attributeOption.create({ data: { attributeId: row.id, value: slug, slug }, select: { id: true } });
    return { params: { orgId: org.organizationId, attributeId: row.id, attributeSlug: slug, optionId: option.id } };
  });
/** A form of a team of the org whose one route answers a message (so a response is always routed). */
const teamForm: Build = async (org) => {
  const call = await team(org);
  const form = await createRoutingFormRow({
    userId: org.owner.userId,
    teamId: Number(call.params.teamId),
    fields: [],
    routes: [{ id: "r", action: { type: "customPageMessage", value: "Thanks" }, queryValue: null }],
  });
  return { params: { ...call.params, routingFormId: form.id } };
};
const orgForm: Build = async (org) => {
  const { params } = await teamForm(org);
  return { params: { orgId: params.orgId as number, routingFormId: params.routingFormId as string } };
};
const withResponse =
  (build: Build): Build =>
  async (org) => {
    const call = await build(org);
    const response = await createRoutingFormResponseRow(String(call.params.routingFormId), {});
    return { ...call, params: { ...call.params, responseId: response.id }, body: { response: { note: "changed" } } };
  };
const slotsWindow = () => {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  return `?start=${day}&end=${day}`;
};

let bookingHour = 0;

/** A workflow of a new team of the org, of either family. */
const teamWorkflow =
  (type: "EVENT_TYPE" | "ROUTING_FORM"): Build =>
  async (org) => {
    const call = await team(org);
    const workflow = await withDb((db) =>
      db.workflow.create({
        data: { name: unique("Workflow"), teamId: Number(call.params.teamId), type, trigger: type === "EVENT_TYPE" ? "NEW_EVENT" : "FORM_SUBMITTED" },
        select: { id: true },
      }),
    );
    return { params: { ...call.params, workflowId: workflow.id } };
  };
const WORKFLOW_STEP = {
  action: "email_attendee",
  stepNumber: 1,
  recipient: "attendee",
  template: "reminder",
  sender: "Matrix",
  includeCalendarEvent: false,
  message: { subject: "Hi", html: "<p>Hi</p>" },
};

// How to call each operation of the table (the compiler insists on one entry per operation).
const CALLS: Record<PbacOperationId, Build | Case> = {
  OrganizationsMembershipsController_getAllMemberships: orgOnly,
  OrganizationsMembershipsController_getOrgMembership: orgMembership,
  OrganizationsMembershipsController_createMembership: async (org) => ({
    params: { orgId: org.organizationId },
    body: { userId: (await org.addMember("MEMBER")).userId, role: "MEMBER" },
  }),
  OrganizationsMembershipsController_updateMembership: withBody(orgMembership, { accepted: true }),
  OrganizationsMembershipsController_deleteMembership: orgMembership,
  OrganizationsTeamsController_getAllTeams: orgOnly,
  OrganizationsTeamsController_getTeam: team,
  OrganizationsTeamsController_createTeam: async (org) => ({ params: { orgId: org.organizationId }, body: { name: unique("Team") } }),
  OrganizationsTeamsController_updateTeam: async (org) => ({ ...(await team(org)), body: { name: unique("Renamed") } }),
  OrganizationsTeamsController_deleteTeam: team,
  OrganizationsTeamsMembershipsController_getAllOrgTeamMemberships: team,
  OrganizationsTeamsMembershipsController_getOrgTeamMembership: teamMembership,
  OrganizationsTeamsMembershipsController_createOrgTeamMembership: async (org) => ({
    ...(await team(org)),
    body: { userId: (await org.addMember("MEMBER")).userId, role: "MEMBER" },
  }),
  OrganizationsTeamsMembershipsController_updateOrgTeamMembership: withBody(teamMembership, { accepted: true }),
  OrganizationsTeamsMembershipsController_deleteOrgTeamMembership: teamMembership,
  OrganizationsBookingsController_getAllOrgTeamBookings: orgOnly,
  OrganizationsUsersBookingsController_getOrganizationUserBookings: async (org) => ({
    params: { orgId: org.organizationId, userId: (await org.addMember("MEMBER")).userId },
  }),
  OrganizationsTeamsBookingsController_getAllOrgTeamBookings: team,
  OrganizationsTeamsBookingsController_getBookingReferences: async (org) => {
    const call = await team(org);
    const eventType = await insertEventTypeRow({ teamId: Number(call.params.teamId) });
    // Each call books its own hour: one organizer's accepted bookings may not overlap.
    bookingHour += 1;
    const booking = await insertBookingRow({ userId: org.owner.userId, eventTypeId: eventType.id, start: new Date(Date.UTC(2031, 0, 1, bookingHour)) });
    return { params: { ...call.params, bookingUid: booking.uid } };
  },
  OrganizationsRolesController_createRole: async (org) => ({
    params: { orgId: org.organizationId },
    body: { name: unique("Role"), permissions: ["booking.read"] },
  }),
  OrganizationsRolesController_getAllRoles: orgOnly,
  OrganizationsRolesController_getRole: orgRole,
  OrganizationsRolesController_updateRole: withBody(orgRole, { color: "#123456" }),
  OrganizationsRolesController_deleteRole: orgRole,
  OrganizationsTeamsRolesController_createRole: async (org) => ({ ...(await team(org)), body: { name: unique("Role"), permissions: ["booking.read"] } }),
  OrganizationsTeamsRolesController_getAllRoles: team,
  OrganizationsTeamsRolesController_getRole: teamRole,
  OrganizationsTeamsRolesController_updateRole: withBody(teamRole, { color: "#123456" }),
  OrganizationsTeamsRolesController_deleteRole: teamRole,
  OrganizationsRolesPermissionsController_listPermissions: orgRole,
  OrganizationsRolesPermissionsController_addPermissions: withBody(orgRole, { permissions: ["team.read"] }),
  OrganizationsRolesPermissionsController_setPermissions: withBody(orgRole, { permissions: ["team.read"] }),
  OrganizationsRolesPermissionsController_removePermissions: async (org) => ({ ...(await orgRole(org)), query: "?permissions=booking.read" }),
  OrganizationsRolesPermissionsController_removePermission: withPermission(orgRole),
  OrganizationsTeamsRolesPermissionsController_listPermissions: teamRole,
  OrganizationsTeamsRolesPermissionsController_addPermissions: withBody(teamRole, { permissions: ["team.read"] }),
  OrganizationsTeamsRolesPermissionsController_setPermissions: withBody(teamRole, { permissions: ["team.read"] }),
  OrganizationsTeamsRolesPermissionsController_removePermissions: async (org) => ({ ...(await teamRole(org)), query: "?permissions=booking.read" }),
  OrganizationsTeamsRolesPermissionsController_removePermission: withPermission(teamRole),
  // Orgs / Attributes (+ Options): reads and unassigning are ORG_MEMBER routes.
  OrganizationsAttributesController_getOrganizationAttributes: memberRoute(orgOnly),
  OrganizationsAttributesController_getOrganizationAttribute: memberRoute(attribute),
  OrganizationsAttributesController_createOrganizationAttribute: async (org) => {
    const slug = unique("attr");
    return { params: { orgId: org.organizationId }, body: { name: slug, slug, type: "TEXT", options: [] } };
  },
  OrganizationsAttributesController_updateOrganizationAttribute: withBody(attribute, { name: "Renamed" }),
  OrganizationsAttributesController_deleteOrganizationAttribute: attribute,
  OrganizationsAttributesOptionsController_createOrganizationAttributeOption: async (org) => ({
    ...(await attribute(org)),
    body: { value: "Option", slug: unique("option") },
  }),
  OrganizationsAttributesOptionsController_getOrganizationAttributeOptions: memberRoute(attribute),
  OrganizationsAttributesOptionsController_updateOrganizationAttributeOption: withBody(attribute, { value: "Renamed" }),
  OrganizationsAttributesOptionsController_deleteOrganizationAttributeOption: attribute,
  OrganizationsAttributesOptionsController_getOrganizationAttributeAssignedOptions: memberRoute(attribute),
  OrganizationsAttributesOptionsController_getOrganizationAttributeAssignedOptionsBySlug: memberRoute(attribute),
  OrganizationsAttributesOptionsController_assignOrganizationAttributeOptionToUser: async (org) => {
    const call = await attribute(org);
    const target = await org.addMember("MEMBER");
    return { params: { ...call.params, userId: target.userId }, body: { attributeId: call.params.attributeId, attributeOptionId: call.params.optionId } };
  },
  // A MEMBER may unassign only their own options (RolesGuard 403 for someone else's, as without the role).
  OrganizationsAttributesOptionsController_unassignOrganizationAttributeOptionFromUser: async (org) => {
    const call = await attribute(org);
    const optionId = String(call.params.optionId);
    const target = await org.addMember("MEMBER");
    await sql`INSERT INTO "AttributeToUser" ("id", "memberId", "attributeOptionId")
      VALUES (${crypto.randomUUID()}, ${await membershipId(org.organizationId, target.userId)}, ${optionId})`;
    return { params: { orgId: org.organizationId, userId: target.userId, attributeOptionId: optionId } };
  },
  OrganizationsAttributesOptionsController_getOrganizationAttributeOptionsForUser: memberRoute(async (org) => ({
    params: { orgId: org.organizationId, userId: (await org.addMember("MEMBER")).userId },
  })),
  // Orgs / Routing forms and Orgs / Teams / Routing forms
  OrganizationsRoutingFormsController_getOrganizationRoutingForms: orgOnly,
  OrganizationsRoutingFormsResponsesController_getRoutingFormResponses: orgForm,
  // Or(RolesGuard, IsUserRoutingForm): a MEMBER is refused for a form that is not their own.
  OrganizationsRoutingFormsResponsesController_createRoutingFormResponse: {
    build: async (org) => ({ ...(await orgForm(org)), body: {}, query: slotsWindow() }),
    pbacOff: { member: "is not a user Routing Form" },
  },
  OrganizationsRoutingFormsResponsesController_updateRoutingFormResponse: withResponse(orgForm),
  OrganizationsTeamsRoutingFormsController_getTeamRoutingForms: team,
  OrganizationsTeamsRoutingFormsResponsesController_getRoutingFormResponses: teamForm,
  OrganizationsTeamsRoutingFormsResponsesController_createRoutingFormResponse: async (org) => ({ ...(await teamForm(org)), body: {}, query: slotsWindow() }),
  OrganizationsTeamsRoutingFormsResponsesController_updateRoutingFormResponse: withResponse(teamForm),
  // Orgs / Teams / Workflows
  OrganizationTeamWorkflowsController_getWorkflows: team,
  OrganizationTeamWorkflowsController_getRoutingFormWorkflows: team,
  OrganizationTeamWorkflowsController_getWorkflowById: teamWorkflow("EVENT_TYPE"),
  OrganizationTeamWorkflowsController_getRoutingFormWorkflowById: teamWorkflow("ROUTING_FORM"),
  OrganizationTeamWorkflowsController_createEventTypeWorkflow: withBody(team, {
    name: "Matrix",
    activation: { isActiveOnAllEventTypes: true },
    trigger: { type: "newEvent" },
    steps: [WORKFLOW_STEP],
  }),
  OrganizationTeamWorkflowsController_createFormWorkflow: withBody(team, {
    name: "Matrix",
    activation: { isActiveOnAllRoutingForms: true },
    trigger: { type: "formSubmitted" },
    steps: [WORKFLOW_STEP],
  }),
  OrganizationTeamWorkflowsController_updateWorkflow: withBody(teamWorkflow("EVENT_TYPE"), { name: "Renamed" }),
  OrganizationTeamWorkflowsController_updateRoutingFormWorkflow: withBody(teamWorkflow("ROUTING_FORM"), { name: "Renamed" }),
  OrganizationTeamWorkflowsController_deleteWorkflow: teamWorkflow("EVENT_TYPE"),
  OrganizationTeamWorkflowsController_deleteRoutingFormWorkflow: teamWorkflow("ROUTING_FORM"),
};

export type MatrixPart = "memberships-teams-bookings-roles" | "attributes" | "routing-forms" | "workflows";

/** The part of the matrix an operation is tested in. */
export const partOf = (operationId: string): MatrixPart =>
  operationId.startsWith("OrganizationsAttributes")
    ? "attributes"
    : operationId.startsWith("OrganizationTeamWorkflows")
      ? "workflows"
      : operationId.includes("RoutingForms")
        ? "routing-forms"
        : "memberships-teams-bookings-roles";

const caseOf = (operationId: PbacOperationId): Case => {
  const entry = CALLS[operationId];
  return typeof entry === "function" ? { build: entry } : entry;
};

function operationOf(operationId: string) {
  const operation = operations.find((op) => op.route.operationId === operationId);
  if (!operation) throw new Error(`no operation ${operationId}`);
  return operation;
}

async function call(operationId: PbacOperationId, org: OrganizationFixture, caller: OrgMember) {
  const { route } = operationOf(operationId);
  const { params, body, query } = await caseOf(operationId).build(org);
  const path = route.path.replace(/\{(\w+)\}/g, (_: string, name: string) => String(params[name]));
  return api(`${path}${query ?? ""}`, { method: route.method.toUpperCase() as never, key: caller.apiKey, ...(body ? { body } : {}) });
}

/** The four cases of every operation of the table in `part`. */
export function describePbacMatrix(part: MatrixPart): void {
  const entries = (Object.entries(ROUTE_PERMISSIONS) as [PbacOperationId, readonly string[]][]).filter(([operationId]) => partOf(operationId) === part);
  let pbacOrg: OrganizationFixture;
  let legacyOrg: OrganizationFixture;
  let lacking: OrgMember;
  let legacyAdmin: OrgMember;
  let legacyMember: OrgMember;
  const granted = new Map<string, OrgMember>();

  beforeAll(async () => {
    [pbacOrg, legacyOrg] = await Promise.all([createOrganization(), createOrganization()]);
    await enablePbac(pbacOrg.organizationId);
    [lacking, legacyAdmin, legacyMember] = await Promise.all([pbacOrg.addMember("ADMIN"), legacyOrg.addMember("ADMIN"), legacyOrg.addMember("MEMBER")]);
    await assignCustomRole(pbacOrg.organizationId, lacking.userId, (await createCustomRoleRow(pbacOrg.organizationId, ["booking.read"])).id);
    // One MEMBER per distinct permission set, whose custom role grants exactly that set.
    for (const permissions of new Set(entries.map(([, p]) => p.join(",")))) {
      const member = await pbacOrg.addMember("MEMBER");
      await assignCustomRole(pbacOrg.organizationId, member.userId, (await createCustomRoleRow(pbacOrg.organizationId, permissions.split(","))).id);
      granted.set(permissions, member);
    }
  }, 120_000);

  it("the part is not empty", () => expect(entries.length).toBeGreaterThan(0));

  describe.each(entries)("%s", (operationId, permissions) => {
    it(`pbac on: a MEMBER whose role grants ${permissions.join(", ")} passes`, async () => {
      const res = await call(operationId, pbacOrg, granted.get(permissions.join(",")) as OrgMember);
      expect([200, 201, 204], res.text).toContain(res.status);
    }, 30_000);

    it("pbac on: an ADMIN whose role lacks them gets the PbacGuard 403", async () => {
      const res = await call(operationId, pbacOrg, lacking);
      expect(res.status, res.text).toBe(403);
      expect(res.text).toContain("PbacGuard");
    }, 30_000);

    it("pbac off: an ADMIN passes (the role rules)", async () => {
      const res = await call(operationId, legacyOrg, legacyAdmin);
      expect([200, 201, 204], res.text).toContain(res.status);
    }, 30_000);

    const member = caseOf(operationId).pbacOff?.member ?? "RolesGuard";
    it(`pbac off: a MEMBER ${member === "passes" ? "passes (an ORG_MEMBER route)" : `gets a 403 (${member})`}`, async () => {
      const res = await call(operationId, legacyOrg, legacyMember);
      if (member === "passes") expect([200, 201, 204], res.text).toContain(res.status);
      else {
        expect(res.status, res.text).toBe(403);
        expect(res.text).toContain(member);
      }
    }, 30_000);
  });
}
