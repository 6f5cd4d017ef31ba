import { digestsEqual } from "../../crypto";
import { hashOAuthClientSecret, loadOAuthClientAuth } from "../../platform/oauth-clients";
import { apiAuthError } from "../errors";
import type { Strategy } from "./types";

// Cal.com compares the secret in plain text; we store only its sha256 and compare digests. A valid client acts
// as its platform organization's owner (else an admin), with the client's organization and permissions.
export const oAuthClientStrategy: Strategy<"OAUTH_CLIENT_CREDENTIALS"> = async (services, credential) => {
  const client = await loadOAuthClientAuth(services, credential.clientId);
  if (!client) throw apiAuthError("oAuth client", `Client with ID ${credential.clientId} not found`);
  if (!digestsEqual(await hashOAuthClientSecret(credential.secret), client.hashedSecret)) {
    throw apiAuthError("oAuth client", "Invalid client secret");
  }
  if (client.actingUserId === null) throw apiAuthError("oAuth client", "No owner ID found for this OAuth client");
  return {
    strategy: "OAUTH_CLIENT_CREDENTIALS",
    userId: client.actingUserId,
    organizationId: client.organizationId,
    oAuthClientId: client.id,
    permissions: client.permissions,
  };
};
