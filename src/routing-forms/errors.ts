import { ApiError, badRequest, forbidden, notFound } from "../errors";
import type { AnswerProblem } from "./logic";

// Cal.com's routing-form messages (v2/modules/organizations/routing-forms, v2/modules/routing-forms,
// v2/modules/auth/guards/routing-forms, rf/lib/handleResponse.ts).

export const routingFormNotFound = () => notFound("Routing form not found.");
export const routingFormNotInTeam = (teamId: number, formId: string) =>
  forbidden("IsRoutingFormInTeam", `team with id=(${teamId}) does not own routing form with id=(${formId}).`);
export const notUserRoutingForm = (formId: string, userId: number) =>
  // IsUserRoutingForm's message carries no guard name.
  new ApiError("ForbiddenException", `Routing Form with id=${formId} is not a user Routing Form owned by user with id=${userId}.`);
export const routingFormResponseNotFound = (responseId: number) => notFound(`Routing form response with id=${responseId} not found.`);
export const endBeforeStart = () => badRequest("End date cannot be before start date.");
export const noRouteFound = () => notFound("Route to which the form response should be redirected not found.");
export const notEventTypeRoute = () => notFound("Routed to a non cal.com event type URL.");
export const teamIdNotInRoutedUrl = () => notFound("Team ID not found in the routed URL.");
export const chosenEventTypeNotFound = () => notFound("Chosen event type not found.");

export function answerProblem(problem: AnswerProblem) {
  return problem.kind === "missing"
    ? badRequest(`Missing required fields ${problem.labels.join(", ")}`)
    : badRequest(`Invalid value for fields '${problem.label}' with value '${problem.value}' should be valid email`);
}
