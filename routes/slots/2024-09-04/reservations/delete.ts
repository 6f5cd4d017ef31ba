import { createRoute } from "@hono/zod-openapi";
import { deleteReservation } from "../../../../src/availability/reservations";
import { DeleteReservedSlotOutputSchema, ReservationUidParamSchema } from "../../../../src/availability/schemas";
import { optionalActorOf } from "../../../../src/http/context";
import { defineOperation } from "../../../../src/operation";
import { SLOTS_VERSIONS } from "../../../../src/availability/versions";

const route = createRoute({
  method: "delete",
  path: "/v2/slots/reservations/{uid}",
  operationId: "SlotsController_2024_09_04_deleteReservedSlot",
  summary: "Delete a reserved slot",
  description: "Releases the hold at once. An unknown uid is not an error (as in Cal.com).",
  tags: ["Slots"],
  request: { params: ReservationUidParamSchema },
  responses: {
    200: { description: "Released", content: { "application/json": { schema: DeleteReservedSlotOutputSchema } } },
  },
});

export const deleteReservedSlotOperation = defineOperation({
  route,
  versions: SLOTS_VERSIONS,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    await deleteReservation(c.var.deps, optionalActorOf(c), c.req.valid("param").uid);
    return c.json({ status: "success" as const }, 200);
  },
});
