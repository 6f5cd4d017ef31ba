// Cal.com's CalProviderController: the checks the React atoms (CalProvider) make before anything else.
import { invalidAccessToken } from "../auth/errors";
import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import { unknownProviderClient } from "./errors";
import type { ProviderVerifyClientOutput } from "./output";

/** Public: the client exists (else Nest's bare 401). */
export async function verifyProviderClient(deps: Deps, clientId: string): Promise<ProviderVerifyClientOutput> {
  const client = await deps.db.platformOAuthClient.findUnique({ where: { id: clientId }, select: { id: true, organizationId: true, name: true } });
  if (!client) throw unknownProviderClient();
  return { clientId: client.id, organizationId: client.organizationId, name: client.name };
}

/** Authentication has checked the credential; an access token must also have been issued by this client. */
export function verifyProviderAccessToken(actor: Actor, clientId: string): void {
  if (actor.strategy === "ACCESS_TOKEN" && actor.oAuthClientId !== clientId) throw invalidAccessToken();
}
