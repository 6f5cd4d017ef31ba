import type { Prisma } from "../generated/prisma/client";
import { bookingWithUidNotFound } from "./errors";
import { ApiError } from "../errors";
import { canManageBooking } from "./access";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { locationResponse } from "./locations";
import { getBooking, type BookingLookup } from "./read";
import { findBookingByUid } from "./store";
import { writeBookingCalendarEvents } from "../calendars/booking-events/hooks";

export type NewBookingLocation =
  | { type: "address" | "attendeeAddress"; address: string }
  | { type: "attendeeDefined"; location: string }
  | { type: "attendeePhone" | "phone"; phone: string }
  | { type: "link"; link: string };

const locationValueOf = (location: NewBookingLocation) =>
  "address" in location ? location.address : "phone" in location ? location.phone : "link" in location ? location.link : location.location;

// Cal.com's transformLocation, for the kinds PATCH …/location takes (address and link carry their value here).
function responseOf(location: NewBookingLocation) {
  switch (location.type) {
    case "address":
      return { value: "inPerson", optionValue: location.address };
    case "link":
      return { value: "link", optionValue: location.link };
    case "phone":
      return { value: "userPhone", optionValue: location.phone };
    default:
      return locationResponse(location);
  }
}

/** Changes where a booking happens: the event type's owner (or an org admin of theirs), a team booking's hosts and team admins. */
export async function updateBookingLocation(deps: Deps, actor: Actor, uid: string, location: NewBookingLocation | undefined): Promise<BookingLookup> {
  const booking = await findBookingByUid(deps.db, uid);
  if (!booking) throw bookingWithUidNotFound(uid);
  if (!(await canManageBooking(deps, actor, booking))) {
    throw new ApiError(
      "ForbiddenException",
      "User is not authorized to update this booking location. User must be the event type owner, host, team admin or owner, or org admin or owner.",
    );
  }
  if (location) {
    const { videoCallUrl: _dropped, ...metadata } = booking.metadata ?? {};
    await deps.db.booking.update({
      where: { id: booking.id },
      data: {
        location: locationValueOf(location),
        responses: { ...(booking.responses ?? {}), location: responseOf(location) } as Prisma.InputJsonValue,
        metadata: metadata as Prisma.InputJsonValue,
      },
    });
    // The organizer's calendar event (src/calendars/booking-events/).
    await writeBookingCalendarEvents(deps, { kind: "edited", bookingUid: uid });
  }
  return getBooking(deps, actor, uid);
}
