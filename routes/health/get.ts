import { createRoute } from "@hono/zod-openapi";
import { errorEnvelope, errorResponses } from "../../src/errors";
import { HealthOutputSchema } from "../../src/health/output";
import { checkHealth } from "../../src/health/service";
import { success } from "../../src/http/common";
import { defineOperation } from "../../src/operation";

const route = createRoute({
  method: "get",
  path: "/health",
  operationId: "health",
  summary: "Liveness of the API and its dependencies",
  tags: ["Health"],
  responses: {
    200: { description: "Database and Redis answer", content: { "application/json": { schema: HealthOutputSchema } } },
    ...errorResponses(503),
  },
});

export const getHealthOperation = defineOperation({
  route,
  versions: "all",
  auth: "public",
  handler: async (c) => {
    const { checks, failing, memory } = await checkHealth(c.var.deps);
    if (failing.length > 0) {
      // The states ride along in the error's details, with the request id to find the failure in the logs.
      const body = errorEnvelope("/health", "ServiceUnavailableException", `Unhealthy: ${failing.join(", ")}`, {
        ...checks,
        requestId: c.get("requestId"),
      });
      return c.json(body, 503) as never;
    }
    return c.json(success(memory ? { ...checks, memory } : checks), 200);
  },
});
