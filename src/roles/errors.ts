import { badRequest } from "../errors";

// The messages the role operations answer (Cal.com's RoleService and permission validators), one factory each.
// The 404 of a role outside the scope is `roleNotFound` in ./store.ts, shared with the role-permission routes.

export const roleNameTaken = (name: string) => badRequest(`Role with name "${name}" already exists`);

export const invalidPermission = (permission: string) =>
  badRequest(`Permission '${permission}' must be a valid permission string in format 'resource.action' (e.g., 'eventType.read', 'booking.create')`);

export const cannotUpdateDefaultRoles = () => badRequest("Cannot update default roles");

export const cannotDeleteDefaultRoles = () => badRequest("Cannot delete default roles");
