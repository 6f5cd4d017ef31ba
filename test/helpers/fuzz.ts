// Runs the contract fuzzer (test/support/contract-fuzz.ts) over one shard of the registered operations: each
// operation gets a fresh tenant (an API-key refresh or a DELETE /v2/me cannot disarm the next one) with a schedule
// and an event type whose ids the plausible requests use. An answer ≥ 500, or a 4xx outside Cal.com's error
// envelope, is a failure, reported with the request that replays it (seed, operation, index).
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { operations } from "../../routes/index";
import type { Operation } from "../../src/operation";
import { fuzzRequests } from "../support/contract-fuzz";
import { Random } from "../support/property";
import { api } from "./api";
import { createEventType, createSchedule, createTenant } from "./fixtures";

const bindings = env as unknown as { FUZZ_PER_OPERATION?: string; FUZZ_SEED?: string };
/** Requests per operation: 6 in CI (about 1 600 in all); FUZZ_PER_OPERATION raises it for a long run (npm run fuzz). */
const PER_OPERATION = Number(bindings.FUZZ_PER_OPERATION ?? 6);
const SEED = Number(bindings.FUZZ_SEED ?? 20261206);
export const FUZZ_SHARDS = 4;

const versionOf = (operation: Operation) => (operation.versions === "all" ? undefined : operation.versions[0]);

function isEnvelope(body: unknown): boolean {
  const error = (body as { status?: unknown; error?: { code?: unknown; message?: unknown } } | null) ?? {};
  return error.status === "error" && typeof error.error?.code === "string" && typeof error.error?.message === "string";
}

export function fuzzShard(shard: number) {
  operations.forEach((operation, index) => {
    if (index % FUZZ_SHARDS !== shard) return;
    const method = operation.route.method.toUpperCase();
    const label = `${method} ${operation.route.path}${operation.versions === "all" ? "" : ` (${operation.versions[0]})`}`;
    it(label, async () => {
      const tenant = await createTenant();
      const scheduleId = (await createSchedule(tenant)).id;
      const eventType = await createEventType(tenant);
      const ids = { eventTypeId: eventType.id, scheduleId, userId: tenant.userId, eventSlug: eventType.slug, username: tenant.username };
      const random = new Random(SEED + index * 7919);
      const requests = fuzzRequests({ method, path: operation.route.path, version: versionOf(operation) }, random, ids, PER_OPERATION);
      const failures: string[] = [];
      for (const [n, request] of requests.entries()) {
        const res = await api(request.path, {
          method: request.method,
          version: request.version,
          key: request.authenticated ? tenant.apiKey : undefined,
          ...(request.rawBody !== undefined
            ? { rawBody: request.rawBody, headers: { "content-type": "application/json" } }
            : request.body !== undefined
              ? { body: request.body }
              : {}),
        });
        const broken = res.status >= 500 || (res.status >= 400 && !isEnvelope(res.body));
        if (broken)
          failures.push(
            `#${n} ${request.method} ${request.path.slice(0, 300)} body=${JSON.stringify(request.body ?? request.rawBody)?.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`,
          );
      }
      expect(failures, `seed ${SEED}, operation index ${index}`).toEqual([]);
    });
  });
}
