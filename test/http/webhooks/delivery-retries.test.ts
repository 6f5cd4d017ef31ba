// The delivery consumer driven message by message (createMessageBatch/getQueueResult), as Cloudflare Queues
// would call it on each attempt; the receiver is real. Delivery rows are inserted as the fan-out writes them,
// without a message on the real queue, so only the test drives these deliveries.
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import {
  createWebhookFor,
  DEAD_LETTER_QUEUE,
  deliverBody,
  insertDelivery,
  readDelivery,
  receivedRequests,
  receiverUrl,
  runQueue,
  uniqueName,
} from "../../helpers/webhooks";
import { createTenant, type Tenant, withDb } from "../../helpers/fixtures";

let tenant: Tenant;

beforeAll(async () => {
  tenant = await createTenant();
});

async function hookWithDelivery(behaviour: Record<string, string | number> = {}, options: { secret?: string } = {}) {
  const name = uniqueName();
  const webhook = await createWebhookFor(tenant, { subscriberUrl: receiverUrl(name, behaviour), ...options });
  const delivery = await insertDelivery(webhook.id);
  return { name, webhook, delivery };
}

describe("retries", () => {
  it("a receiver failing twice then succeeding: retried with 2 s then 4 s backoff, exactly one success after three attempts", async () => {
    const { name, webhook, delivery } = await hookWithDelivery({ failTimes: 2 });

    const first = await runQueue([{ body: deliverBody(delivery.id), attempts: 1 }]);
    expect(first.retries).toEqual([{ msgId: first.batch.messages[0]!.id, delaySeconds: 2 }]);
    expect(first.acked).toEqual([]);
    const afterFirst = await readDelivery(delivery.id);
    expect(afterFirst).toMatchObject({ status: "RETRYING", attempts: 1, lastResponseCode: 500, lastError: "HTTP 500" });
    expect(afterFirst.nextAttemptAt!.getTime() - afterFirst.lastAttemptAt!.getTime()).toBe(2_000);

    const second = await runQueue([{ body: deliverBody(delivery.id), attempts: 2 }]);
    expect(second.retries).toEqual([{ msgId: second.batch.messages[0]!.id, delaySeconds: 4 }]);

    const third = await runQueue([{ body: deliverBody(delivery.id), attempts: 3 }]);
    expect(third.acked).toEqual([third.batch.messages[0]!.id]);
    expect(third.retries).toEqual([]);

    const requests = await receivedRequests(name);
    expect(requests.map((r) => r.answeredWith)).toEqual([500, 500, 200]);
    // Same delivery id on every attempt (subscriber dedupe), attempt number counts up.
    expect(new Set(requests.map((r) => r.headers["x-cal-webhook-delivery-id"]))).toEqual(new Set([delivery.id]));
    expect(requests.map((r) => r.headers["x-cal-webhook-attempt"])).toEqual(["1", "2", "3"]);
    // And the same body, so the signature verifies the same way on each.
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);

    const log = await api(`/v2/webhooks/${webhook.id}/deliveries`, { key: tenant.apiKey });
    expect(log.body.data.deliveries).toHaveLength(1);
    expect(log.body.data.deliveries[0]).toMatchObject({ id: delivery.id, status: "delivered", attempts: 3, lastResponseCode: 200, lastError: null });
    expect(log.body.data.webhook).toMatchObject({ active: true, failingSince: null, disabledReason: null });
  });

  it("backoff doubles per attempt and is capped (WEBHOOK_RETRY_MAX_DELAY_SECONDS, 600 s by default)", async () => {
    const { delivery } = await hookWithDelivery({ alwaysFail: 1 });
    const seventh = await runQueue([{ body: deliverBody(delivery.id), attempts: 7 }]);
    expect(seventh.retries[0]!.delaySeconds).toBe(128);
    const tenth = await runQueue([{ body: deliverBody(delivery.id), attempts: 10 }]);
    expect(tenth.retries[0]!.delaySeconds).toBe(600);
  });

  it("an always-failing receiver ends in the dead-letter queue, whose consumer marks the delivery failed", async () => {
    const { name, webhook, delivery } = await hookWithDelivery({ alwaysFail: 1, status: 503 });
    for (const attempts of [1, 2, 3]) {
      const run = await runQueue([{ body: deliverBody(delivery.id), attempts }]);
      expect(run.retried).toHaveLength(1);
    }
    expect(await readDelivery(delivery.id)).toMatchObject({ status: "RETRYING", attempts: 3, lastResponseCode: 503 });

    // Out of retries: Queues moves the message to the dead-letter queue.
    const dead = await runQueue([{ body: deliverBody(delivery.id), attempts: 4 }], DEAD_LETTER_QUEUE);
    expect(dead.acked).toHaveLength(1);
    expect((await receivedRequests(name)).length).toBe(3);

    const log = await api(`/v2/webhooks/${webhook.id}/deliveries?status=failed`, { key: tenant.apiKey });
    expect(log.body.data.deliveries).toHaveLength(1);
    expect(log.body.data.deliveries[0]).toMatchObject({
      id: delivery.id,
      status: "failed",
      failureReason: "retries_exhausted",
      attempts: 3,
      lastResponseCode: 503,
      lastError: "HTTP 503",
      nextAttemptAt: null,
    });
    expect(log.body.data.deliveries[0].failedAt).not.toBeNull();
    // The failures started the webhook's failure clock (it is disabled only after 24 h of them).
    expect(log.body.data.webhook.failingSince).not.toBeNull();
    expect(log.body.data.webhook.active).toBe(true);
  });

  it("a timeout (10 s) counts as a failure and is retried", async () => {
    const { delivery } = await hookWithDelivery({ delayMs: 12_000 });
    const run = await runQueue([{ body: deliverBody(delivery.id), attempts: 1 }]);
    expect(run.retried).toHaveLength(1);
    const row = await readDelivery(delivery.id);
    expect(row).toMatchObject({ status: "RETRYING", lastResponseCode: null, lastError: "Timed out after 10000 ms" });
    expect(row.lastDurationMs).toBeGreaterThanOrEqual(9_900);
  });

  it("a redirect is not followed: it is a failure and the redirect target gets nothing", async () => {
    const target = uniqueName("target");
    const { delivery } = await hookWithDelivery({ redirect: receiverUrl(target) });
    const run = await runQueue([{ body: deliverBody(delivery.id), attempts: 1 }]);
    expect(run.retried).toHaveLength(1);
    expect(await readDelivery(delivery.id)).toMatchObject({ status: "RETRYING", lastResponseCode: 302, lastError: "HTTP 302 (redirects are not followed)" });
    expect(await receivedRequests(target)).toHaveLength(0);
  });
});

