import { createRoute } from "@hono/zod-openapi";
import { ConferencingAppOutputResponseSchema, conferencingAppOutput } from "../../src/conferencing/output";
import { ConnectAppParams } from "../../src/conferencing/schemas";
import { connectNonOAuthApp, userOwner } from "../../src/conferencing/service";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/conferencing/{app}/connect",
  operationId: "ConferencingController_connect",
  summary: "Connect your conferencing application",
  description: "Connects an app that needs no OAuth: `google-meet`, which needs the caller's valid Google Calendar connection.",
  tags: ["Conferencing"],
  request: { params: ConnectAppParams },
  responses: {
    200: { description: "Connect your conferencing application", content: { "application/json": { schema: ConferencingAppOutputResponseSchema } } },
  },
});

export const connectConferencingAppOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = userOwner(actorOf(c));
    return c.json(success(conferencingAppOutput(await connectNonOAuthApp(deps, owner, c.req.valid("param").app))), 200);
  },
});
