import { type Hook, OpenAPIHono, type RouteConfig, type RouteHandler, z } from "@hono/zod-openapi";
import type { Context, ErrorHandler, MiddlewareHandler, Next } from "hono";
import { authenticate } from "../middleware/authenticate";
import { versionedRoutePaths, type ServedVersions } from "../versions/registry";
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

/** Where an operation is served, known without building it: what the Worker registers at start. */
export interface OperationAddress {
  method: RouteConfig["method"];
  /** The OpenAPI path (`/v2/bookings/{bookingUid}`). */
  path: string;
  versions: ServedVersions;
}

/** An operation built on its first request (routes/table.generated.ts lists them all). */
export interface LazyOperation extends OperationAddress {
  load: () => Promise<Operation<any>>;
}

/** An operation already built, in the lazy shape (for apps assembled from operations in hand, as in tests). */
export const builtOperation = (operation: Operation<any>): LazyOperation => ({
  method: operation.route.method,
  path: operation.route.path,
  versions: operation.versions,
  load: async () => operation,
});

interface OperationPipeline {
  defaultHook?: Hook<any, AppEnv, any, any>;
  onError: ErrorHandler<AppEnv>;
}

// The handlers @hono/zod-openapi would register for the operation (authentication, the route's own middleware,
// its validators, its handler), taken from a throwaway app so validation behaves exactly as with app.openapi().
function operationHandlers(operation: Operation<any>, { defaultHook }: OperationPipeline): MiddlewareHandler<AppEnv>[] {
  const { route, auth, handler } = operation;
  const middleware = [...(auth === "public" ? [] : [authenticate(auth)]), ...(route.middleware ? [route.middleware].flat() : [])];
  const builder = new OpenAPIHono<AppEnv>({ defaultHook });
  let handlers: MiddlewareHandler<AppEnv>[] = [];
  builder.on = ((_methods: unknown, _paths: unknown, ...registered: MiddlewareHandler<AppEnv>[]) => {
    handlers = registered;
    return builder;
  }) as unknown as typeof builder.on;
  // The throwaway app's path is never matched: the Worker's app routes (registerOperations).
  builder.openapi({ ...route, hide: true, middleware }, handler);
  return handlers;
}

// Runs handlers as Hono's compose() would (an error becomes onError's answer at the handler that threw, so the
// middleware around it sees a response), but without moving c.req.routeIndex: path parameters stay those of the
// route that matched.
async function runHandlers(c: Context<AppEnv>, handlers: MiddlewareHandler<AppEnv>[], onError: ErrorHandler<AppEnv>, next: Next) {
  const dispatch = async (i: number): Promise<void> => {
    const handler = handlers[i];
    if (!handler) return next();
    let answer: Response | undefined;
    let failed = false;
    try {
      answer = (await handler(c, () => dispatch(i + 1))) ?? undefined;
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      c.error = error;
      answer = await onError(error, c);
      failed = true;
    }
    if (answer && (!c.finalized || failed)) c.res = answer;
  };
  await dispatch(0);
}

/**
 * Registers every operation's method and path, in order; an operation's module is loaded and its schemas and
 * validators built on its first request. Building all of them at start was most of a cold start (issue 19).
 */
export function registerOperations(app: OpenAPIHono<AppEnv>, operations: readonly LazyOperation[], pipeline: OperationPipeline) {
  for (const operation of operations) {
    let building: Promise<MiddlewareHandler<AppEnv>[]> | undefined;
    // Once built, every later request runs the handlers without waiting on the build's promise again.
    let handlers: MiddlewareHandler<AppEnv>[] | undefined;
    const paths = versionedRoutePaths(operation.path, operation.versions).map((path) => path.replaceAll(/\/{(.+?)}/g, "/:$1"));
    app.on(operation.method.toUpperCase(), paths, async (c, next) => {
      if (!handlers) {
        building ??= operation.load().then(
          (built) => operationHandlers(built, pipeline),
          (error) => {
            building = undefined; // a failed load is retried by the next request
            throw error;
          },
        );
        handlers = await building;
      }
      await runHandlers(c, handlers, pipeline.onError, next);
    });
  }
}

/** Adds the operations to the app's OpenAPI document (all of them are loaded for it). */
export function documentOperations(app: OpenAPIHono<AppEnv>, operations: readonly Operation<any>[]) {
  for (const operation of operations) {
    if (operation.documented !== false) app.openAPIRegistry.registerPath(documentedRoute(operation));
  }
}
