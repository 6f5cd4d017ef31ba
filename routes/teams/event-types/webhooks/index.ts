import { EventTypeIdParams, pathParams, TeamIdParams } from "../../../../src/http/common";
import { teamRoleGuard } from "../../../../src/team-event-types/access";
import { eventTypeWebhookOutputs } from "../../../../src/webhooks/output";
import { teamEventTypeWebhookAccess } from "../../../../src/webhooks/ownership";
import { webhookOwnerOperations } from "../../../../src/webhooks/operations";

// Cal.com's TeamsEventTypesWebhooksController: RolesGuard (TEAM_MEMBER for reads, TEAM_ADMIN for writes), then
// IsTeamEventTypeWebhookGuard (an accepted ADMIN or OWNER, the team's event type, the event type's webhook).
export const teamEventTypeWebhookOperations = webhookOwnerOperations({
  path: "/v2/teams/{teamId}/event-types/{eventTypeId}/webhooks",
  params: pathParams(TeamIdParams, EventTypeIdParams),
  tag: "Teams / Event Types / Webhooks",
  operations: {
    create: {
      operationId: "TeamsEventTypesWebhooksController_createTeamEventTypeWebhook",
      description: "For an admin or owner of the team. Fires for events of that event type's bookings. The `secret` is returned in this response only.",
    },
    list: { operationId: "TeamsEventTypesWebhooksController_getTeamEventTypeWebhooks" },
    deleteAll: { operationId: "TeamsEventTypesWebhooksController_deleteAllTeamEventTypeWebhooks" },
    get: { operationId: "TeamsEventTypesWebhooksController_getTeamEventTypeWebhook" },
    update: { operationId: "TeamsEventTypesWebhooksController_updateTeamEventTypeWebhook" },
    delete: { operationId: "TeamsEventTypesWebhooksController_deleteTeamEventTypeWebhook" },
  },
  whose: "The team event type's",
  outputs: eventTypeWebhookOutputs,
  access: teamEventTypeWebhookAccess,
  guards: { read: [teamRoleGuard("TEAM_MEMBER")], manage: [teamRoleGuard("TEAM_ADMIN")] },
  checks: "before validation",
});
