import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { actorOf } from "../../src/http/context";
import { success } from "../../src/http/common";
import { UpdateMeOutputSchema } from "../../src/me/output";
import { UpdateMeInputSchema } from "../../src/me/schemas";
import { updateMe } from "../../src/me/service";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "patch",
  path: "/v2/me",
  operationId: "MeController_updateMe",
  summary: "Update my profile",
  tags: ["Me"],
  request: { body: { required: true, content: { "application/json": { schema: UpdateMeInputSchema } } } },
  responses: {
    200: { description: "The updated profile", content: { "application/json": { schema: UpdateMeOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateMeOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any", permissions: ["PROFILE_WRITE"] },
  handler: async (c) => c.json(success(await updateMe(c.var.deps, actorOf(c), c.req.valid("json"))), 200),
});
