import { createRoute, z } from "@hono/zod-openapi";
import { defineOperation } from "../../src/operation";

export const CheckEmailVerificationQuerySchema = z.object({
  email: z.email(),
  userSessionEmail: z.string().optional(),
});

export const CheckEmailVerificationOutputSchema = z.object({ status: z.literal("success"), data: z.boolean() }).openapi("CheckEmailVerificationRequiredOutput");

const route = createRoute({
  method: "get",
  path: "/v2/atoms/verification/email/check",
  operationId: "AtomsVerificationController_checkEmailVerificationRequired",
  summary: "Whether a booker must verify their email",
  description:
    "Called by the atoms' Booker before booking. Cal.com requires a code only for blacklisted guest emails and for emails of users who " +
    "asked for booker verification; neither exists in this deployment, so the answer is `false`. Event types with " +
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
  handler: (c) => c.json({ status: "success" as const, data: false }, 200),
});
