// emitWebhookEvents: publishing a committed change's events never holds the response.
import { describe, expect, it, vi } from "vitest";
import type { Deps } from "../../../src/services";
import { emitWebhookEvents } from "../../../src/webhooks/producer";

function fakeDeps() {
  const deferred: Promise<unknown>[] = [];
  const send = vi.fn(async (_message: { trigger: string }) => {});
  const deps = {
    db: { webhook: { findFirst: vi.fn(async () => ({ id: "subscriber" })) } },
    webhookQueue: { send },
    logger: { warn: vi.fn(), error: vi.fn() },
    afterResponse: (work: Promise<unknown>) => void deferred.push(work),
  } as unknown as Deps;
  return { deps, deferred, send };
}

const event = { trigger: "BOOKING_CREATED" as const, payload: { uid: "b1" }, userId: 7 };

describe("emitWebhookEvents", () => {
  it("does nothing for no events", async () => {
    const { deps, deferred, send } = fakeDeps();
    await emitWebhookEvents(deps, []);
    expect(deferred).toHaveLength(0);
    expect(send).not.toHaveBeenCalled();
  });

  it("hands the sends to afterResponse, one queue message per event", async () => {
    const { deps, deferred, send } = fakeDeps();
    await emitWebhookEvents(deps, [event, { ...event, trigger: "BOOKING_CANCELLED" }]);
    expect(deferred).toHaveLength(1);
    await Promise.all(deferred);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls.map(([message]) => message.trigger)).toEqual(["BOOKING_CREATED", "BOOKING_CANCELLED"]);
  });
});
