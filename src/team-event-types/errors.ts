import { badRequest } from "../errors";

// The messages team event types answer (Cal.com's TeamsEventTypesService and OrganizationsEventTypesService's
// input service), one factory each. Unknown ids reuse the personal event types' wording (src/event-types/errors.ts).

export const teamEventTypeSlugTaken = () => badRequest("Team event type with this slug already exists");

// Cal.com answers 404 here; a host that is not a member is bad input, so we answer 400 with the same message.
export const invalidHosts = (userIds: number[], teamId: number) =>
  badRequest(`Invalid hosts: ${userIds.join(", ")} are not members of team with id ${teamId}.`);

export const hostsRequiredWhenSwitching = () =>
  badRequest(
    "Hosts required when switching schedulingType. Please provide 'hosts' or set 'assignAllTeamMembers: true' to specify how hosts should be configured for the new scheduling type.",
  );

export const managedSchedulingTypeIsFixed = () => badRequest("schedulingType - a managed event type cannot change its scheduling type");

export const teamScheduleNotFound = (scheduleId: number, teamId: number) =>
  badRequest(`scheduleId - schedule with id ${scheduleId} does not belong to a member of team with id ${teamId}`);

// Cal.com calls its phone provider (Retell AI), which this deployment does not have: a clear 400, never a 500.
export const phoneCallsUnavailable = () => badRequest("Phone calls are not available: no phone call provider is configured on this deployment.");
