import { badRequest, notFound } from "../errors";

// The messages of Cal.com's EventTypesAtomService.getPublicEventTypeForAtoms, one factory each.

export const teamNotFound = (teamId: number) => notFound(`Team with id ${teamId} not found`);

export const publicEventNotFound = (eventSlug: string) => notFound(`Event type with slug ${eventSlug} not found`);

export const teamIdRequired = () => badRequest("teamId is required for team events, please provide a valid teamId");

export const usernameRequired = () => badRequest("username is required for non-team events, please provide a valid username");
