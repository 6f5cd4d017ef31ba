// Stripe Connect credentials: Cal.com's `Credential` rows of type `stripe_payment`, appId `stripe`, of a user or of an
// organization team. The key (Cal.com's StripeData: the OAuth token response plus `default_currency`) is stored
// encrypted like the conferencing OAuth keys (src/conferencing/key.ts); Cal.com's plain JSON rows are still read.
import { decodeOAuthKey, encodeOAuthKey } from "../conferencing/key";
import type { Credential } from "../generated/prisma/client";
import type { Deps } from "../services";

export const STRIPE_CREDENTIAL_TYPE = "stripe_payment";
export const STRIPE_APP = "stripe";

/** Whose Stripe account: a user's own, or an organization team's. */
export type StripeOwner = { kind: "user"; userId: number } | { kind: "team"; teamId: number };

const ownerWhere = (owner: StripeOwner) => (owner.kind === "user" ? { userId: owner.userId } : { teamId: owner.teamId });

/** Cal.com's StripeData (stripeDataSchemas.ts). */
export interface StripeKey {
  access_token: string;
  scope?: string;
  livemode?: boolean;
  token_type?: string;
  refresh_token?: string;
  stripe_user_id?: string;
  stripe_publishable_key?: string;
  default_currency: string;
  [extra: string]: unknown;
}

/** The owner's Stripe credential (Cal.com's findCredentialByTypeAnd…Id: the first), or null. */
export function findStripeCredential(deps: Deps, owner: StripeOwner): Promise<Credential | null> {
  return deps.db.credential.findFirst({ where: { ...ownerWhere(owner), type: STRIPE_CREDENTIAL_TYPE }, orderBy: { id: "asc" } });
}

/** Replaces the owner's Stripe credentials with one holding `key` (encrypted), in one transaction. */
export async function replaceStripeCredential(deps: Deps, owner: StripeOwner, key: StripeKey): Promise<Credential> {
  const stored = await encodeOAuthKey(deps, key);
  return deps.txDb.$transaction(async (tx) => {
    await tx.credential.deleteMany({ where: { ...ownerWhere(owner), type: STRIPE_CREDENTIAL_TYPE } });
    return tx.credential.create({ data: { type: STRIPE_CREDENTIAL_TYPE, key: stored, appId: STRIPE_APP, ...ownerWhere(owner) } });
  });
}

export async function readStripeKey(deps: Deps, credential: Pick<Credential, "key">): Promise<Partial<StripeKey>> {
  return (await decodeOAuthKey(deps, credential.key)) as Partial<StripeKey>;
}
