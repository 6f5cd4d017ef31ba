import { expect, it } from "vitest";
import { type ApiCall, type ApiResult, api, expectError } from "./api";
import { createTenant } from "./fixtures";

export interface SecuredCall extends Omit<ApiCall, "key"> {
  path: string;
}

/** Cal.com's 401 envelope; returns its error for the message checks. */
const unauthorizedEnvelope = (res: ApiResult) => {
  const { error } = expectError(res, 401, "UnauthorizedException");
  expect(typeof error.message).toBe("string");
  return error;
};

/**
 * The same checks for every authenticated route: no credentials, a malformed/unknown API key and an
 * expired one all get Cal.com's 401 envelope. `call()` is evaluated per test, so ids made in beforeAll work.
 * On /v2/oauth-clients/{clientId}/… paths the client id counts as presented, so "no credentials" is Cal.com's
 * "Only 'x-cal-client-id' header provided" (pass `missingCredentials`).
 */
export function itRejectsMissingAndInvalidCredentials(call: () => SecuredCall, options: { missingCredentials?: string } = {}) {
  it("401 without credentials", async () => {
    const { path, ...rest } = call();
    const res = await api<unknown>(path, rest);
    expect(res.status).toBe(401);
    expect(unauthorizedEnvelope(res).message).toContain(options.missingCredentials ?? "No authentication method provided");
  });

  it("401 with an unknown API key", async () => {
    const { path, ...rest } = call();
    const res = await api<unknown>(path, { ...rest, key: "cal_00000000000000000000000000000000" });
    expect(res.status).toBe(401);
    expect(unauthorizedEnvelope(res).message).toBe("ApiAuthStrategy - api key - Your api key is not valid");
  });

  it("401 with an expired API key", async () => {
    const expired = await createTenant({ expiresAt: new Date(Date.now() - 3 * 86_400_000) });
    const { path, ...rest } = call();
    const res = await api<unknown>(path, { ...rest, key: expired.apiKey });
    expect(res.status).toBe(401);
    expect(unauthorizedEnvelope(res).message).toBe("ApiAuthStrategy - api key - Your api key is expired");
  });

  it("401 with a Bearer token that is neither an API key nor a known access token", async () => {
    const { path, ...rest } = call();
    const res = await api<unknown>(path, { ...rest, headers: { ...rest.headers, authorization: "Bearer not-a-token" } });
    expect(res.status).toBe(401);
    unauthorizedEnvelope(res);
  });
}
