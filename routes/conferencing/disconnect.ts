import { createRoute } from "@hono/zod-openapi";
import { DisconnectOutputResponseSchema } from "../../src/conferencing/output";
import { DisconnectAppParams } from "../../src/conferencing/schemas";
import { disconnectApp, userOwner } from "../../src/conferencing/service";
import { SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "delete",
  path: "/v2/conferencing/{app}/disconnect",
  operationId: "ConferencingController_disconnect",
  summary: "Disconnect your conferencing application",
  description: "Deletes the caller's credential of the app; event types using it fall back to Cal Video and a default naming it is cleared.",
  tags: ["Conferencing"],
  request: { params: DisconnectAppParams },
  responses: { 200: { description: "Disconnect your conferencing application", content: { "application/json": { schema: DisconnectOutputResponseSchema } } } },
});

export const disconnectConferencingAppOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = userOwner(actorOf(c));
    await disconnectApp(deps, owner, c.req.valid("param").app);
    return c.json({ status: SUCCESS }, 200);
  },
});
