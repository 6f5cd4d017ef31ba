// Cal.com's ApiKeysController: the caller's API key replaced by a new one.
import { apiKeyExpiry, generateApiKey } from "../auth/api-keys";
import type { Actor } from "../auth/principal";
import { forgetApiKeys } from "../auth/strategies/api-key";
import type { Deps } from "../services";
import { RefreshApiKeyInputSchema } from "./schemas";

/** `input` as sent: the body is optional, and an absent one takes the schema's defaults. */
export async function refreshApiKey(deps: Deps, actor: Actor, input: unknown): Promise<{ apiKey: string }> {
  const { apiKeyDaysValid, apiKeyNeverExpires } = RefreshApiKeyInputSchema.parse(input);
  const { plain, hashedKey } = await generateApiKey(deps.env.API_KEY_PREFIX);
  await deps.txDb.$transaction(async (tx) => {
    const current = await tx.apiKey.delete({ where: { id: actor.apiKeyId! } });
    await tx.apiKey.create({
      data: {
        userId: current.userId,
        teamId: current.teamId,
        note: current.note,
        appId: current.appId,
        hashedKey,
        expiresAt: apiKeyExpiry(apiKeyDaysValid, apiKeyNeverExpires ?? false),
      },
    });
  });
  // The old key must stop working now, not when its cache entry expires.
  if (actor.apiKeyHash) await forgetApiKeys(deps, [actor.apiKeyHash]);
  return { apiKey: plain };
}
