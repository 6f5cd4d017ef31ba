// The platform routes' answers (OAuth clients, managed users, their tokens, the Cal provider), each written once.
import { ApiError, badRequest, conflict, notFound, unauthorized } from "../errors";

export const invalidRefreshToken = () => badRequest("Invalid refresh token");
// Cal.com's OAuthFlowController checks the client secret again on refresh.
export const invalidOAuthClientCredentials = () => badRequest("Invalid OAuthClient credentials.");

export const managedUserNotInClient = (userId: number) => notFound(`User with ID ${userId} is not part of this OAuth client.`);
export const managedUserEmailTaken = (existingUserId: number) => conflict(`User with the provided e-mail already exists. Existing user ID=${existingUserId}`);

// Nest's bare `new UnauthorizedException()` (CalProviderController for an unknown client id).
export const unknownProviderClient = () => unauthorized("Unauthorized");

export const signingKeysMissing = () => new ApiError("InternalServerErrorException", "Server misconfigured: JWT_SIGNING_KEYS is not set");
