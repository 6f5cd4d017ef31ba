import { createRoute } from "@hono/zod-openapi";
import { success } from "../../../src/http/common";
import { getCookie, setCookie } from "hono/cookie";
import { legacyReserveSlot } from "../../../src/availability/reservations";
import { LegacyReserveSlotInputSchema, LegacyReserveSlotOutputSchema } from "../../../src/availability/schemas";
import { errorResponses } from "../../../src/errors";
import { defineOperation } from "../../../src/operation";
import { LEGACY_SLOTS_VERSIONS } from "../../../src/availability/versions";

const route = createRoute({
  method: "post",
  path: "/v2/slots/reserve",
  operationId: "SlotsController_2024_04_15_reserveSlot",
  summary: "Reserve a slot (legacy, used by @calcom/atoms)",
  description:
    "Every version except 2024-09-04; no credentials. Holds the slot for 5 minutes under the booker's `uid` cookie (a new uid when absent), " +
    "returns that uid and sets it as the `uid` cookie. A new hold replaces the same uid's previous one.",
  tags: ["Slots"],
  request: { body: { required: true, content: { "application/json": { schema: LegacyReserveSlotInputSchema } } } },
  responses: {
    201: { description: "The hold's uid", content: { "application/json": { schema: LegacyReserveSlotOutputSchema } } },
    ...errorResponses(404),
  },
});

export const reserveSlotLegacyOperation = defineOperation({
  route,
  versions: LEGACY_SLOTS_VERSIONS,
  auth: "public",
  handler: async (c) => {
    const uid = await legacyReserveSlot(c.var.deps, c.req.valid("json"), getCookie(c, "uid"));
    // Express's res.cookie("uid", uid) in Cal.com: a session cookie on path /.
    setCookie(c, "uid", uid, { path: "/" });
    return c.json(success(uid), 201);
  },
});
