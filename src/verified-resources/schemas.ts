import { z } from "@hono/zod-openapi";
import { intPathParam, OrgIdParams, pathParams, TeamIdParams } from "../http/common";

// Request schemas (Cal.com's verified-resources inputs: IsEmail / IsPhoneNumber / IsString).

const email = z.email().max(320).openapi({ description: "Email to verify.", example: "acme@example.com" });

// Cal.com's IsPhoneNumber takes international numbers with spaces ("+372 5555 6666"); we keep the E.164 form
// (spaces, dots, dashes and parentheses removed), which Twilio needs and the workflows' SMS steps use.
const phone = z
  .string()
  .max(40)
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .refine((value) => /^\+[1-9]\d{6,14}$/.test(value), "phone must be a valid phone number in international format (+ and country code)")
  .openapi({ type: "string", description: "Phone number to verify.", example: "+372 5555 6666" });

const code = z.string().min(1).max(20);

export const RequestEmailVerificationInput = z.object({ email }).openapi("RequestEmailVerificationInput");
export const RequestPhoneVerificationInput = z.object({ phone }).openapi("RequestPhoneVerificationInput");
export const VerifyEmailInput = z
  .object({ email, code: code.openapi({ description: "verification code sent to the email to verify", example: "123456" }) })
  .openapi("VerifyEmailInput");
export const VerifyPhoneInput = z
  .object({ phone, code: code.openapi({ description: "verification code sent to the phone number to verify", example: "123456" }) })
  .openapi("VerifyPhoneInput");

export type RequestEmailVerification = z.infer<typeof RequestEmailVerificationInput>;
export type RequestPhoneVerification = z.infer<typeof RequestPhoneVerificationInput>;
export type VerifyEmail = z.infer<typeof VerifyEmailInput>;
export type VerifyPhone = z.infer<typeof VerifyPhoneInput>;

export const VerifiedResourceIdParams = z.object({ id: intPathParam("id") });
export const TeamVerifiedResourceParams = pathParams(TeamIdParams, VerifiedResourceIdParams);
export const OrgTeamParams = pathParams(OrgIdParams, TeamIdParams);
export const OrgTeamVerifiedResourceParams = pathParams(OrgTeamParams, VerifiedResourceIdParams);
