import type { OrgRouteRequirement } from "../organizations/access";
import type { PermissionString } from "./permissions";

// The one table of PBAC permissions per operation (Cal.com's @Pbac([...]) on each handler): where the organization
// or team has the `pbac` feature, the caller's role must grant these, and they decide instead of the route's
// MEMBER/ADMIN/OWNER rank (src/organizations/access.ts). Services never spell permission strings: they name their
// operation here with `withPermissions`. An operation absent from the table keeps the role rules only.

export const ROUTE_PERMISSIONS = {
  // Orgs / Memberships
  OrganizationsMembershipsController_getAllMemberships: ["organization.listMembers"],
  OrganizationsMembershipsController_getOrgMembership: ["organization.listMembers"],
  OrganizationsMembershipsController_createMembership: ["organization.invite"],
  OrganizationsMembershipsController_updateMembership: ["organization.changeMemberRole"],
  OrganizationsMembershipsController_deleteMembership: ["organization.remove"],
  // Orgs / Teams (`/teams/me` is any member's own view: no permission)
  OrganizationsTeamsController_getAllTeams: ["team.read"],
  OrganizationsTeamsController_getTeam: ["team.read"],
  OrganizationsTeamsController_createTeam: ["team.create"],
  OrganizationsTeamsController_updateTeam: ["team.update"],
  OrganizationsTeamsController_deleteTeam: ["team.delete"],
  // Orgs / Teams / Memberships
  OrganizationsTeamsMembershipsController_getAllOrgTeamMemberships: ["team.listMembers"],
  OrganizationsTeamsMembershipsController_getOrgTeamMembership: ["team.listMembers"],
  OrganizationsTeamsMembershipsController_createOrgTeamMembership: ["team.invite"],
  OrganizationsTeamsMembershipsController_updateOrgTeamMembership: ["team.changeMemberRole"],
  OrganizationsTeamsMembershipsController_deleteOrgTeamMembership: ["team.remove"],
  // Orgs / Bookings, Orgs / Users / Bookings, Orgs / Teams / Bookings
  OrganizationsBookingsController_getAllOrgTeamBookings: ["booking.readOrgBookings"],
  OrganizationsUsersBookingsController_getOrganizationUserBookings: ["booking.readOrgBookings"],
  OrganizationsTeamsBookingsController_getAllOrgTeamBookings: ["booking.readTeamBookings"],
  OrganizationsTeamsBookingsController_getBookingReferences: ["booking.readTeamBookings"],
  // Orgs / Roles and Orgs / Teams / Roles
  OrganizationsRolesController_createRole: ["role.create"],
  OrganizationsRolesController_getAllRoles: ["role.read"],
  OrganizationsRolesController_getRole: ["role.read"],
  OrganizationsRolesController_updateRole: ["role.update"],
  OrganizationsRolesController_deleteRole: ["role.delete"],
  OrganizationsTeamsRolesController_createRole: ["role.create"],
  OrganizationsTeamsRolesController_getAllRoles: ["role.read"],
  OrganizationsTeamsRolesController_getRole: ["role.read"],
  OrganizationsTeamsRolesController_updateRole: ["role.update"],
  OrganizationsTeamsRolesController_deleteRole: ["role.delete"],
  // Orgs / Roles / Permissions and Orgs / Teams / Roles / Permissions
  OrganizationsRolesPermissionsController_listPermissions: ["role.read"],
  OrganizationsRolesPermissionsController_addPermissions: ["role.update"],
  OrganizationsRolesPermissionsController_setPermissions: ["role.update"],
  OrganizationsRolesPermissionsController_removePermissions: ["role.update"],
  OrganizationsRolesPermissionsController_removePermission: ["role.update"],
  OrganizationsTeamsRolesPermissionsController_listPermissions: ["role.read"],
  OrganizationsTeamsRolesPermissionsController_addPermissions: ["role.update"],
  OrganizationsTeamsRolesPermissionsController_setPermissions: ["role.update"],
  OrganizationsTeamsRolesPermissionsController_removePermissions: ["role.update"],
  OrganizationsTeamsRolesPermissionsController_removePermission: ["role.update"],
  // Orgs / Attributes and Orgs / Attributes / Options (unassigning is ORG_MEMBER but needs `update`, as in Cal.com)
  OrganizationsAttributesController_getOrganizationAttributes: ["organization.attributes.read"],
  OrganizationsAttributesController_getOrganizationAttribute: ["organization.attributes.read"],
  OrganizationsAttributesController_createOrganizationAttribute: ["organization.attributes.create"],
  OrganizationsAttributesController_updateOrganizationAttribute: ["organization.attributes.update"],
  OrganizationsAttributesController_deleteOrganizationAttribute: ["organization.attributes.delete"],
  OrganizationsAttributesOptionsController_createOrganizationAttributeOption: ["organization.attributes.create"],
  OrganizationsAttributesOptionsController_getOrganizationAttributeOptions: ["organization.attributes.read"],
  OrganizationsAttributesOptionsController_updateOrganizationAttributeOption: ["organization.attributes.update"],
  OrganizationsAttributesOptionsController_deleteOrganizationAttributeOption: ["organization.attributes.delete"],
  OrganizationsAttributesOptionsController_getOrganizationAttributeAssignedOptions: ["organization.attributes.read"],
  OrganizationsAttributesOptionsController_getOrganizationAttributeAssignedOptionsBySlug: ["organization.attributes.read"],
  OrganizationsAttributesOptionsController_assignOrganizationAttributeOptionToUser: ["organization.attributes.update"],
  OrganizationsAttributesOptionsController_unassignOrganizationAttributeOptionFromUser: ["organization.attributes.update"],
  OrganizationsAttributesOptionsController_getOrganizationAttributeOptionsForUser: ["organization.attributes.read"],
  // Orgs / Routing forms and Orgs / Teams / Routing forms (Cal.com's org controllers; the team ones take the same)
  OrganizationsRoutingFormsController_getOrganizationRoutingForms: ["routingForm.read"],
  OrganizationsRoutingFormsResponsesController_getRoutingFormResponses: ["routingForm.read"],
  OrganizationsRoutingFormsResponsesController_createRoutingFormResponse: ["routingForm.create"],
  OrganizationsRoutingFormsResponsesController_updateRoutingFormResponse: ["routingForm.update"],
  OrganizationsTeamsRoutingFormsController_getTeamRoutingForms: ["routingForm.read"],
  OrganizationsTeamsRoutingFormsResponsesController_getRoutingFormResponses: ["routingForm.read"],
  OrganizationsTeamsRoutingFormsResponsesController_createRoutingFormResponse: ["routingForm.create"],
  OrganizationsTeamsRoutingFormsResponsesController_updateRoutingFormResponse: ["routingForm.update"],
  // Orgs / Teams / Workflows (event-type and routing-form workflows alike)
  OrganizationTeamWorkflowsController_getWorkflows: ["workflow.read"],
  OrganizationTeamWorkflowsController_getRoutingFormWorkflows: ["workflow.read"],
  OrganizationTeamWorkflowsController_getWorkflowById: ["workflow.read"],
  OrganizationTeamWorkflowsController_getRoutingFormWorkflowById: ["workflow.read"],
  OrganizationTeamWorkflowsController_createEventTypeWorkflow: ["workflow.create"],
  OrganizationTeamWorkflowsController_createFormWorkflow: ["workflow.create"],
  OrganizationTeamWorkflowsController_updateWorkflow: ["workflow.update"],
  OrganizationTeamWorkflowsController_updateRoutingFormWorkflow: ["workflow.update"],
  OrganizationTeamWorkflowsController_deleteWorkflow: ["workflow.delete"],
  OrganizationTeamWorkflowsController_deleteRoutingFormWorkflow: ["workflow.delete"],
} as const satisfies Record<string, readonly PermissionString[]>;

export type PbacOperationId = keyof typeof ROUTE_PERMISSIONS;

/** The guard requirement of `operationId`: its role rules plus its PBAC permissions from the table. */
export const withPermissions = (operationId: PbacOperationId, requirement: OrgRouteRequirement): OrgRouteRequirement => ({
  ...requirement,
  permissions: ROUTE_PERMISSIONS[operationId],
});
