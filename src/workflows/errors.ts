// One factory per message of the team workflow operations (Cal.com's wording where it has one).
import { badRequest, notFound } from "../errors";

// v2/modules/auth/guards/workflows/is-event-type-workflow-in-team.ts and its routing-form twin.
export const eventTypeWorkflowNotFound = (workflowId: number) => notFound(`IsWorkflowInTeam - event-type workflow (${workflowId}) not found.`);
export const routingFormWorkflowNotFound = (workflowId: number) => notFound(`IsWorkflowInTeam - routing form workflow (${workflowId}) not found.`);

// v2/modules/workflows/services/workflows.input.service.ts
export const invalidVerifiedEmail = () => badRequest("Invalid Verified Email Id.");
export const invalidVerifiedPhone = () => badRequest("Invalid Verified Phone Id.");

// Ours (Cal.com's core update answers a bare 401 TRPCError for an id outside the team).
export const eventTypesNotInTeam = (ids: readonly number[], teamId: number) =>
  badRequest(`Event types ${ids.join(", ")} are not event types of team ${teamId}: a team workflow is active only on the team's event types`);
export const routingFormsNotInTeam = (ids: readonly string[], teamId: number) =>
  badRequest(`Routing forms ${ids.join(", ")} are not routing forms of team ${teamId}: a team workflow is active only on the team's forms`);
export const stepNotInWorkflow = (stepId: number, workflowId: number) =>
  badRequest(`Step with id ${stepId} is not a step of workflow ${workflowId}; leave out the id to add a new step`);
export const unsupportedTemplate = (template: string) =>
  badRequest(`template '${template}' cannot be stored by this deployment; use reminder, custom, completed or rating`);
