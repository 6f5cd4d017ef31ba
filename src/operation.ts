import { z, type OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import { authenticate } from "../middleware/authenticate";
import { versionedRoutePath, type ServedVersions } from "../versions/registry";
import type { AuthPolicy } from "./auth/authenticate";
import type { AppEnv } from "./context";
import { errorResponses } from "./errors";

/** One API operation: its contract (route), the versions it serves, who may call it, and its handler. */
export interface Operation<R extends RouteConfig = RouteConfig> {
  route: R;
  versions: ServedVersions;
  auth: AuthPolicy | "public";
  handler: RouteHandler<R, AppEnv>;
  /** False for an operation that shares its path and method with the documented one (another version). */
  documented?: boolean;
}

export const defineOperation = <R extends RouteConfig>(operation: Operation<R>): Operation<R> => operation;

// Errors every operation can answer; routes add their own (404, 409, …) from the same table.
function defaultErrorStatuses(operation: Operation): number[] {
  const statuses = [429, 500];
  if (operation.route.request) statuses.push(400);
  if (operation.auth !== "public") statuses.push(401, 403);
  // Idempotency-Key: a key reused with another body (422) or still in flight (409).
  if (operation.route.method === "post") statuses.push(409, 422);
  return statuses;
}

// middleware/idempotency.ts serves every POST; documented on each of them.
const IdempotencyHeaders = z.object({
  "Idempotency-Key": z
    .string()
    .max(255)
    .optional()
    .openapi({
      description:
        "Makes a retry safe: the first response (status and body) is kept for 24 hours and replayed, byte for byte, to requests with " +
        "the same key and the same body from the same caller. The same key with a different body is a 422; a retry while the " +
        "first request is still running is a 409. Replays carry `Idempotent-Replayed: true`.",
      example: "3f1d7a0e-5b7c-4c39-9d7e-2a6f0b8c9e11",
    }),
});

function documentedRequest(route: RouteConfig): RouteConfig["request"] {
  if (route.method !== "post") return route.request;
  const headers = route.request?.headers;
  return { ...route.request, headers: headers instanceof z.ZodObject ? headers.extend(IdempotencyHeaders.shape) : IdempotencyHeaders };
}

function documentedRoute(operation: Operation): RouteConfig {
  const { route } = operation;
  return {
    ...route,
    request: documentedRequest(route),
    responses: { ...errorResponses(...defaultErrorStatuses(operation)), ...route.responses },
    ...(operation.auth === "public" ? {} : { security: [{ bearer: [] }, { oAuthClient: [] }] }),
  };
}

export function registerOperations(app: OpenAPIHono<AppEnv>, operations: readonly Operation<any>[]) {
  for (const operation of operations) {
    const { route, versions, auth, handler } = operation;
    if (operation.documented !== false) app.openAPIRegistry.registerPath(documentedRoute(operation));
    const middleware = [...(auth === "public" ? [] : [authenticate(auth)]), ...(route.middleware ? [route.middleware].flat() : [])];
    app.openapi({ ...route, path: versionedRoutePath(route.path, versions), hide: true, middleware }, handler);
  }
}
