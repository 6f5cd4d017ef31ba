import { badRequest, notFound } from "../errors";

// Cal.com's slot and reservation messages, one factory each.

/** Slot lookups and legacy holds (Cal.com's slots services). */
export const eventTypeNotFound = () => notFound("Event Type not found");
export const userWithUsernameNotFound = (username: string) => notFound(`User with username ${username} not found`);
export const teamWithSlugNotFound = (slug: string) => notFound(`Team with slug ${slug} not found`);
export const organizationWithSlugNotFound = (slug: string) => notFound(`slots-input.service.ts: Organization with slug ${slug} not found`);
export const reservationNotFound = (uid: string) => notFound(`Slot with uid=${uid} not found`);
/** A query parameter that fails validation: Cal.com's class-validator message, prefixed by the field's name. */
export const invalidQueryField = (field: string, message: string) => badRequest(`${field} - ${message}`);
