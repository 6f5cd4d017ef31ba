import { createRoute, z } from "@hono/zod-openapi";
import { defineOperation } from "../../src/operation";
import { loadMe, MeOutputSchema } from "./me-output";

export const GetMeOutputSchema = z.object({ status: z.literal("success"), data: MeOutputSchema }).openapi("GetMeOutput");

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
  handler: async (c) => {
    const me = await loadMe(c.var.deps.db, c.var.principal!.userId);
    return c.json({ status: "success" as const, data: me }, 200);
  },
});
