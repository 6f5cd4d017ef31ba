// Cal.com's webhook CRUD, generated for any owner (the caller, one of their event types, an OAuth client, …): an
// owner is described once (its path, Cal.com's operationIds and texts, its outputs, how it is reached) and this
// builds its operations over the generic store (./store.ts) and the owner's access checks (./ownership.ts).
import { createRoute, type z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { AuthPolicy } from "../auth/authenticate";
import type { AppEnv } from "../context";
import { errorResponses } from "../errors";
import type { Webhook } from "../generated/prisma/client";
import { jsonBody, jsonResponse, pathParams, SkipTakeQuery, success, WebhookIdParams } from "../http/common";
import { actorOf } from "../http/context";
import { defineOperation, type Operation } from "../operation";
import type { ServedVersions } from "../../versions/registry";
import { DeleteManyWebhooksOutputResponseSchema, revealsSecret, type WebhookOutputs } from "./output";
import type { WebhookOwnerAccess } from "./ownership";
import { CreateWebhookInputSchema, UpdateWebhookInputSchema } from "./schemas";
import { createOwnedWebhook, deleteAllOwnedWebhooks, deleteOwnedWebhook, listOwnedWebhooks, updateOwnedWebhook, type WebhookOwner } from "./store";

export type WebhookOperationKind = "create" | "list" | "deleteAll" | "get" | "update" | "delete";

/** Reads (list, get) or writes: Cal.com's guards may ask more of a writer (e.g. an ADMIN or OWNER role). */
export type WebhookAccessLevel = "read" | "manage";

export interface WebhookOperationTexts {
  operationId: string;
  /** Defaults to the text every owner of Cal.com's uses ("Create a webhook", …). */
  summary?: string;
  description?: string;
}

export interface WebhookOwnerDescription {
  /** The collection's path, e.g. "/v2/event-types/{eventTypeId}/webhooks". */
  path: string;
  /** The owner's path params; none for the caller's own webhooks. */
  params?: z.ZodObject;
  tag: string;
  /** The operations this owner has in Cal.com's contract (and only those), with their operationIds. */
  operations: Partial<Record<WebhookOperationKind, WebhookOperationTexts>>;
  /** Whose webhooks the list returns, for its response's description: "The event type's". */
  whose: string;
  outputs: WebhookOutputs;
  access: WebhookOwnerAccess;
  /**
   * Where the access checks run. Cal.com's are guards, which run before input validation (an outsider's bad body
   * is a 403, not a 400): "before validation", as route middleware.
   */
  checks: "before validation" | "in the handler";
  /** Route middleware run before the access checks, by level (Cal.com's platform guards). */
  guards?: Record<WebhookAccessLevel, readonly MiddlewareHandler<AppEnv>[]>;
  auth?: AuthPolicy;
  versions?: ServedVersions;
}

declare module "hono" {
  interface ContextVariableMap {
    /** The path's owner and webhook, when the access checks run as route middleware. */
    checkedWebhookOwner: WebhookOwner | undefined;
    checkedWebhook: Webhook | undefined;
  }
}

const DEFAULT_SUMMARIES: Record<WebhookOperationKind, string> = {
  create: "Create a webhook",
  list: "Get all webhooks",
  deleteAll: "Delete all webhooks",
  get: "Get a webhook",
  update: "Update a webhook",
  delete: "Delete a webhook",
};

const DEFAULT_DESCRIPTIONS: Partial<Record<WebhookOperationKind, string>> = {
  deleteAll: 'Returns how many were deleted (`"<n> webhooks deleted"`). Their delivery logs are deleted with them.',
  update: "Setting `active` to true on a webhook that was disabled after continuous delivery failures re-enables it and clears the reason.",
  delete: "Returns the deleted webhook. Its delivery log is deleted with it and pending deliveries are dropped.",
};

/** Cal.com's webhook operations of one owner, in the order they are registered (create, list, delete-all, get, update, delete). */
export function webhookOwnerOperations(owner: WebhookOwnerDescription): Operation<any>[] {
  const { access, outputs } = owner;
  const itemPath = `${owner.path}/{webhookId}`;
  const collectionParams = owner.params ? { params: owner.params } : {};
  const itemParams = { params: owner.params ? pathParams(owner.params, WebhookIdParams) : WebhookIdParams };
  // An owner named in the path may not exist.
  const collectionErrors = owner.params ? [404] : [];

  const checkOwner = (c: Context<AppEnv>) => access.owner(c.var.deps, actorOf(c), c.req.param());
  const checkWebhook = (c: Context<AppEnv>, checkedOwner: WebhookOwner) => access.webhook(c.var.deps, checkedOwner, c.req.param("webhookId") ?? "");
  // What the middleware checked, or (checks "in the handler") the checks themselves.
  const ownerOf = async (c: Context<AppEnv>) => c.get("checkedWebhookOwner") ?? (await checkOwner(c));
  const webhookOf = async (c: Context<AppEnv>, checkedOwner: WebhookOwner) => c.get("checkedWebhook") ?? (await checkWebhook(c, checkedOwner));

  const texts = (kind: WebhookOperationKind, given: WebhookOperationTexts) => {
    const description = given.description ?? DEFAULT_DESCRIPTIONS[kind];
    return { operationId: given.operationId, summary: given.summary ?? DEFAULT_SUMMARIES[kind], ...(description ? { description } : {}), tags: [owner.tag] };
  };
  const middleware = (level: WebhookAccessLevel, item: boolean): { middleware?: MiddlewareHandler<AppEnv>[] } => {
    const guards = owner.guards?.[level] ?? [];
    if (owner.checks === "in the handler") return guards.length > 0 ? { middleware: [...guards] } : {};
    const check: MiddlewareHandler<AppEnv> = async (c, next) => {
      const checkedOwner = await checkOwner(c);
      c.set("checkedWebhookOwner", checkedOwner);
      if (item) c.set("checkedWebhook", await checkWebhook(c, checkedOwner));
      await next();
    };
    return { middleware: [...guards, check] };
  };
  const served = { versions: owner.versions ?? ("all" as const), auth: owner.auth ?? { allow: "any" as const } };

  const build: Record<WebhookOperationKind, (texts: WebhookOperationTexts) => Operation<any>> = {
    create: (t) =>
      defineOperation({
        ...served,
        route: createRoute({
          method: "post",
          path: owner.path,
          ...texts("create", t),
          ...middleware("manage", false),
          request: { ...collectionParams, body: jsonBody(CreateWebhookInputSchema) },
          responses: { 201: jsonResponse("The created webhook", outputs.one), ...errorResponses(...collectionErrors, 409) },
        }),
        handler: async (c) => {
          const webhook = await createOwnedWebhook(c.var.deps, await ownerOf(c), c.req.valid("json"));
          return c.json(success(outputs.render(webhook, { revealSecret: true })), 201);
        },
      }),
    list: (t) =>
      defineOperation({
        ...served,
        route: createRoute({
          method: "get",
          path: owner.path,
          ...texts("list", t),
          ...middleware("read", false),
          request: { ...collectionParams, query: SkipTakeQuery },
          responses: { 200: jsonResponse(`${owner.whose} webhooks (never their secrets)`, outputs.many), ...errorResponses(...collectionErrors) },
        }),
        handler: async (c) => {
          const webhooks = await listOwnedWebhooks(c.var.deps, await ownerOf(c), c.req.valid("query"));
          return c.json(success(webhooks.map((webhook) => outputs.render(webhook))), 200);
        },
      }),
    deleteAll: (t) =>
      defineOperation({
        ...served,
        route: createRoute({
          method: "delete",
          path: owner.path,
          ...texts("deleteAll", t),
          ...middleware("manage", false),
          request: collectionParams,
          responses: { 200: jsonResponse("How many webhooks were deleted", DeleteManyWebhooksOutputResponseSchema), ...errorResponses(...collectionErrors) },
        }),
        handler: async (c) => c.json(success(await deleteAllOwnedWebhooks(c.var.deps, await ownerOf(c))), 200),
      }),
    get: (t) =>
      defineOperation({
        ...served,
        route: createRoute({
          method: "get",
          path: itemPath,
          ...texts("get", t),
          ...middleware("read", true),
          request: itemParams,
          responses: { 200: jsonResponse("The webhook (its secret is never returned)", outputs.one), ...errorResponses(404) },
        }),
        handler: async (c) => c.json(success(outputs.render(await webhookOf(c, await ownerOf(c)))), 200),
      }),
    update: (t) =>
      defineOperation({
        ...served,
        route: createRoute({
          method: "patch",
          path: itemPath,
          ...texts("update", t),
          ...middleware("manage", true),
          request: { ...itemParams, body: jsonBody(UpdateWebhookInputSchema) },
          responses: { 200: jsonResponse("The updated webhook", outputs.one), ...errorResponses(404, 409) },
        }),
        handler: async (c) => {
          const input = c.req.valid("json");
          const checkedOwner = await ownerOf(c);
          const webhook = await updateOwnedWebhook(c.var.deps, checkedOwner, await webhookOf(c, checkedOwner), input);
          return c.json(success(outputs.render(webhook, revealsSecret(input))), 200);
        },
      }),
    delete: (t) =>
      defineOperation({
        ...served,
        route: createRoute({
          method: "delete",
          path: itemPath,
          ...texts("delete", t),
          ...middleware("manage", true),
          request: itemParams,
          responses: { 200: jsonResponse("The deleted webhook", outputs.one), ...errorResponses(404) },
        }),
        handler: async (c) => c.json(success(outputs.render(await deleteOwnedWebhook(c.var.deps, await webhookOf(c, await ownerOf(c))))), 200),
      }),
  };

  const kinds = Object.keys(build) as WebhookOperationKind[];
  return kinds.flatMap((kind) => {
    const operationTexts = owner.operations[kind];
    return operationTexts ? [build[kind](operationTexts)] : [];
  });
}
