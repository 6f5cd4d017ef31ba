import { createRoute } from "@hono/zod-openapi";
import { SetDefaultOutputResponseSchema } from "../../src/conferencing/output";
import { DefaultAppParams } from "../../src/conferencing/schemas";
import { setDefaultApp, userOwner } from "../../src/conferencing/service";
import { SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "post",
  path: "/v2/conferencing/{app}/default",
  operationId: "ConferencingController_default",
  summary: "Set your default conferencing application",
  description: "`daily-video` (Cal Video) always; `google-meet`, `zoom` or `msteams` once connected (400 `<app> not connected.`).",
  tags: ["Conferencing"],
  request: { params: DefaultAppParams },
  responses: { 200: { description: "Set your default conferencing application", content: { "application/json": { schema: SetDefaultOutputResponseSchema } } } },
});

export const setDefaultConferencingAppOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = userOwner(actorOf(c));
    await setDefaultApp(deps, owner, c.req.valid("param").app);
    return c.json({ status: SUCCESS }, 200);
  },
});
