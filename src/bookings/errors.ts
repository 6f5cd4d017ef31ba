import { ApiError, badRequest, conflict, notFound } from "../errors";

// Cal.com's booking messages, one factory each (its bookings services word the same miss differently per
// endpoint; each wording is kept where Cal.com answers it).

/** get, confirm, decline, reschedule, reassign (bookings.service.ts). */
export const bookingNotFound = (uid: string) => notFound(`Booking with uid=${uid} was not found in the database`);
/** cancel, location update. */
export const bookingWithUidNotFound = (uid: string) => notFound(`Booking with uid=${uid} not found`);
/** add guests, references, calendar links. */
export const bookingUidNotFound = (uid: string) => notFound(`Booking with uid ${uid} not found`);
/** A booking re-read under its host's lock that disappeared meanwhile. */
export const bookingGone = () => notFound("Booking was not found in the database");
export const seatNotFound = (seatUid: string | undefined) => notFound(`Seat with uid=${seatUid} does not exist.`);
export const bookingUserNotFound = () => badRequest("User not found");

/** The host is busy at that time (a booking, the no-overlap constraint, a confirmation that would clash). */
export const OVERLAP_MESSAGE = "User either already has booking at this time or is not available";
export const hostUnavailable = () => conflict(OVERLAP_MESSAGE);
/**
 * A host out of office on the booked day: Cal.com's 400 (its 2024-08-13 errors service maps
 * no_available_users_found_error so; a collective event names "one of the hosts").
 */
export const hostOutOfOffice = (collective: boolean) =>
  badRequest(collective ? "One of the hosts either already has booking at this time or is not available" : OVERLAP_MESSAGE);
export const SEATS_FULL_MESSAGE = "No more seats left at this seated booking.";
export const seatsFull = () => conflict(SEATS_FULL_MESSAGE);
export const seatGone = () => badRequest("Invalid seatUid: this seat does not exist or has already been cancelled.");
/** The legacy controller's answer to an instant meeting of a personal event type (Cal.com's 2024-04-15). */
export const instantMeetingNeedsTeam = () => badRequest("Only Team Event Types are supported for Instant Meeting");
/** A managed event type's parent is a template: its children (one per assigned user) are booked (bookings.service.ts). */
export const managedParentNotBookable = (eventTypeId: number) =>
  badRequest(
    `Event type with id=${eventTypeId} is the parent managed event type that can't be booked. You have to provide the child event type id aka id of event type that has been assigned to one of the users.`,
  );

// Organization booking lists (v2/modules/organizations/*/bookings).
export const organizationUserNotFound = (userId: number) => notFound(`getOrganizationUserBookings - User ${userId} not found`);
/** Cal.com's TRPCError FORBIDDEN from getAllUserBookings, answered as a 403. */
export const userIdsOutsideOrganization = () => new ApiError("ForbiddenException", "You do not have permissions to fetch bookings for specified userIds");
