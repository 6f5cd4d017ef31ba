// The answers of the verified-resources routes (Cal.com's messages where it has one).
import { ApiError, badRequest, serviceUnavailable } from "../errors";

// Cal.com's verifyEmailCodeHandler (a tRPC handler) throws TRPCError BAD_REQUEST "invalid_code", which API v2 passes on.
export const invalidEmailCode = () => new ApiError("TRPCError", "invalid_code");
export const phoneNotVerified = () => badRequest("Could not verify phone number.");
export const phoneCodeNotSent = () => badRequest("Could not send verification code to this phone number.");
export const phoneCheckUnavailable = () => serviceUnavailable("Could not verify phone number. Please try again later.");

// Beyond Cal.com (which reports success and only logs a failed send): never claim a code went out when it did not.
export const emailNotConfigured = (reason: string) => serviceUnavailable(`Verification emails cannot be sent: ${reason}`);
export const emailNotSent = () => serviceUnavailable("The verification email could not be sent. Please try again later.");
export const encryptionKeyMissing = () => new ApiError("InternalServerErrorException", "CALENDSO_ENCRYPTION_KEY is not configured");

const TOO_MANY_CODES = "Too many verification codes were requested for this address. Please try again later.";
const TOO_MANY_WRONG = "Too many wrong verification codes for this address. Please try again later.";
const throttled = (message: string, retryAfterSeconds: number) => new ApiError("ThrottlerException", message, { message, retryAfterSeconds });
export const tooManyCodeRequests = (retryAfterSeconds: number) => throttled(TOO_MANY_CODES, retryAfterSeconds);
export const tooManyWrongCodes = (retryAfterSeconds: number) => throttled(TOO_MANY_WRONG, retryAfterSeconds);
