import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../../src/http/common";
import { getReservation } from "../../../../src/availability/reservations";
import { GetReservedSlotOutputSchema, ReservationUidParamSchema } from "../../../../src/availability/schemas";
import { optionalActorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { SLOTS_VERSIONS } from "../../../../src/availability/versions";

const route = createRoute({
  method: "get",
  path: "/v2/slots/reservations/{uid}",
  operationId: "SlotsController_2024_09_04_getReservedSlot",
  summary: "Get reserved slot",
  description:
    "`data` is null when no live hold has this uid (never made, deleted or expired). A hold made with credentials answers only its maker or the event type's owner (403 otherwise).",
  tags: ["Slots"],
  request: { params: ReservationUidParamSchema },
  responses: {
    200: { description: "The hold, or null", content: { "application/json": { schema: GetReservedSlotOutputSchema } } },
  },
});

export const getReservedSlotOperation = defineOperation({
  route,
  versions: SLOTS_VERSIONS,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const data = await getReservation(c.var.deps, optionalActorOf(c), c.req.valid("param").uid);
    return c.json(success(data), 200);
  },
});
