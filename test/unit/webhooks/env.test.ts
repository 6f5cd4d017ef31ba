import { describe, expect, it } from "vitest";
import { readEnv } from "../../../src/env";

const queue = { send: async () => {}, sendBatch: async () => {} };
const base = { DATABASE_URL: "postgres://x", WEBHOOK_QUEUE: queue };

describe("webhook settings", () => {
  it("requires the WEBHOOK_QUEUE producer binding", () => {
    const result = readEnv({ DATABASE_URL: "postgres://x" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join()).toContain("WEBHOOK_QUEUE (a Queue producer binding) is required");
  });

  it("has defaults: 10 s timeout, 600 s backoff cap, disable after 24 h, 30 days of log, loopback refused", () => {
    const result = readEnv({ ...base });
    expect(result.ok && result.env).toMatchObject({
      WEBHOOK_TIMEOUT_MS: 10_000,
      WEBHOOK_RETRY_MAX_DELAY_SECONDS: 600,
      WEBHOOK_DISABLE_AFTER_SECONDS: 86_400,
      WEBHOOK_DELIVERY_RETENTION_DAYS: 30,
      WEBHOOK_DEAD_LETTER_QUEUE: "cal-webhooks-dlq",
      WEBHOOK_ALLOW_LOOPBACK: false,
    });
  });

  it("allows loopback by default in development only; an explicit false still refuses it there", () => {
    const development = readEnv({ ...base, ENVIRONMENT: "development" });
    expect(development.ok && development.env.WEBHOOK_ALLOW_LOOPBACK).toBe(true);
    const optedOut = readEnv({ ...base, ENVIRONMENT: "development", WEBHOOK_ALLOW_LOOPBACK: "false" });
    expect(optedOut.ok && optedOut.env.WEBHOOK_ALLOW_LOOPBACK).toBe(false);
    for (const ENVIRONMENT of ["test", "production"]) {
      const result = readEnv({ ...base, ENVIRONMENT });
      expect(result.ok && result.env.WEBHOOK_ALLOW_LOOPBACK).toBe(false);
    }
  });

  it("refuses WEBHOOK_ALLOW_LOOPBACK outside test and development", () => {
    const production = readEnv({ ...base, WEBHOOK_ALLOW_LOOPBACK: "true" });
    expect(production.ok).toBe(false);
    expect(!production.ok && production.problems.join()).toContain("WEBHOOK_ALLOW_LOOPBACK is refused unless ENVIRONMENT is test or development");
    for (const ENVIRONMENT of ["test", "development"]) {
      const allowed = readEnv({ ...base, ENVIRONMENT, WEBHOOK_ALLOW_LOOPBACK: true });
      expect(allowed.ok && allowed.env.WEBHOOK_ALLOW_LOOPBACK).toBe(true);
    }
  });
});
