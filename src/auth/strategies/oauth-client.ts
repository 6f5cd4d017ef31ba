import { digestsEqual } from "../../crypto";
import { ApiError } from "../../errors";
import { hashOAuthClientSecret, loadOAuthClientAuth } from "../../platform/oauth-clients";
import type { Strategy } from "./types";

const unauthorized = (message: string) => new ApiError("UnauthorizedException", `ApiAuthStrategy - oAuth client - ${message}`);

// Cal.com compares the secret in plain text; we store only its sha256 and compare digests. A valid client acts
// as its platform organization's owner (else an admin), with the client's organization and permissions.
export const oAuthClientStrategy: Strategy<"OAUTH_CLIENT_CREDENTIALS"> = async (c, credential) => {
  const client = await loadOAuthClientAuth(c, credential.clientId);
  if (!client) throw unauthorized(`Client with ID ${credential.clientId} not found`);
  if (!digestsEqual(await hashOAuthClientSecret(credential.secret), client.hashedSecret)) {
    throw unauthorized("Invalid client secret");
  }
  if (client.actingUserId === null) throw unauthorized("No owner ID found for this OAuth client");
  return {
    strategy: "OAUTH_CLIENT_CREDENTIALS",
    userId: client.actingUserId,
    organizationId: client.organizationId,
    oAuthClientId: client.id,
    permissions: client.permissions,
  };
};
