// Conferencing security: every authenticated route's credential checks, one user's connections invisible and
// untouchable to another, no token or key ever answered, and an OAuth state that only ever connects its own user.
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../helpers/api";
import { authUrl, callback, connectZoom, credentialsOf, stateOf } from "../../helpers/conferencing";
import { createTenant, type Tenant, unique } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";

const SECURED = [
  { path: "/v2/conferencing" },
  { path: "/v2/conferencing/default" },
  { path: "/v2/conferencing/google-meet/connect", method: "POST" },
  { path: "/v2/conferencing/zoom/oauth/auth-url" },
  { path: "/v2/conferencing/zoom/default", method: "POST" },
  { path: "/v2/conferencing/zoom/disconnect", method: "DELETE" },
];

for (const call of SECURED) {
  describe(`${call.method ?? "GET"} ${call.path}`, () => {
    itRejectsMissingAndInvalidCredentials(() => call);
  });
}

describe("between users", () => {
  let alice: Tenant;
  let bob: Tenant;
  beforeAll(async () => {
    [alice, bob] = await Promise.all([createTenant(), createTenant()]);
    await connectZoom(alice.apiKey, unique("alice"));
  });

  it("another user sees none of the connections and cannot disconnect or default them", async () => {
    expect((await api("/v2/conferencing", { key: bob.apiKey })).body.data).toEqual([]);
    expect(expectError(await api("/v2/conferencing/zoom/disconnect", { method: "DELETE", key: bob.apiKey }), 400).error.message).toBe("zoom not connected.");
    expect(expectError(await api("/v2/conferencing/zoom/default", { method: "POST", key: bob.apiKey }), 400).error.message).toBe("zoom not connected.");
    expect(await credentialsOf({ userId: alice.userId })).toHaveLength(1);
  });

  it("no answer carries a token, a key or the encrypted blob", async () => {
    for (const path of ["/v2/conferencing", "/v2/conferencing/default"]) {
      const res = await api(path, { key: alice.apiKey });
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/zat-|zrt-|access_token|refresh_token|key/);
    }
  });

  it("a state issued to one user connects that user only, whoever's browser completes it", async () => {
    const state = stateOf(await authUrl(bob.apiKey, "zoom"));
    const res = await callback("zoom", { state, code: unique("bobs") });
    expect(res.status).toBe(301);
    expect(await credentialsOf({ userId: bob.userId })).toHaveLength(1);
    expect(await credentialsOf({ userId: alice.userId })).toHaveLength(1);
  });

  it("a state from the user routes is refused by an org team's callback (it names no team)", async () => {
    const state = stateOf(await authUrl(alice.apiKey, "zoom"));
    // The team route is authenticated; alice is in no organization, so its guards answer first.
    const res = await api(`/v2/organizations/1/teams/1/conferencing/zoom/oauth/callback?${new URLSearchParams({ state, code: "x" })}`, { key: alice.apiKey });
    expect([403, 404]).toContain(res.status);
  });
});
