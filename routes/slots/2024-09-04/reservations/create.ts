import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../../src/http/common";
import { createReservation } from "../../../../src/availability/reservations";
import { ReserveSlotInputSchema, ReserveSlotOutputResponseSchema } from "../../../../src/availability/schemas";
import { errorResponses } from "../../../../src/errors";
import { defineOperation } from "../../../../src/operation";
import { optionalActorOf } from "../../../../src/http/context";
import { SLOTS_VERSIONS } from "../../../../src/availability/versions";

const route = createRoute({
  method: "post",
  path: "/v2/slots/reservations",
  operationId: "SlotsController_2024_09_04_reserveSlot",
  summary: "Reserve a slot",
  description:
    "Holds a slot: it disappears from everyone else's slots until the hold is deleted or expires (5 minutes by default). " +
    "Credentials are optional; a hold made with credentials can later be read, moved or deleted only by the same user or the event type's owner. " +
    "`reservationDuration` needs credentials of the event type's owner or of someone sharing a team or organization with them.",
  tags: ["Slots"],
  request: { body: { required: true, content: { "application/json": { schema: ReserveSlotInputSchema } } } },
  responses: {
    201: { description: "The hold", content: { "application/json": { schema: ReserveSlotOutputResponseSchema } } },
    ...errorResponses(404, 422),
  },
});

export const reserveSlotOperation = defineOperation({
  route,
  versions: SLOTS_VERSIONS,
  auth: { allow: "any", optional: true },
  handler: async (c) => {
    const data = await createReservation(c.var.deps, optionalActorOf(c), c.req.valid("json"));
    return c.json(success(data), 201);
  },
});
