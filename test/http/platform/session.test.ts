import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { nextAuthSessionToken } from "../../helpers/platform";
import { createLoneUser, type Member } from "../../helpers/fixtures";

// A Cal.com web app session cookie (NextAuth v4 JWE), verified with the shared NEXTAUTH_SECRET.

let user: Member;

beforeAll(async () => {
  user = await createLoneUser();
});

const withCookie = (cookie: string) => ({ cookie });

describe("NextAuth session cookie", () => {
  it("authenticates the user named by the session's email", async () => {
    const token = await nextAuthSessionToken({ email: user.email, name: "Member", sub: String(user.userId) });
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) {
      const res = await api("/v2/me", { headers: withCookie(`theme=dark; ${name}=${token}`) });
      expect(res.status, name).toBe(200);
      expect(contractProblems("MeController_getMe", 200, res.body)).toEqual([]);
      expect(res.body.data.id).toBe(user.userId);
    }
  });

  it("reads a session split into chunks (<name>.0, <name>.1)", async () => {
    const token = await nextAuthSessionToken({ email: user.email });
    const half = Math.floor(token.length / 2);
    const res = await api("/v2/me", {
      headers: withCookie(`next-auth.session-token.0=${token.slice(0, half)}; next-auth.session-token.1=${token.slice(half)}`),
    });
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(user.userId);
  });

  it("an expired, foreign or garbled cookie counts as no credentials", async () => {
    const expired = await nextAuthSessionToken({ email: user.email }, { expiresInSeconds: -60 });
    const foreign = await nextAuthSessionToken({ email: user.email }, { secret: "some-other-deployment-secret-000000" });
    for (const cookie of [expired, foreign, "garbage"]) {
      const res = await api("/v2/me", { headers: withCookie(`next-auth.session-token=${cookie}`) });
      expect(res.status).toBe(401);
      expect(res.body.error.message).toContain("ApiAuthStrategy - No authentication method provided.");
    }
  });

  it("401 when the session has no email, or names no known user", async () => {
    const noEmail = await nextAuthSessionToken({ sub: "1" });
    const res = await api("/v2/me", { headers: withCookie(`next-auth.session-token=${noEmail}`) });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - next auth - Email not found in the authentication token.");

    const stranger = await nextAuthSessionToken({ email: "nobody-here@example.com" });
    const unknown = await api("/v2/me", { headers: withCookie(`next-auth.session-token=${stranger}`) });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe("ApiAuthStrategy - next auth - User associated with the authentication token email not found.");
  });

  it("a Bearer credential takes precedence over the cookie", async () => {
    const token = await nextAuthSessionToken({ email: user.email });
    const res = await api("/v2/me", {
      headers: { ...withCookie(`next-auth.session-token=${token}`), authorization: "Bearer cal_00000000000000000000000000000000" },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - api key - Your api key is not valid");
  });

  it("is not accepted where a route takes only API keys", async () => {
    const token = await nextAuthSessionToken({ email: user.email });
    const res = await api("/v2/api-keys/refresh", { method: "POST", headers: withCookie(`next-auth.session-token=${token}`), body: {} });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("ApiAuthStrategy - Invalid authentication method. Please provide one of the allowed methods: API_KEY");
  });
});
