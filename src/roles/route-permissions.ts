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
} as const satisfies Record<string, readonly PermissionString[]>;

export type PbacOperationId = keyof typeof ROUTE_PERMISSIONS;

/** The guard requirement of `operationId`: its role rules plus its PBAC permissions from the table. */
export const withPermissions = (operationId: PbacOperationId, requirement: OrgRouteRequirement): OrgRouteRequirement => ({
  ...requirement,
  permissions: ROUTE_PERMISSIONS[operationId],
});
