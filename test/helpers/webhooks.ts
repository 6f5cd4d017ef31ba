import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";
import { createLogger } from "../../src/services/logger";
import type { WebhookProducerServices } from "../../src/webhooks/producer";
import type { WebhookQueueMessage } from "../../src/webhooks/messages";
import type { ReceivedRequest } from "../support/webhook-receiver";
import { expect } from "vitest";
import { api, type ApiCall, type ApiResult, expectError, type LooseBody } from "./api";
import { contractProblems } from "./contract";
import {
  createEventType,
  createOAuthClient,
  createPlatformOrganization,
  createTenant,
  type CreatedClient,
  type PlatformOrganization,
  type Tenant,
  testDb,
  unique,
  withDb,
} from "./fixtures";

const bindings = env as unknown as Record<string, unknown> & { TEST_WEBHOOK_RECEIVER_URL: string; WEBHOOK_QUEUE: Queue<WebhookQueueMessage> };

export const QUEUE = "cal-webhooks";
export const DEAD_LETTER_QUEUE = "cal-webhooks-dlq";

export const uniqueName = (prefix = "hook") => unique(prefix);

/** A URL on the local receiver; `behaviour` becomes its query (failTimes, alwaysFail, status, delayMs, redirect). */
export function receiverUrl(name: string, behaviour: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(behaviour).map(([key, value]) => [key, String(value)])).toString();
  return `${bindings.TEST_WEBHOOK_RECEIVER_URL}/hooks/${name}${query ? `?${query}` : ""}`;
}

export async function receivedRequests(name: string): Promise<ReceivedRequest[]> {
  const response = await fetch(`${bindings.TEST_WEBHOOK_RECEIVER_URL}/hooks/${name}/received`);
  return ((await response.json()) as { requests: ReceivedRequest[] }).requests;
}

/** Polls the receiver until `count` requests arrived (the real queue consumer delivers in the background). */
export async function waitForRequests(name: string, count: number, timeoutMs = 15_000): Promise<ReceivedRequest[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const requests = await receivedRequests(name);
    if (requests.length >= count || Date.now() > deadline) return requests;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What a caller of the producer passes: the real database and the real queue producer binding. */
export function producerServices(): WebhookProducerServices & { dispose(): Promise<void> } {
  const db = testDb();
  return { db, webhookQueue: bindings.WEBHOOK_QUEUE, logger: createLogger({ requestId: "test" }), dispose: () => db.$disconnect() };
}

export interface QueuedMessage {
  id?: string;
  attempts?: number;
  body: WebhookQueueMessage | unknown;
}

/**
 * Runs the Worker's queue handler on a batch, as Cloudflare Queues would, and returns what it acked/retried.
 * getQueueResult() does not report the options given to message.retry(), so `retries` records them.
 */
export async function runQueue(messages: QueuedMessage[], queue = QUEUE) {
  const batch = createMessageBatch(
    queue,
    messages.map((message, index) => ({
      id: message.id ?? `msg-${uniqueName()}-${index}`,
      timestamp: new Date(),
      attempts: message.attempts ?? 1,
      body: message.body,
    })),
  );
  const retries: Array<{ msgId: string; delaySeconds: number | undefined }> = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    Object.defineProperty(message, "retry", {
      value: (options?: QueueRetryOptions) => {
        retries.push({ msgId: message.id, delaySeconds: options?.delaySeconds });
        retry(options);
      },
    });
  }
  const ctx = createExecutionContext();
  await worker.queue!(batch, bindings as Parameters<NonNullable<typeof worker.queue>>[1], ctx);
  const result = await getQueueResult(batch, ctx);
  return { batch, result, retries, acked: result.explicitAcks, retried: result.retryMessages.map((m) => m.msgId) };
}

export const deliverBody = (deliveryId: string, round = 0): WebhookQueueMessage => ({ kind: "deliver", deliveryId, round });

export interface WebhookOptions {
  subscriberUrl: string;
  triggers?: string[];
  active?: boolean;
  secret?: string;
  payloadTemplate?: string;
}

/** Creates a user webhook through the API and returns its output (with the secret, shown at creation). */
export interface CreatedWebhook {
  id: string;
  userId: number;
  subscriberUrl: string;
  secret?: string;
  active: boolean;
  triggers: string[];
}

export async function createWebhookFor(tenant: Tenant, options: WebhookOptions): Promise<CreatedWebhook> {
  const res = await api<{ data: CreatedWebhook }>("/v2/webhooks", {
    key: tenant.apiKey,
    body: { active: true, triggers: ["BOOKING_CREATED"], ...options },
  });
  if (res.status !== 201) throw new Error(`webhook creation failed: ${res.status} ${res.text}`);
  return res.body.data;
}

/** A delivery row as the fan-out writes it, without queueing a message (the test then drives the consumer itself). */
export function insertDelivery(webhookId: string, payload: Record<string, unknown> = { title: "Intro call", uid: "booking-1" }) {
  const createdAt = new Date().toISOString();
  return withDb((db) =>
    db.webhookDelivery.create({
      data: {
        webhookId,
        eventId: crypto.randomUUID(),
        triggerEvent: "BOOKING_CREATED",
        event: { triggerEvent: "BOOKING_CREATED", createdAt, payload } as object,
      },
    }),
  );
}

export function readDelivery(deliveryId: string) {
  return withDb((db) => db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } }));
}

