import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/context";
import { builtOperation, defineOperation, documentOperations, registerOperations } from "../../src/operation";
import { API_VERSIONS, canonicalPath, publicRoutePattern, resolveApiVersion, routingPath, versionedRoutePaths } from "../../versions/registry";

describe("resolveApiVersion", () => {
  it("uses an exact known version and falls back to 2024-04-15 for anything else", () => {
    expect(resolveApiVersion("2024-08-13")).toBe("2024-08-13");
    expect(resolveApiVersion(" 2024-09-04 ")).toBe("2024-09-04");
    expect(resolveApiVersion(undefined)).toBe("2024-04-15");
    expect(resolveApiVersion("")).toBe("2024-04-15");
    expect(resolveApiVersion("2025-01-01")).toBe("2024-04-15");
    expect(resolveApiVersion("2024-08-13; drop table")).toBe("2024-04-15");
  });

  it("rewrites Cal.com's alternative prefixes", () => {
    expect(canonicalPath("/api/v2/bookings")).toBe("/v2/bookings");
    expect(canonicalPath("/v2/ee/bookings")).toBe("/v2/bookings");
    expect(canonicalPath("/v2/eevents")).toBe("/v2/eevents");
  });
});

describe("versionedRoutePaths", () => {
  it("registers a /v2 operation under one static version segment per version it serves", () => {
    expect(versionedRoutePaths("/v2/bookings/{bookingUid}", ["2024-08-13"])).toEqual(["/@2024-08-13/v2/bookings/{bookingUid}"]);
    expect(versionedRoutePaths("/v2/me", "all")).toEqual(API_VERSIONS.map((version) => `/@${version}/v2/me`));
    expect(versionedRoutePaths("/health", "all")).toEqual(["/health"]);
  });

  it("each request's routing path is one of the registered paths of the operations serving its version", () => {
    const request = (version?: string) => new Request("https://api.test/v2/me?x=1", { headers: version ? { "cal-api-version": version } : {} });
    for (const version of [undefined, "2024-08-13", "2099-01-01"]) {
      expect(versionedRoutePaths("/v2/me", "all")).toContain(routingPath(request(version)));
    }
    expect(versionedRoutePaths("/v2/me", ["2024-08-13"])).not.toContain(routingPath(request("2024-06-14")));
  });

  it("logs the public route pattern without the version segment", () => {
    expect(publicRoutePattern("/@2024-08-13/v2/bookings/:bookingUid")).toBe("/v2/bookings/:bookingUid");
    expect(publicRoutePattern("/health")).toBe("/health");
    expect(publicRoutePattern("/*")).toBe("/*");
  });
});

// Two operations on one path and method, as legacy and 2024-08-13 bookings will be.
function appWithTwoVersions() {
  const app = new OpenAPIHono<AppEnv>({ getPath: routingPath });
  const route = (tag: string) =>
    createRoute({
      method: "post",
      path: "/v2/things",
      request: { body: { content: { "application/json": { schema: z.object({ [tag]: z.string() }) } }, required: true } },
      responses: { 200: { description: "ok" } },
    });
  const operations = [
    defineOperation({
      route: route("modern"),
      versions: ["2024-08-13"],
      auth: "public",
      handler: (c) => c.json({ served: "2024-08-13", body: c.req.valid("json") }, 200),
    }),
    defineOperation({
      route: route("legacy"),
      versions: ["2024-04-15", "2024-06-11", "2024-06-14"],
      auth: "public",
      documented: false,
      handler: (c) => c.json({ served: "legacy", body: c.req.valid("json") }, 200),
    }),
  ];
  const onError = (error: Error, c: Context<AppEnv>) => c.json({ error: error.message }, 400);
  registerOperations(app, operations.map(builtOperation), { onError });
  documentOperations(app, operations);
  app.onError(onError);
  return app;
}

const post = (app: ReturnType<typeof appWithTwoVersions>, version: string | undefined, body: unknown) =>
  app.request("/v2/things", {
    method: "POST",
    headers: { "content-type": "application/json", ...(version ? { "cal-api-version": version } : {}) },
    body: JSON.stringify(body),
  });

describe("version dispatch on a shared path", () => {
  it("sends each version to its own operation, validators included", async () => {
    const app = appWithTwoVersions();
    expect(await (await post(app, "2024-08-13", { modern: "a" })).json()).toEqual({ served: "2024-08-13", body: { modern: "a" } });
    expect(await (await post(app, "2024-06-14", { legacy: "b" })).json()).toEqual({ served: "legacy", body: { legacy: "b" } });
    expect(await (await post(app, undefined, { legacy: "c" })).json()).toEqual({ served: "legacy", body: { legacy: "c" } });
    expect(await (await post(app, "nonsense", { legacy: "d" })).json()).toEqual({ served: "legacy", body: { legacy: "d" } });
  });

  it("a version no operation serves does not reach either", async () => {
    const res = await post(appWithTwoVersions(), "2024-09-04", { modern: "x" });
    expect(res.status).toBe(404);
  });

  it("documents the path once, at its public address", () => {
    const doc = appWithTwoVersions().getOpenAPIDocument({ openapi: "3.0.0", info: { title: "t", version: "1" } });
    expect(Object.keys(doc.paths)).toEqual(["/v2/things"]);
  });
});
