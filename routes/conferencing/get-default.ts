import { createRoute } from "@hono/zod-openapi";
import { GetDefaultOutputResponseSchema } from "../../src/conferencing/output";
import { getDefaultApp, userOwner } from "../../src/conferencing/service";
import { SUCCESS } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/conferencing/default",
  operationId: "ConferencingController_getDefault",
  summary: "Get your default conferencing application",
  description: "The caller's default app `{appSlug, appLink?}`, or no `data` when none was set.",
  tags: ["Conferencing"],

  responses: { 200: { description: "Get your default conferencing application", content: { "application/json": { schema: GetDefaultOutputResponseSchema } } } },
});

export const getDefaultConferencingAppOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = userOwner(actorOf(c));
    const data = await getDefaultApp(deps, owner);
    return c.json({ status: SUCCESS, ...(data ? { data } : {}) }, 200);
  },
});
