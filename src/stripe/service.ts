// Stripe Connect for a user (`/v2/stripe/…`, tag Stripe) or an organization team (`/v2/organizations/{orgId}/teams/
// {teamId}/stripe/…`, tag Orgs / Teams / Stripe, behind the org-team guards): Cal.com's StripeService and
// OrganizationsStripeService. The OAuth state is ours (signed, names the caller by id; src/conferencing/oauth-state.ts),
// not Cal.com's JSON carrying the caller's bearer token.
import type { Actor } from "../auth/principal";
import { issueState } from "../conferencing/oauth-state";
import { completeOAuthRedirect, type OAuthRedirectInput, type OrgTeamIds, orgTeamOwner, redirectTarget } from "../conferencing/service";
import type { Deps } from "../services";
import { connectAuthorizeUrl, exchangeConnectCode, retrieveAccount, stripePlatform } from "./client";
import { invalidStripeCredentials, StripeApiError, stripeAccountNotActive, stripeCredentialsNotFound, stripeUnavailable } from "./errors";
import { findStripeCredential, readStripeKey, replaceStripeCredential, type StripeKey, type StripeOwner } from "./store";

const FLOW = "stripe";

export const stripeUserOwner = (actor: Actor): StripeOwner => ({ kind: "user", userId: actor.userId });

/** The org-team guards of every Orgs / Teams / Stripe route (TEAM_ADMIN of the team or an org admin, ESSENTIALS). */
export const stripeTeamOwner = (deps: Deps, actor: Actor, ids: OrgTeamIds): Promise<StripeOwner> => orgTeamOwner(deps, actor, ids);

/** Stripe redirects here after the consent screen, for users and teams alike (Cal.com: `<api.url>/stripe/save`). */
export const stripeRedirectUri = (apiBase: string) => `${apiBase.replace(/\/+$/, "")}/v2/stripe/save`;

/** GET …/stripe/connect: Stripe's Connect authorize URL with a signed state naming the caller (and the team). */
export async function getStripeConnectUrl(
  deps: Deps,
  actor: Actor,
  input: { returnTo?: string; onErrorReturnTo?: string; origin?: string; apiBase: string; team?: OrgTeamIds },
): Promise<{ authUrl: string }> {
  stripePlatform(deps);
  const origin = input.origin && /^https?:\/\//.test(input.origin) ? input.origin : undefined;
  const returnTo = redirectTarget("returnTo", input.returnTo) ?? origin;
  const onErrorReturnTo = redirectTarget("onErrorReturnTo", input.onErrorReturnTo) ?? origin;
  const state = await issueState(deps, {
    userId: actor.userId,
    flow: FLOW,
    ...(input.team ? { teamId: input.team.teamId, orgId: input.team.orgId } : {}),
    ...(returnTo ? { returnTo } : {}),
    ...(onErrorReturnTo ? { onErrorReturnTo } : {}),
  });
  const user = await deps.db.user.findUnique({ where: { id: actor.userId }, select: { email: true, name: true } });
  return { authUrl: connectAuthorizeUrl(deps, { state, redirectUri: stripeRedirectUri(input.apiBase), email: user?.email, name: user?.name }) };
}

export interface StripeSaveInput extends OAuthRedirectInput {
  apiBase: string;
}

/**
 * GET …/stripe/save: Stripe's redirect back (completeOAuthRedirect: every failure, including the user's
 * `access_denied`, goes to `onErrorReturnTo`). Cal.com's saveStripeAccount: the OAuth token, the account's
 * `default_currency`, and the owner's earlier Stripe credentials replaced.
 */
export function saveStripeAccount(deps: Deps, input: StripeSaveInput, caller?: { actor: Actor; team: OrgTeamIds }): Promise<string> {
  return completeOAuthRedirect(deps, input, { flow: FLOW, caller, log: "stripe oauth callback failed" }, async (owner, code) => {
    const token = await exchangeConnectCode(deps, code);
    if (typeof token.access_token !== "string") throw new Error("Stripe answered no access_token");
    const key: StripeKey = { ...token, access_token: token.access_token, default_currency: "" };
    if (typeof token.stripe_user_id === "string") {
      const account = await retrieveAccount(deps, token.stripe_user_id);
      key.default_currency = typeof account.default_currency === "string" ? account.default_currency : "";
    }
    await replaceStripeCredential(deps, owner, key);
  });
}

/** GET …/stripe/check: the owner's connected account can take payments (charges and payouts enabled). */
export async function checkStripeAccount(deps: Deps, owner: StripeOwner): Promise<void> {
  const credential = await findStripeCredential(deps, owner);
  if (!credential) throw stripeCredentialsNotFound();
  if (credential.invalid) throw invalidStripeCredentials();
  const accountId = (await readStripeKey(deps, credential)).stripe_user_id;
  if (typeof accountId !== "string" || !accountId) throw invalidStripeCredentials();
  let account: Record<string, unknown>;
  try {
    account = await retrieveAccount(deps, accountId);
  } catch (error) {
    // Stripe refusing the account (revoked access, unknown account) is an invalid connection; an outage is a 503.
    if (error instanceof StripeApiError && error.status >= 400 && error.status < 500) throw invalidStripeCredentials();
    deps.logger.warn("stripe account check failed", { status: error instanceof StripeApiError ? error.status : undefined });
    throw stripeUnavailable();
  }
  if (!account.payouts_enabled || !account.charges_enabled) throw stripeAccountNotActive();
}
