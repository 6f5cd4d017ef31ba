import { createRoute } from "@hono/zod-openapi";
import { ConferencingAppsOutputResponseSchema, conferencingAppOutput } from "../../src/conferencing/output";
import { listConferencingApps, userOwner } from "../../src/conferencing/service";
import { success } from "../../src/http/common";
import { actorOf } from "../../src/http/context";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/conferencing",
  operationId: "ConferencingController_listInstalledConferencingApps",
  summary: "List your conferencing applications",
  description: "The caller's video connections (`*_video` credentials). Cal Video is global and never listed.",
  tags: ["Conferencing"],

  responses: { 200: { description: "List your conferencing applications", content: { "application/json": { schema: ConferencingAppsOutputResponseSchema } } } },
});

export const listConferencingAppsOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const deps = c.var.deps;
    const owner = userOwner(actorOf(c));
    return c.json(success((await listConferencingApps(deps, owner)).map(conferencingAppOutput)), 200);
  },
});
