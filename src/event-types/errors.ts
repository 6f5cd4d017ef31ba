import { ApiError, badRequest, notFound } from "../errors";

// The messages event types and their private links answer (Cal.com's EventTypesService_2024_06_14 and
// EventTypesPrivateLinksController), one factory each.

/** An event type the caller may not see: unknown and someone else's read alike. */
export const eventTypeNotFound = (eventTypeId: number) => notFound(`Event type with id ${eventTypeId} not found`);

export const eventTypeSlugTaken = () => badRequest("User already has an event type with this slug.");

/** DELETE's own wording for an unknown id (Cal.com's checkUserOwnsEventType). */
export const eventTypeDoesNotExist = (eventTypeId: number) => notFound(`Event type with ID=${eventTypeId} does not exist.`);

// Cal.com throws these 403s from services, not guards, so they carry no guard prefix.
export const eventTypeNotOwned = (userId: number, eventTypeId: number) =>
  new ApiError("ForbiddenException", `User with ID=${userId} does not own event type with ID=${eventTypeId}`);

export const eventTypeAccessDenied = (eventTypeId: number) =>
  new ApiError("ForbiddenException", `User does not have permission to access event type ${eventTypeId}`);

export const privateLinkNotFound = (linkId: string) => notFound(`Private link with ID ${linkId} not found for this event type`);

// Org team event types may be booked by phone only; a form then needs the email or the attendee phone field
// required and visible (Cal.com's hasEmailOrPhoneOnlySetup).
export const noContactBookingField = () =>
  badRequest("bookingFields - Booking fields validation failed: visible and required email or visible and required attendee phone field is needed.");
