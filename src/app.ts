import { type Hook, OpenAPIHono } from "@hono/zod-openapi";
import { swaggerUI } from "@hono/swagger-ui";
import { apiVersion } from "../middleware/api-version";
import { bodyLimit } from "../middleware/body-limit";
import { idempotency } from "../middleware/idempotency";
import { rejectNulCharacters } from "../middleware/nul-characters";
import { rateLimit } from "../middleware/rate-limit";
import { requestId } from "../middleware/request-id";
import { wrapThrownValues } from "../middleware/thrown-values";
import { requestLog } from "../middleware/request-log";
import { corsForAnyOrigin, securityHeaders } from "../middleware/security";
import { services } from "../middleware/services";
import { forgetSlotVersionsAfterWrites } from "../middleware/slot-answers";
import { operationTable } from "../routes/table.generated";
import { routingPath } from "../versions/registry";
import type { AppEnv } from "./context";
import { notFound, onError } from "./error-handler";
import { documentOperations, registerOperations } from "./operation";
import { RememberingTrieRouter } from "./router";
import { validationError } from "./validation";

const defaultHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) throw validationError(result.error, result.target);
};

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ getPath: routingPath, defaultHook, router: new RememberingTrieRouter() });

  // The request pipeline, in order. Headers decided before the handler runs are set with c.header(), and
  // answers are built with c.json/c.body/c.html, which add them; a hand-built `new Response` would not carry them.
  app.use("*", wrapThrownValues);
  app.use("*", requestId);
  app.use("*", requestLog);
  app.use("*", securityHeaders);
  app.use("*", corsForAnyOrigin);
  app.use("*", services);
  app.use("*", apiVersion);
  app.use("*", bodyLimit);
  app.use("*", rateLimit);
  app.use("*", rejectNulCharacters);
  app.use("*", idempotency);
  app.use("*", forgetSlotVersionsAfterWrites);

  // Routes are registered at start; each operation is built on its first request (src/operation.ts).
  registerOperations(app, operationTable, { defaultHook, onError });

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API key (cal_…) or a managed user's access token",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "oAuthClient", {
    type: "apiKey",
    in: "header",
    name: "x-cal-secret-key",
    description: "OAuth client secret, sent with the x-cal-client-id header",
  });
  // The document needs every operation built: done on its first request, not at start.
  let documented: Promise<void> | undefined;
  app.use("/docs/openapi.json", async (_c, next) => {
    documented ??= import("../routes").then(({ operations }) => documentOperations(app, operations));
    await documented;
    await next();
  });
  app.doc("/docs/openapi.json", {
    openapi: "3.0.0",
    info: {
      title: "Cal.com API v2 (edge)",
      version: "1.0.0",
      description: "Wire-compatible with Cal.com's Platform API v2. Select the version of an operation with the `cal-api-version` header.",
    },
  });
  app.get("/docs", swaggerUI({ url: "/docs/openapi.json" }));

  app.onError(onError);
  app.notFound(notFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
