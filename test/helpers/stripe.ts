// Stripe test helpers: the local fake (test/support/stripe-fake.ts) and the Connect round trip as a browser makes it
// (connect → Stripe's consent screen → our /v2/stripe/save with the state and a code the test chooses).
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { accountIdOfCode } from "../support/stripe-fake";
import { api, dataOf } from "./api";
import { getNoFollow, type RecordedRequest, stateOf } from "./conferencing";
import { withDb } from "./fixtures";

export { accountIdOfCode };
export const stripeFakeUrl = () => (env as unknown as Record<string, string>).TEST_STRIPE_FAKE_URL;
export const OK = "https://app.example.com/ok";
export const FAILED = "https://app.example.com/failed";

/** What the fake received whose path or body contains `needle`. */
export async function stripeReceived(needle: string): Promise<RecordedRequest[]> {
  const res = await fetch(`${stripeFakeUrl()}/received?contains=${encodeURIComponent(needle)}`);
  return ((await res.json()) as { requests: RecordedRequest[] }).requests;
}

/** Changes what the fake answers for a connected account. */
export async function setStripeAccount(accountId: string, patch: { charges_enabled?: boolean; payouts_enabled?: boolean; fail?: number }) {
  const res = await fetch(`${stripeFakeUrl()}/control/accounts/${accountId}`, { method: "POST", body: JSON.stringify(patch) });
  expect(res.status).toBe(204);
}

/** GET …/stripe/connect under `prefix` (user: /v2/stripe; team: /v2/organizations/O/teams/T/stripe). */
export async function stripeConnectUrl(apiKey: string, prefix = "/v2/stripe", query = `?returnTo=${OK}&onErrorReturnTo=${FAILED}`) {
  return dataOf<{ authUrl: string }>(await api(`${prefix}/connect${query}`, { key: apiKey })).authUrl;
}

/** Stripe's redirect back to our public /v2/stripe/save. */
export const stripeSave = (params: Record<string, string>) => getNoFollow(`/v2/stripe/save?${new URLSearchParams(params)}`);

/** Connects Stripe for the key's owner (or a team, with `prefix`) through the whole round trip with `code`. */
export async function connectStripe(apiKey: string, code: string, prefix?: string): Promise<string> {
  const state = stateOf(await stripeConnectUrl(apiKey, prefix));
  const res = await stripeSave({ state, code });
  expect(res.status, res.text).toBe(301);
  expect(res.headers.get("location")).toBe(OK);
  return accountIdOfCode(code);
}

export const stripeCredentialsOf = (where: { userId?: number; teamId?: number }) =>
  withDb((db) => db.credential.findMany({ where: { ...where, type: "stripe_payment" }, orderBy: { id: "asc" } }));