describe("a failure in the middle of a batch", () => {
  it("retries only the failing message; the ones before and after it are delivered once and acknowledged", async () => {
    const before = await hookWithDelivery();
    const failing = await hookWithDelivery({ alwaysFail: 1 });
    const after = await hookWithDelivery();
    const messages = [before, failing, after].map((hook, index) => ({ id: `mid-batch-${index}-${hook.name}`, body: deliverBody(hook.delivery.id) }));
    const run = await runQueue(messages);
    expect(run.retried).toEqual([messages[1]!.id]);
    expect([...run.acked].sort()).toEqual([messages[0]!.id, messages[2]!.id].sort());
    expect(await receivedRequests(before.name)).toHaveLength(1);
    expect(await receivedRequests(after.name)).toHaveLength(1);
    expect(await readDelivery(before.delivery.id)).toMatchObject({ status: "DELIVERED", attempts: 1 });
    expect(await readDelivery(failing.delivery.id)).toMatchObject({ status: "RETRYING", attempts: 1 });
  });
});

describe("idempotency: queues deliver at least once", () => {
  it("the same delivery message twice in one batch sends once", async () => {
    const { name, delivery } = await hookWithDelivery();
    const run = await runQueue([{ body: deliverBody(delivery.id) }, { body: deliverBody(delivery.id) }]);
    expect(await receivedRequests(name)).toHaveLength(1);
    expect(await readDelivery(delivery.id)).toMatchObject({ status: "DELIVERED", attempts: 1 });
    // The copy that lost the race is acknowledged if the delivery was already done when it looked, or comes
    // back after the lease if the other copy was still sending; then it is acknowledged without sending.
    expect(run.acked.length + run.retries.length).toBe(2);
    for (const retry of run.retries) {
      expect(retry.delaySeconds).toBeGreaterThan(10);
      const later = await runQueue([{ id: retry.msgId, body: deliverBody(delivery.id), attempts: 2 }]);
      expect(later.acked).toHaveLength(1);
    }
    expect(await receivedRequests(name)).toHaveLength(1);
  });

  it("a duplicate arriving after the delivery succeeded is acknowledged without sending", async () => {
    const { name, delivery } = await hookWithDelivery();
    await runQueue([{ body: deliverBody(delivery.id) }]);
    const again = await runQueue([{ body: deliverBody(delivery.id) }, { body: deliverBody(delivery.id), attempts: 3 }]);
    expect(again.acked).toHaveLength(2);
    expect(await receivedRequests(name)).toHaveLength(1);
  });

  it("a duplicate of an earlier attempt's message does not add an attempt", async () => {
    const { name, delivery } = await hookWithDelivery({ alwaysFail: 1 });
    await runQueue([{ body: deliverBody(delivery.id), attempts: 1 }]);
    // The first attempt's message, delivered again with the same attempt count.
    const duplicate = await runQueue([{ body: deliverBody(delivery.id), attempts: 1 }]);
    expect(duplicate.acked).toHaveLength(1);
    expect(await receivedRequests(name)).toHaveLength(1);
    expect(await readDelivery(delivery.id)).toMatchObject({ attempts: 1 });
  });

  it("a delivery being attempted by another invocation is not sent again (retried after the lease)", async () => {
    const { name, delivery } = await hookWithDelivery();
    await withDb((db) => db.webhookDelivery.update({ where: { id: delivery.id }, data: { leaseUntil: new Date(Date.now() + 20_000) } }));
    const run = await runQueue([{ body: deliverBody(delivery.id) }]);
    expect(run.retries).toHaveLength(1);
    expect(run.retries[0]!.delaySeconds).toBeGreaterThanOrEqual(20);
    expect(await receivedRequests(name)).toHaveLength(0);
  });

  it("messages for a deleted webhook, a stale redelivery round or with an unreadable body are dropped", async () => {
    const { name, webhook, delivery } = await hookWithDelivery();
    const stale = await runQueue([{ body: deliverBody(delivery.id, 5) }, { body: { kind: "deliver" } }, { body: "garbage" }]);
    expect(stale.acked).toHaveLength(3);
    await api(`/v2/webhooks/${webhook.id}`, { method: "DELETE", key: tenant.apiKey });
    const gone = await runQueue([{ body: deliverBody(delivery.id) }]);
    expect(gone.acked).toHaveLength(1);
    expect(await receivedRequests(name)).toHaveLength(0);
    expect(await withDb((db) => db.webhookDelivery.count({ where: { id: delivery.id } }))).toBe(0);
  });
});
