import { describe, expect, it } from "vitest";
import { api } from "../../helpers/api";

describe("request id, security headers, CORS and docs", () => {
  it("mints an X-Request-Id when none is sent", async () => {
    const res = await api("/health");
    expect(res.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("echoes a sane caller-supplied X-Request-Id and replaces an unsafe one", async () => {
    expect((await api("/health", { headers: { "x-request-id": "abc-123" } })).headers.get("X-Request-Id")).toBe("abc-123");
    const replaced = (await api("/health", { headers: { "x-request-id": "bad id with spaces\u0001" } })).headers.get("X-Request-Id");
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends Helmet's security headers", async () => {
    const res = await api("/health");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=");
    expect(res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
  });

  it("answers a cross-origin preflight with the headers Cal.com's atoms send", async () => {
    const res = await api("/v2/me", {
      method: "OPTIONS",
      headers: {
        origin: "https://partner.example",
        "access-control-request-method": "PATCH",
        "access-control-request-headers": "authorization,cal-api-version,x-cal-client-id,x-cal-secret-key,x-cal-platform-embed,content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const allowed = (res.headers.get("Access-Control-Allow-Headers") ?? "").toLowerCase();
    for (const header of ["authorization", "cal-api-version", "x-cal-client-id", "x-cal-secret-key", "x-cal-platform-embed", "content-type"]) {
      expect(allowed).toContain(header);
    }
    expect(res.headers.get("Access-Control-Allow-Methods")).toContain("PATCH");
  });

  it("serves the OpenAPI document generated from the routes, and Swagger UI", async () => {
    const doc = await api("/docs/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.paths["/v2/me"].get.operationId).toBe("MeController_getMe");
    expect(doc.body.paths["/v2/me"].patch.operationId).toBe("MeController_updateMe");
    expect(doc.body.paths["/v2/api-keys/refresh"].post.operationId).toBe("ApiKeysController_refresh");
    expect(Object.keys(doc.body.paths).some((p) => p.includes("apiVersionSegment"))).toBe(false);
    expect(doc.body.paths["/v2/me"].get.responses["401"]).toBeDefined();
    const ui = await api("/docs");
    expect(ui.status).toBe(200);
    expect(ui.text).toContain("swagger");
  });
});
