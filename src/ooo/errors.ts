import { ApiError, badRequest, conflict } from "../errors";

// Out-of-office messages (v2/modules/ooo/services/ooo.service.ts, guards/is-user-ooo.ts), one factory each, plus
// ours for overlapping entries.

export const oooNotOfUser = () => new ApiError("ForbiddenException", "This OOO entry does not belong to this user.");
export const oooBothDatesRequired = () => badRequest("Please specify both ooo start and end time.");
export const oooStartAfterEnd = () => badRequest("Start date must be before end date.");
export const oooRedirectLoop = () => badRequest("Booking redirect infinite not allowed.");
export const oooExists = () => conflict("Ooo entry already exists.");
export const oooRedirectToSelf = () => badRequest("Cannot redirect to self.");
export const oooRedirectNotAllowed = () => badRequest("Cannot redirect to this user.");
/** Ours: Cal.com refuses only an entry with exactly the same start and end. */
export const oooOverlaps = (id: number) => conflict(`Ooo entry overlaps the existing out-of-office entry with id=${id} of this user.`);
