// Authentication's answers, each message written once. Cal.com's ApiAuthStrategy prefixes its 401s with its own
// name and, when one strategy failed, that strategy's name ("ApiAuthStrategy - api key - …").
import { ApiError, unauthorized } from "../errors";

export type StrategyLabel = "api key" | "access token" | "next auth" | "oAuth client";

/** Cal.com's ApiAuthStrategy 401: `ApiAuthStrategy - [<strategy> - ]<message>`. */
export const apiAuthError = (strategy: StrategyLabel | null, message: string) =>
  unauthorized(`ApiAuthStrategy - ${strategy ? `${strategy} - ` : ""}${message}`);

export const invalidBearerToken = () => apiAuthError(null, "Invalid Bearer token");

export const invalidApiKey = () => apiAuthError("api key", "Your api key is not valid");
export const expiredApiKey = () => apiAuthError("api key", "Your api key is expired");
export const licenseError = () => apiAuthError("api key", "Invalid or missing CALCOM_LICENSE_KEY environment variable");

export const invalidAccessToken = () => apiAuthError("access token", "Invalid Access Token.");
// Cal.com answers an expired access token with 498, which the atoms take as "refresh now".
export const accessTokenExpired = () => new ApiError("TokenExpiredException", "ACCESS_TOKEN_IS_EXPIRED");
