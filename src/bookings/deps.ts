import type { Context } from "hono";
import type { AppEnv } from "../context";
import type { Principal } from "../auth/principal";
import type { Db } from "../services/db";
import type { Logger } from "../services/logger";
import { enqueueWebhookEvent, type WebhookEvent } from "../webhooks/producer";

/**
 * What the booking services need from the request, independent of the wire format: the database (reads over
 * HTTP, interactive transactions on the request's WebSocket session), settings, and a way to publish webhook
 * events once a change has committed. Routes of every API version build it with `bookingDeps(c)`.
 */
export interface BookingDeps {
  db: Db;
  txDb: Db;
  websiteUrl: string;
  logger: Logger;
  /** Publishes lifecycle events; call only after the change they describe has committed. */
  emit(events: readonly WebhookEvent[]): Promise<void>;
  now(): number;
}

/** Who is calling: the authenticated user, or undefined for an anonymous caller (Cal.com's optional auth). */
export type Actor = Pick<Principal, "userId" | "organizationId" | "strategy" | "oAuthClientId"> | undefined;

export function bookingDeps(c: Context<AppEnv>): BookingDeps {
  const { deps: services, env } = c.var;
  return {
    // Getters: the WebSocket session (and its Prisma client) is built only by the operations that use it.
    get db() {
      return services.db;
    },
    get txDb() {
      return services.txDb;
    },
    websiteUrl: env.WEBSITE_URL,
    logger: services.logger,
    async emit(events) {
      if (events.length === 0) return;
      // Delivery work (a subscriber lookup and a queue send per event) runs after the response is sent.
      const sending = Promise.all(events.map((event) => enqueueWebhookEvent(services, event))).then(() => undefined);
      try {
        c.executionCtx.waitUntil(sending);
      } catch {
        await sending; // no execution context (scripts calling app.request)
      }
    },
    now: () => Date.now(),
  };
}

export const actorOf = (c: Context<AppEnv>): Actor => c.var.principal;
