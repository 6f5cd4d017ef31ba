import { z } from "@hono/zod-openapi";
import { SuccessStatus, successOf } from "../http/common";

// Cal.com answers the stored rows (plainToClass without excludeAll): VerifiedEmail {id, userId, teamId, email} and
// VerifiedNumber {id, userId, teamId, phoneNumber}; a get by an id not in scope answers `data: null`. The published
// document types every `data` here as ScheduleOutput, which Cal.com never sends.

export const VerifiedEmailSchema = z
  .object({ id: z.number().int(), userId: z.number().int().nullable(), teamId: z.number().int().nullable(), email: z.string() })
  .openapi("VerifiedEmailOutputData");
export const VerifiedPhoneSchema = z
  .object({ id: z.number().int(), userId: z.number().int().nullable(), teamId: z.number().int().nullable(), phoneNumber: z.string() })
  .openapi("VerifiedPhoneOutputData");

export type VerifiedEmail = z.infer<typeof VerifiedEmailSchema>;
export type VerifiedPhone = z.infer<typeof VerifiedPhoneSchema>;

export const RequestEmailVerificationOutputSchema = z.object({ status: SuccessStatus }).openapi("RequestEmailVerificationOutput");
export const RequestPhoneVerificationOutputSchema = z.object({ status: SuccessStatus }).openapi("RequestPhoneVerificationOutput");

export const UserVerifiedEmailOutputSchema = successOf(VerifiedEmailSchema.nullable()).openapi("UserVerifiedEmailOutput");
export const TeamVerifiedEmailOutputSchema = successOf(VerifiedEmailSchema.nullable()).openapi("TeamVerifiedEmailOutput");
export const UserVerifiedEmailsOutputSchema = successOf(z.array(VerifiedEmailSchema)).openapi("UserVerifiedEmailsOutput");
export const TeamVerifiedEmailsOutputSchema = successOf(z.array(VerifiedEmailSchema)).openapi("TeamVerifiedEmailsOutput");
export const UserVerifiedPhoneOutputSchema = successOf(VerifiedPhoneSchema.nullable()).openapi("UserVerifiedPhoneOutput");
export const TeamVerifiedPhoneOutputSchema = successOf(VerifiedPhoneSchema.nullable()).openapi("TeamVerifiedPhoneOutput");
export const UserVerifiedPhonesOutputSchema = successOf(z.array(VerifiedPhoneSchema)).openapi("UserVerifiedPhonesOutput");
export const TeamVerifiedPhonesOutputSchema = successOf(z.array(VerifiedPhoneSchema)).openapi("TeamVerifiedPhonesOutput");
