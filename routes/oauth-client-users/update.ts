import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../src/errors";
import { defineOperation } from "../../src/operation";
import { findManagedUser, managedUserSelect, namespacedEmail, toManagedUserOutput, usernameForChangedEmail } from "../../src/platform/managed-users";
import { assertScheduleOwnedBy } from "../../src/schedules/ownership";
import { UpdateMeInputSchema } from "../me/update";
import { ClientUserParamsSchema, GetManagedUserOutputSchema, managedUserGuards } from "./output";

const route = createRoute({
  method: "patch",
  path: "/v2/oauth-clients/{clientId}/users/{userId}",
  operationId: "OAuthClientUsersController_updateUser",
  summary: "Update a managed user",
  description: "A new email is namespaced with the client id like the original, and the username follows it.",
  tags: ["Platform / Managed Users"],
  middleware: managedUserGuards,
  request: {
    params: ClientUserParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateMeInputSchema } } },
  },
  responses: {
    200: { description: "The updated managed user", content: { "application/json": { schema: GetManagedUserOutputSchema } } },
    ...errorResponses(404, 409),
  },
});

export const updateManagedUserOperation = defineOperation({
  route,
  versions: "all",
  auth: { allow: "any" },
  handler: async (c) => {
    const { clientId, userId } = c.req.valid("param");
    const { email, ...changes } = c.req.valid("json");
    const { db } = c.var.deps;
    await findManagedUser(db, clientId, userId);
    if (changes.defaultScheduleId !== undefined) await assertScheduleOwnedBy(db, changes.defaultScheduleId, userId);
    const emailChange = email
      ? (() => {
          const namespaced = namespacedEmail(clientId, email.toLowerCase());
          return { email: namespaced, username: usernameForChangedEmail(namespaced) };
        })()
      : {};
    // A taken email or username surfaces as Prisma's P2002 → 409.
    const user = await db.user.update({ where: { id: userId }, data: { ...changes, ...emailChange }, select: managedUserSelect });
    return c.json({ status: "success" as const, data: toManagedUserOutput(user) }, 200);
  },
});
