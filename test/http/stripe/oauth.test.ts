// Stripe Connect for a user, against the local Stripe fake (test/support/stripe-fake.ts): the authorize URL, the code
// exchange we send, the credential stored encrypted, every failure sent to onErrorReturnTo (Cal.com's save answers 301
// whatever happens; only a missing state is a 400), and the account check.
import { beforeAll, describe, expect, it } from "vitest";
import { symmetricDecrypt } from "../../../src/credentials/encryption";
import { api, expectError } from "../../helpers/api";
import { fetchWithEnv } from "../../helpers/app";
import { authUrl, stateOf } from "../../helpers/conferencing";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant, unique, withDb } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import {
  accountIdOfCode,
  connectStripe,
  FAILED,
  OK,
  setStripeAccount,
  stripeConnectUrl,
  stripeCredentialsOf,
  stripeFakeUrl,
  stripeReceived,
  stripeSave,
} from "../../helpers/stripe";

// vitest.config.ts's test-only CALENDSO_ENCRYPTION_KEY.
const ENCRYPTION_KEY = "test-encryption-key-0123456789ab";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant();
});

describe("credentials", () => {
  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/stripe/connect" }));
  itRejectsMissingAndInvalidCredentials(() => ({ path: "/v2/stripe/check" }));
});

