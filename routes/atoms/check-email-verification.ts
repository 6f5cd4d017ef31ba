import { createRoute } from "@hono/zod-openapi";
import { isEmailVerificationRequired } from "../../src/atoms/email-verification";
import { CheckEmailVerificationOutputSchema } from "../../src/atoms/output";
import { CheckEmailVerificationQuerySchema } from "../../src/atoms/schemas";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/v2/atoms/verification/email/check",
  operationId: "AtomsVerificationController_checkEmailVerificationRequired",
  summary: "Whether a booker must verify their email",
  description:
    "Called by the atoms' Booker before booking: `true` when the email (without its `+tag`) is the verified email of a user who " +
    "requires bookers to verify their email (`requiresBookerEmailVerification`), unless it is `userSessionEmail`. Event types with " +
    "`requiresBookerEmailVerification` are enforced when booking.",
  tags: ["Atoms"],
  request: { query: CheckEmailVerificationQuerySchema },
  responses: {
    200: { description: "`true` when the email must be verified", content: { "application/json": { schema: CheckEmailVerificationOutputSchema } } },
  },
});

export const checkAtomsEmailVerificationOperation = defineOperation({
  route,
  // VERSION_NEUTRAL and unguarded in Cal.com's AtomsVerificationController.
  versions: "all",
  auth: "public",
  handler: async (c) => c.json(success(await isEmailVerificationRequired(c.var.deps, c.req.valid("query"))), 200),
});