/** Independent HMAC-SHA256 (hex) for checking signatures. */
export async function hmacHex(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
  return [...signature].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Cal.com's published schema types the webhook `id` as a number, `triggers` items as objects and
// `payloadTemplate` as a non-null string, while Cal.com (see its e2e tests: `id: expect.any(String)`) returns the
// uuid string, the trigger names and `payloadTemplate: null` when there is no template, as we do.
const CONTRACT_DOC_ERRATA = [
  /^body\.data(\[\d+\])?\.id: expected number, got string$/,
  /^body\.data(\[\d+\])?\.triggers\[\d+\]: expected object$/,
  /^body\.data(\[\d+\])?\.payloadTemplate: null is not allowed$/,
];

export function webhookContractProblems(operationId: string, status: number, body: unknown): string[] {
  return contractProblems(operationId, status, body).filter((problem) => !CONTRACT_DOC_ERRATA.some((erratum) => erratum.test(problem)));
}

// Event-type and OAuth-client webhooks share one implementation with user webhooks; these fixtures let one
// test run against each owner.

export interface WebhookScope {
  kind: "eventType" | "oAuthClient";
  label: string;
  /** POST/GET/DELETE-all here; one webhook at `${collectionPath}/${id}`. */
  collectionPath: string;
  /** The owner's credentials. */
  auth: Pick<ApiCall, "key" | "headers">;
  /** The owner's id as every output carries it, e.g. {eventTypeId: 7}. */
  ownerField: Record<string, number | string>;
  operationIds: { create: string; list: string; get: string; update: string; delete: string; deleteAll: string };
  conflictMessage: string;
}

/** A call on a scope's webhooks with its owner's credentials; `suffix` is "" or "/<webhookId>". */
export function scopeApi<T = LooseBody>(scope: WebhookScope, suffix = "", call: ApiCall = {}): Promise<ApiResult<T>> {
  return api<T>(`${scope.collectionPath}${suffix}`, { ...scope.auth, ...call, headers: { ...scope.auth.headers, ...call.headers } });
}

export async function eventTypeWebhookScope(owner?: Tenant): Promise<WebhookScope & { tenant: Tenant; eventTypeId: number }> {
  const tenant = owner ?? (await createTenant());
  const { id: eventTypeId } = await createEventType(tenant, { title: "Webhook target" });
  return {
    kind: "eventType",
    label: "event type",
    tenant,
    eventTypeId,
    collectionPath: `/v2/event-types/${eventTypeId}/webhooks`,
    auth: { key: tenant.apiKey },
    ownerField: { eventTypeId },
    operationIds: {
      create: "EventTypeWebhooksController_createEventTypeWebhook",
      list: "EventTypeWebhooksController_getEventTypeWebhooks",
      get: "EventTypeWebhooksController_getEventTypeWebhook",
      update: "EventTypeWebhooksController_updateEventTypeWebhook",
      delete: "EventTypeWebhooksController_deleteEventTypeWebhook",
      deleteAll: "EventTypeWebhooksController_deleteAllEventTypeWebhooks",
    },
    conflictMessage: "Webhook with this subscriber url already exists for this event type",
  };
}

/** An OAuth client's webhooks, called with the client's own credentials or its organization owner's API key. */
export async function oAuthClientWebhookScope(
  via: "client credentials" | "owner's API key",
  organization?: PlatformOrganization,
): Promise<WebhookScope & { org: PlatformOrganization; client: CreatedClient }> {
  const org = organization ?? (await createPlatformOrganization());
  const client = await createOAuthClient(org.owner.apiKey);
  return {
    kind: "oAuthClient",
    label: `OAuth client (${via})`,
    org,
    client,
    collectionPath: `/v2/oauth-clients/${client.clientId}/webhooks`,
    auth: via === "client credentials" ? { headers: { "x-cal-secret-key": client.secret } } : { key: org.owner.apiKey },
    ownerField: { oAuthClientId: client.clientId },
    operationIds: {
      create: "OAuthClientWebhooksController_createOAuthClientWebhook",
      list: "OAuthClientWebhooksController_getOAuthClientWebhooks",
      get: "OAuthClientWebhooksController_getOAuthClientWebhook",
      update: "OAuthClientWebhooksController_updateOAuthClientWebhook",
      delete: "OAuthClientWebhooksController_deleteOAuthClientWebhook",
      deleteAll: "OAuthClientWebhooksController_deleteAllOAuthClientWebhooks",
    },
    conflictMessage: "Webhook with this subscriber url already exists for this oAuth client",
  };
}

export type ScopeFactory = () => Promise<WebhookScope>;

export const SCOPE_FACTORIES: Array<[string, ScopeFactory]> = [
  ["event type", () => eventTypeWebhookScope()],
  ["OAuth client (client credentials)", () => oAuthClientWebhookScope("client credentials")],
  ["OAuth client (owner's API key)", () => oAuthClientWebhookScope("owner's API key")],
];

/** A body POST /v2/webhooks (any owner) accepts, with a fresh subscriber URL. */
export const validWebhookBody = () => ({ subscriberUrl: `https://example.com/ok/${uniqueName()}`, triggers: ["BOOKING_CREATED"], active: true });

/** Cal.com's 400 envelope, its message naming `field`. */
export function expectBadRequest(res: Pick<ApiResult, "status" | "body">, field: string) {
  expect(expectError(res, 400, "BadRequestException").error.message).toContain(field);
}