describe("GET /v2/stripe/connect", () => {
  it("Stripe's Connect authorize URL: our client id, read_write, the user's email, our save URL, a signed state without the credential", async () => {
    const res = await api(`/v2/stripe/connect?returnTo=${OK}&onErrorReturnTo=${FAILED}`, { key: tenant.apiKey });
    expect(contractProblems("StripeController_redirect", 200, res.body)).toEqual([]);
    const url = new URL(res.body.data.authUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${stripeFakeUrl()}/oauth/authorize`);
    expect(url.searchParams.get("client_id")).toBe("ca_test_platform");
    expect(url.searchParams.get("scope")).toBe("read_write");
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("stripe_user[email]")).toBe(tenant.email);
    expect(url.searchParams.get("redirect_uri")).toBe("http://api.test/v2/stripe/save");
    const state = url.searchParams.get("state")!;
    expect(state).toMatch(/^[\w-]+\.[0-9a-f]{64}$/);
    expect(res.text).not.toContain(tenant.apiKey);
    expect(atob(state.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"))).not.toContain(tenant.apiKey.slice(4));
  });

  it("400 for a returnTo that is not an http(s) URL; 404 'Stripe app not found' without the platform's Stripe keys", async () => {
    const res = await api("/v2/stripe/connect?returnTo=javascript:alert(1)", { key: tenant.apiKey });
    expect(expectError(res, 400).error.message).toBe("returnTo must be an http(s) URL");
    const unconfigured = await fetchWithEnv(new Request("http://api.test/v2/stripe/connect", { headers: { authorization: `Bearer ${tenant.apiKey}` } }), {
      STRIPE_CLIENT_ID: undefined,
    });
    expect(expectError(unconfigured, 404).error.message).toBe("Stripe app not found");
  });
});

describe("GET /v2/stripe/save", () => {
  it("exchanges the code with the platform key, reads the account's currency, stores Cal.com's StripeData encrypted, 301 to returnTo", async () => {
    const user = await createTenant();
    const code = unique("stripeok");
    const accountId = await connectStripe(user.apiKey, code);

    const [exchange] = await stripeReceived(`code=${code}`);
    expect(exchange?.method).toBe("POST");
    expect(exchange?.path).toBe("/oauth/token");
    expect(exchange?.headers.authorization).toBe("Bearer sk_test_platform");
    expect(Object.fromEntries(new URLSearchParams(exchange!.body))).toEqual({ grant_type: "authorization_code", code });
    expect((await stripeReceived(`/v1/accounts/${accountId}`)).map((r) => r.method)).toEqual(["GET"]);

    const [credential] = await stripeCredentialsOf({ userId: user.userId });
    expect(credential).toMatchObject({ type: "stripe_payment", appId: "stripe", userId: user.userId, teamId: null, invalid: false });
    expect(typeof credential!.key).toBe("string");
    expect(JSON.stringify(credential!.key)).not.toContain(accountId);
    const key = JSON.parse(await symmetricDecrypt(credential!.key as string, ENCRYPTION_KEY));
    expect(key).toEqual({
      access_token: `sk_test_acct_${accountId}`,
      livemode: false,
      refresh_token: `rt_${accountId}`,
      scope: "read_write",
      stripe_publishable_key: `pk_test_${accountId}`,
      stripe_user_id: accountId,
      token_type: "bearer",
      default_currency: "eur",
    });
  });

  it("connecting again replaces the earlier credential", async () => {
    const user = await createTenant();
    await connectStripe(user.apiKey, unique("first"));
    const [first] = await stripeCredentialsOf({ userId: user.userId });
    await connectStripe(user.apiKey, unique("second"));
    const after = await stripeCredentialsOf({ userId: user.userId });
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(first!.id);
  });

  it("every failure is a 301 to onErrorReturnTo and saves nothing: access_denied, a refused code, Stripe down, no code", async () => {
    const user = await createTenant();
    const state = stateOf(await stripeConnectUrl(user.apiKey));
    for (const params of <Record<string, string>[]>[
      { state, error: "access_denied", error_description: "The user denied your request" },
      { state, code: unique("bad-") },
      { state, code: unique("down-") },
      { state },
    ]) {
      const res = await stripeSave(params);
      expect(res.status, JSON.stringify(params)).toBe(301);
      expect(res.headers.get("location")).toBe(FAILED);
    }
    expect(await stripeCredentialsOf({ userId: user.userId })).toEqual([]);
  });

  it("a state we did not sign, or one issued for a conferencing app, goes nowhere it names and saves nothing", async () => {
    const user = await createTenant();
    // Cal.com's own state shape: JSON naming a token and targets. Never trusted here.
    const forged = JSON.stringify({ accessToken: user.apiKey, returnTo: "https://evil.example.com", onErrorReturnTo: "https://evil.example.com" });
    const res = await stripeSave({ state: forged, code: unique("forged") });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("https://cal.com");
    const [genuine] = stateOf(await stripeConnectUrl(user.apiKey)).split(".");
    const altered = await stripeSave({ state: `${genuine}.${"0".repeat(64)}`, code: unique("altered") });
    expect(altered.headers.get("location")).toBe("https://cal.com");
    // A Zoom state is signed by us but for another flow: refused (its onErrorReturnTo is still genuine).
    const zoomState = stateOf(await authUrl(user.apiKey, "zoom"));
    const crossFlow = await stripeSave({ state: zoomState, code: unique("crossflow") });
    expect(crossFlow.headers.get("location")).toBe("https://app.example.com/failed");
    expect(await stripeCredentialsOf({ userId: user.userId })).toEqual([]);
  });

  it("a missing state is Cal.com's 400", async () => {
    const res = await stripeSave({ code: "x" });
    expect(expectError(res, 400).error.message).toBe("Missing `state` query param");
  });

  it("without returnTo the request's Origin is where save returns", async () => {
    const user = await createTenant();
    const res = await api("/v2/stripe/connect", { key: user.apiKey, headers: { origin: "https://atoms.example.com" } });
    const back = await stripeSave({ state: stateOf(res.body.data.authUrl), code: unique("origin") });
    expect(back.status).toBe(301);
    expect(back.headers.get("location")).toBe("https://atoms.example.com");
    expect(await stripeCredentialsOf({ userId: user.userId })).toHaveLength(1);
  });
});

describe("GET /v2/stripe/check", () => {
  it("404 without a connection, 200 once connected and active (Cal.com's messages)", async () => {
    const user = await createTenant();
    expect(expectError(await api("/v2/stripe/check", { key: user.apiKey }), 404).error.message).toBe("Credentials for stripe not found.");
    await connectStripe(user.apiKey, unique("check"));
    const res = await api("/v2/stripe/check", { key: user.apiKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success" });
    expect(contractProblems("StripeController_check", 200, res.body)).toEqual([]);
  });

  it("400 when the account cannot take charges or payouts, or the credential is invalid or refused by Stripe; 503 when Stripe is down", async () => {
    const user = await createTenant();
    const accountId = await connectStripe(user.apiKey, unique("inactive"));
    await setStripeAccount(accountId, { charges_enabled: false });
    expect(expectError(await api("/v2/stripe/check", { key: user.apiKey }), 400).error.message).toBe("Stripe account is not an active account");
    await setStripeAccount(accountId, { charges_enabled: true, payouts_enabled: false });
    expect(expectError(await api("/v2/stripe/check", { key: user.apiKey }), 400).error.message).toBe("Stripe account is not an active account");
    await setStripeAccount(accountId, { payouts_enabled: true, fail: 503 });
    expect(expectError(await api("/v2/stripe/check", { key: user.apiKey }), 503).error.message).toBe("Stripe could not be reached, please try again later.");
    await setStripeAccount(accountId, { fail: 403 });
    expect(expectError(await api("/v2/stripe/check", { key: user.apiKey }), 400).error.message).toBe("Invalid stripe credentials.");
    await setStripeAccount(accountId, { fail: 0 });
    await withDb((db) => db.credential.updateMany({ where: { userId: user.userId, type: "stripe_payment" }, data: { invalid: true } }));
    expect(expectError(await api("/v2/stripe/check", { key: user.apiKey }), 400).error.message).toBe("Invalid stripe credentials.");
  });

  it("reads a credential migrated from Cal.com (plain JSON key)", async () => {
    const user = await createTenant();
    const code = unique("migrated");
    await connectStripe(user.apiKey, code);
    await withDb((db) =>
      db.credential.updateMany({
        where: { userId: user.userId, type: "stripe_payment" },
        data: { key: { access_token: "sk_x", stripe_user_id: accountIdOfCode(code), default_currency: "eur" } },
      }),
    );
    expect((await api("/v2/stripe/check", { key: user.apiKey })).status).toBe(200);
  });
});
