import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../../src/http/common";
import { updateReservation } from "../../../../src/availability/reservations";
import { ReservationUidParamSchema, ReserveSlotInputSchema, ReserveSlotOutputResponseSchema } from "../../../../src/availability/schemas";
import { errorResponses } from "../../../../src/errors";
import { defineOperation } from "../../../../src/operation";
import { optionalActorOf } from "../../../../src/http/context";
import { SLOTS_VERSIONS } from "../../../../src/availability/versions";

const route = createRoute({
  method: "patch",
  path: "/v2/slots/reservations/{uid}",
  operationId: "SlotsController_2024_09_04_updateReservedSlot",
  summary: "Update a reserved slot",
  description: "Moves a live hold to another slot and renews it (for `reservationDuration` minutes, default 5). Unknown or expired uid: 404.",
  tags: ["Slots"],
  request: {
    params: ReservationUidParamSchema,
    body: { required: true, content: { "application/json": { schema: ReserveSlotInputSchema } } },
  },
  responses: {
    200: { description: "The moved hold", content: { "application/json": { schema: ReserveSlotOutputResponseSchema } } },
    ...errorResponses(404, 422),
  },
});

export const updateReservedSlotOperation = defineOperation({
  route,
  versions: SLOTS_VERSIONS,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const data = await updateReservation(c.var.deps, optionalActorOf(c), c.req.valid("param").uid, c.req.valid("json"));
    return c.json(success(data), 200);
  },
});
