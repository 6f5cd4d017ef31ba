import { createRoute } from "@hono/zod-openapi";
import { actorOf } from "../../src/http/context";
import { success } from "../../src/http/common";
import { GetMeOutputSchema } from "../../src/me/output";
import { getMe } from "../../src/me/service";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/me",
  operationId: "MeController_getMe",
  summary: "Get my profile",
  tags: ["Me"],
  responses: {
    200: { description: "The authenticated user", content: { "application/json": { schema: GetMeOutputSchema } } },
  },
});

export const getMeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any", permissions: ["PROFILE_READ"] },
  handler: async (c) => c.json(success(await getMe(c.var.deps, actorOf(c))), 200),
});
