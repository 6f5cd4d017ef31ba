import { success } from "../../../src/http/common";
import { GetBookingVideoSessionsOutputSchema } from "../../../src/bookings/api-2024-08-13/output";
import { bookingVideoRoute } from "../../../src/bookings/api-2024-08-13/video-routes";
import { actorOf } from "../../../src/http/context";
import { calVideoRoom } from "../../../src/bookings/video";
import { defineOperation } from "../../../src/operation";
import { BOOKINGS_2024_08_13 } from "../../../src/bookings/versions";

export const getVideoSessionsOperation = defineOperation({
  route: bookingVideoRoute(
    "conferencing-sessions",
    "BookingsController_2024_08_13_getVideoSessions",
    "Get Video Meeting Sessions",
    GetBookingVideoSessionsOutputSchema,
  ),
  versions: BOOKINGS_2024_08_13,
  auth: { allow: "any", permissions: ["BOOKING_READ"] },
  handler: async (c) => {
    await calVideoRoom(c.var.deps, actorOf(c), c.req.valid("param").bookingUid);
    return c.json(success([]), 200);
  },
});
