import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { fetchWithEnv } from "../../helpers/app";
import { createTenant, type Tenant } from "../../helpers/fixtures";

let tenant: Tenant;
beforeAll(async () => {
  tenant = await createTenant();
});

function expectEnvelope(body: any, code: string, path: string) {
  expect(body.status).toBe("error");
  expect(body.path).toBe(path);
  expect(new Date(body.timestamp).toString()).not.toBe("Invalid Date");
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(typeof body.error.details.requestId).toBe("string");
}

describe("one error envelope for every error class", () => {
  it("400: a zod failure names each bad field", async () => {
    const res = await api("/v2/me", { method: "PATCH", key: tenant.apiKey, body: { timeFormat: 13, weekStart: "Someday" } });
    expect(res.status).toBe(400);
    expectEnvelope(res.body, "BadRequestException", "/v2/me");
    expect(res.body.error.message).toContain("timeFormat - ");
    expect(res.body.error.message).toContain("weekStart - ");
    expect(res.body.error.details.errors.map((e: any) => e.property).sort()).toEqual(["timeFormat", "weekStart"]);
  });

  it("400: malformed JSON", async () => {
    const res = await api("/v2/me", {
      method: "PATCH",
      key: tenant.apiKey,
      rawBody: '{"name": "unterminated',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expectEnvelope(res.body, "BadRequestException", "/v2/me");
  });

  it("400: a JSON body that is not an object", async () => {
    const res = await api("/v2/me", { method: "PATCH", key: tenant.apiKey, body: [1, 2, 3] });
    expect(res.status).toBe(400);
    expectEnvelope(res.body, "BadRequestException", "/v2/me");
  });

  it("415: a body that is not JSON", async () => {
    const res = await api("/v2/me", {
      method: "PATCH",
      key: tenant.apiKey,
      rawBody: "name=x",
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
    expectEnvelope(res.body, "UnsupportedMediaTypeException", "/v2/me");
  });

  it("413: a body over the configured limit", async () => {
    const res = await fetchWithEnv(
      new Request("http://api.test/v2/me", {
        method: "PATCH",
        headers: { authorization: `Bearer ${tenant.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ bio: "x".repeat(5000) }),
      }),
      { MAX_BODY_BYTES: "1024" },
    );
    expect(res.status).toBe(413);
    expectEnvelope(res.body, "PayloadTooLargeException", "/v2/me");
  });

  it("401, 404 and 409 share the envelope", async () => {
    expectEnvelope((await api("/v2/me")).body, "UnauthorizedException", "/v2/me");
    expectEnvelope((await api("/v2/nothing-here?x=1", { key: tenant.apiKey })).body, "NotFoundException", "/v2/nothing-here?x=1");
    const other = await createTenant();
    const conflict = await api("/v2/me", { method: "PATCH", key: tenant.apiKey, body: { email: other.email } });
    expect(conflict.status).toBe(409);
    expectEnvelope(conflict.body, "ConflictException", "/v2/me");
  });

  it("500: an unexpected failure (a malformed database URL) answers the envelope with the request id, no internals", async () => {
    const res = await fetchWithEnv(
      new Request("http://api.test/v2/me", { headers: { authorization: `Bearer ${tenant.apiKey}`, "x-request-id": "req-500-test" } }),
      { DATABASE_URL: "not-a-database-url-secret-part", AUTH_CACHE_TTL_SECONDS: "0" },
    );
    expect(res.status).toBe(500);
    expectEnvelope(res.body, "INTERNAL_SERVER_ERROR", "/v2/me");
    expect(res.body.error.message).toBe("There was an error, please try again later.");
    expect(res.body.error.details.requestId).toBe("req-500-test");
    expect(res.headers.get("X-Request-Id")).toBe("req-500-test");
    expect(JSON.stringify(res.body)).not.toContain("secret-part");
  });

  it("503 with Retry-After when the database cannot be used (here: it does not exist), no internals", async () => {
    const res = await fetchWithEnv(
      new Request("http://api.test/v2/me", { headers: { authorization: `Bearer ${tenant.apiKey}`, "x-request-id": "req-503-test" } }),
      { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/database_that_does_not_exist", AUTH_CACHE_TTL_SECONDS: "0" },
    );
    expect(res.status).toBe(503);
    expectEnvelope(res.body, "ServiceUnavailableException", "/v2/me");
    expect(res.body.error.message).toBe("The database is unavailable, please retry shortly.");
    expect(res.body.error.details.requestId).toBe("req-503-test");
    expect(res.headers.get("Retry-After")).toBe("1");
    expect(JSON.stringify(res.body)).not.toContain("database_that_does_not_exist");
  });

  it("500 naming the missing setting when the deployment is misconfigured", async () => {
    const res = await fetchWithEnv(new Request("http://api.test/v2/me"), { DATABASE_URL: undefined });
    expect(res.status).toBe(500);
    expectEnvelope(res.body, "InternalServerErrorException", "/v2/me");
    expect(res.body.error.message).toContain("DATABASE_URL");
  });
});
