// Zoom and Microsoft Teams through the OAuth round trip, against the local provider fakes (test/support/video-fakes.ts):
// the auth URL, the code exchange we send (Basic auth, redirect_uri), the credential stored encrypted, and every
// failure sent to onErrorReturnTo (Cal.com's callback answers 301 whatever happens; only a missing state is a 400).
import { beforeAll, describe, expect, it } from "vitest";
import { symmetricDecrypt } from "../../../src/credentials/encryption";
import { api, expectError } from "../../helpers/api";
import { authUrl, callback, connectZoom, credentialsOf, getNoFollow, received, stateOf, videoFakesUrl } from "../../helpers/conferencing";
import { contractProblems } from "../../helpers/contract";
import { createTenant, type Tenant, unique } from "../../helpers/fixtures";

// vitest.config.ts's test-only CALENDSO_ENCRYPTION_KEY.
const ENCRYPTION_KEY = "test-encryption-key-0123456789ab";
const OK = "https://app.example.com/ok";
const FAILED = "https://app.example.com/failed";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant();
});

describe("GET /v2/conferencing/{app}/oauth/auth-url", () => {
  it("zoom: the provider's authorize URL with our client id, callback and a signed state that carries no credential", async () => {
    const res = await api(`/v2/conferencing/zoom/oauth/auth-url?returnTo=${OK}&onErrorReturnTo=${FAILED}`, { key: tenant.apiKey });
    expect(contractProblems("ConferencingController_redirect", 200, res.body)).toEqual([]);
    const url = new URL(res.body.data.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${videoFakesUrl()}/zoom/oauth/oauth/authorize`);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe("test-zoom-client");
    expect(url.searchParams.get("redirect_uri")).toBe("http://api.test/v2/conferencing/zoom/oauth/callback");
    const state = url.searchParams.get("state")!;
    expect(state).toMatch(/^[\w-]+\.[0-9a-f]{64}$/);
    expect(res.text).not.toContain(tenant.apiKey);
    expect(atob(state.split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/"))).not.toContain(tenant.apiKey.slice(4));
  });

  it("msteams: Microsoft's authorize URL with the OnlineMeetings scope", async () => {
    const url = new URL(await authUrl(tenant.apiKey, "msteams"));
    expect(`${url.origin}${url.pathname}`).toBe(`${videoFakesUrl()}/msteams/oauth2/v2.0/authorize`);
    expect(url.searchParams.get("scope")).toBe("OnlineMeetings.ReadWrite offline_access");
    expect(url.searchParams.get("redirect_uri")).toBe("http://api.test/v2/conferencing/msteams/oauth/callback");
  });

  it("400 for other apps (Cal.com's message) and for a returnTo that is not an http(s) URL", async () => {
    for (const app of ["google-meet", "daily-video", "teams"]) {
      expect(expectError(await api(`/v2/conferencing/${app}/oauth/auth-url`, { key: tenant.apiKey }), 400).error.message).toBe(
        "Invalid conferencing app, available apps are: zoom, msteams",
      );
    }
    const res = await api("/v2/conferencing/zoom/oauth/auth-url?returnTo=javascript:alert(1)", { key: tenant.apiKey });
    expect(expectError(res, 400).error.message).toBe("returnTo must be an http(s) URL");
  });

  it("without returnTo the request's Origin is where the callback returns", async () => {
    const res = await api("/v2/conferencing/zoom/oauth/auth-url", { key: tenant.apiKey, headers: { origin: "https://atoms.example.com" } });
    const user = await createTenant();
    // The state is the caller's: used as is by the callback, it sends the browser back to the Origin.
    const state = stateOf(res.body.data.url);
    const back = await callback("zoom", { state, code: unique("origin") });
    expect(back.status).toBe(301);
    expect(back.headers.get("location")).toBe("https://atoms.example.com");
    expect(user.userId).toBeGreaterThan(0);
  });
});

describe("GET /v2/conferencing/{app}/oauth/callback", () => {
  it("zoom: exchanges the code with Basic auth and our redirect_uri, stores the token encrypted, 301 to returnTo", async () => {
    const user = await createTenant();
    const code = unique("zoomok");
    await connectZoom(user.apiKey, code);

    const [exchange] = await received(`code=${code}`);
    expect(exchange?.method).toBe("POST");
    expect(exchange?.headers.authorization).toBe(`Basic ${btoa("test-zoom-client:test-zoom-secret")}`);
    const params = new URL(exchange!.path, "http://x").searchParams;
    expect(params.get("grant_type")).toBe("authorization_code");
    expect(params.get("redirect_uri")).toBe("http://api.test/v2/conferencing/zoom/oauth/callback");

    const [credential] = await credentialsOf({ userId: user.userId });
    expect(credential).toMatchObject({ type: "zoom_video", appId: "zoom", userId: user.userId, invalid: false });
    // Encrypted at rest in Cal.com's format; the plain key is Cal.com's zoom key (expiry_date in ms, no expires_in).
    expect(typeof credential!.key).toBe("string");
    expect(JSON.stringify(credential!.key)).not.toContain(`zat-${code}`);
    const key = JSON.parse(await symmetricDecrypt(credential!.key as string, ENCRYPTION_KEY));
    expect(key).toMatchObject({ access_token: `zat-${code}-1`, refresh_token: `zrt-${code}`, token_type: "bearer", scope: "meeting:write" });
    expect(key).not.toHaveProperty("expires_in");
    expect(key.expiry_date).toBeGreaterThan(Date.now() + 3_000_000);
    expect(key.expiry_date).toBeLessThan(Date.now() + 3_700_000);

    const listed = await api("/v2/conferencing", { key: user.apiKey });
    expect(listed.body.data).toEqual([{ id: credential!.id, type: "zoom_video", userId: user.userId, invalid: false }]);
    expect(listed.text).not.toContain("zat-");
  });

  it("connecting again replaces the earlier Zoom credential", async () => {
    const user = await createTenant();
    await connectZoom(user.apiKey, unique("first"));
    const [first] = await credentialsOf({ userId: user.userId });
    await connectZoom(user.apiKey, unique("second"));
    const after = await credentialsOf({ userId: user.userId });
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(first!.id);
  });

  it("msteams: token by form post, the account's email from Graph /me, expiry_date in seconds (Cal.com's office365 key)", async () => {
    const user = await createTenant();
    const state = stateOf(await authUrl(user.apiKey, "msteams"));
    const code = unique("teams");
    const res = await callback("msteams", { state, code });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(OK);
    const [exchange] = await received(`code=${code}`);
    const form = new URLSearchParams(exchange!.body);
    expect(form.get("grant_type")).toBe("authorization_code");
    expect(form.get("redirect_uri")).toBe("http://api.test/v2/conferencing/msteams/oauth/callback");
    const [credential] = await credentialsOf({ userId: user.userId });
    expect(credential).toMatchObject({ type: "office365_video", appId: "msteams" });
    const key = JSON.parse(await symmetricDecrypt(credential!.key as string, ENCRYPTION_KEY));
    expect(key).toMatchObject({ access_token: `mat-${code}`, email: "teams.user@example.com" });
    expect(key.expiry_date).toBeGreaterThan(Date.now() / 1000 + 3000);
    expect(key.expiry_date).toBeLessThan(Date.now() / 1000 + 3700);
  });

  it("every failure is a 301 to onErrorReturnTo and stores nothing: refused code, provider down, provider error", async () => {
    const user = await createTenant();
    const failures: Record<string, string>[] = [
      { code: unique("bad-") },
      { code: unique("down-") },
      { error: "access_denied", error_description: "The user denied" },
    ];
    for (const params of failures) {
      const state = stateOf(await authUrl(user.apiKey, "zoom"));
      const res = await callback("zoom", { state, ...params });
      expect(res.status, JSON.stringify(params)).toBe(301);
      expect(res.headers.get("location")).toBe(FAILED);
    }
    expect(await credentialsOf({ userId: user.userId })).toEqual([]);
  });

  it("the provider's error never reaches its token endpoint", async () => {
    const user = await createTenant();
    const state = stateOf(await authUrl(user.apiKey, "zoom"));
    const marker = unique("denied");
    await callback("zoom", { state, error: "access_denied", code: marker });
    expect(await received(marker)).toEqual([]);
  });

  it("400 without a state (Cal.com's message); a state we did not sign goes to WEBSITE_URL, never to a target it names", async () => {
    expect(expectError(await getNoFollow("/v2/conferencing/zoom/oauth/callback?code=x"), 400).error.message).toBe("Missing `state` query param");
    const user = await createTenant();
    const state = stateOf(await authUrl(user.apiKey, "zoom"));
    const [payload] = state.split(".");
    const victim = await createTenant();
    const forged = btoa(
      JSON.stringify({ userId: victim.userId, onErrorReturnTo: "https://evil.example.com", returnTo: "https://evil.example.com", expiresAt: 9e9 }),
    )
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    for (const bad of [`${forged}.${state.split(".")[1]}`, `${payload}.${"0".repeat(64)}`, "not-a-state", JSON.stringify({ accessToken: user.apiKey })]) {
      const res = await callback("zoom", { state: bad, code: unique("forged") });
      expect(res.status).toBe(301);
      expect(res.headers.get("location")).toBe("https://cal.com");
    }
    expect(await credentialsOf({ userId: victim.userId })).toEqual([]);
    expect(await credentialsOf({ userId: user.userId })).toEqual([]);
    // Refused before any code exchange.
    expect(await received("code=forged")).toEqual([]);
  });

  it("a state for zoom does not connect msteams with it (the app is part of the exchange, not of the state)", async () => {
    const user = await createTenant();
    const state = stateOf(await authUrl(user.apiKey, "zoom"));
    const res = await callback("google-meet", { state, code: unique("x") });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(FAILED);
  });
});
