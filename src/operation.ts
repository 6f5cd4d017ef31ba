import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
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
  return statuses;
}

function documentedRoute(operation: Operation): RouteConfig {
  const { route } = operation;
  return {
    ...route,
    responses: { ...errorResponses(...defaultErrorStatuses(operation)), ...route.responses },
    ...(operation.auth === "public" ? {} : { security: [{ bearer: [] }, { oAuthClient: [] }] }),
  };
}

export function registerOperations(app: OpenAPIHono<AppEnv>, operations: readonly Operation<any>[]) {
  for (const operation of operations) {
    const { route, versions, auth, handler } = operation;
    if (operation.documented !== false) app.openAPIRegistry.registerPath(documentedRoute(operation));
    const middleware = [
      ...(auth === "public" ? [] : [authenticate(auth)]),
      ...(route.middleware ? [route.middleware].flat() : []),
    ];
    app.openapi({ ...route, path: versionedRoutePath(route.path, versions), hide: true, middleware }, handler);
  }
}
