import { createRoute } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import { legacyDeleteSelectedSlot } from "../../../src/availability/reservations";
import { RemoveSelectedSlotOutputSchema, RemoveSelectedSlotQuerySchema } from "../../../src/availability/schemas";
import { defineOperation } from "../../../src/operation";
import { LEGACY_SLOTS_VERSIONS } from "../../../src/availability/versions";

const route = createRoute({
  method: "delete",
  path: "/v2/slots/selected-slot",
  operationId: "SlotsController_2024_04_15_deleteSelectedSlot",
  summary: "Delete a selected slot (legacy, used by @calcom/atoms)",
  description:
    "Every version except 2024-09-04; no credentials. Releases the hold named by the `uid` cookie, else by the `uid` query parameter. " +
    "Holds made with credentials (2024-09-04) are not released here.",
  tags: ["Slots"],
  request: { query: RemoveSelectedSlotQuerySchema },
  responses: {
    200: { description: "Released", content: { "application/json": { schema: RemoveSelectedSlotOutputSchema } } },
  },
});

export const deleteSelectedSlotLegacyOperation = defineOperation({
  route,
  versions: LEGACY_SLOTS_VERSIONS,
  auth: "public",
  handler: async (c) => {
    await legacyDeleteSelectedSlot(c.var.deps, getCookie(c, "uid") || c.req.valid("query").uid);
    return c.json({ status: "success" as const }, 200);
  },
});
