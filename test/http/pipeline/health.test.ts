import { describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { fetchWithEnv } from "../../helpers/app";

describe("GET /health", () => {
  it("200 when the database and Redis answer, without auth", async () => {
    const res = await api("/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "success", data: { database: "ok", redis: "ok" } });
  });

  it("503 naming the database when it does not answer", async () => {
    const res = await fetchWithEnv(new Request("http://api.test/health"), {
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/database_that_does_not_exist",
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("ServiceUnavailableException");
    expect(res.body.error.message).toBe("Unhealthy: database");
    expect(res.body.error.details).toMatchObject({ database: "error", redis: "ok" });
  });

  it("503 naming Redis when it does not answer", async () => {
    const res = await fetchWithEnv(new Request("http://api.test/health"), { UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9" });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe("Unhealthy: redis");
    expect(res.body.error.details).toMatchObject({ database: "ok", redis: "error" });
  });
});

describe("GET /health with HEALTH_MEMORY_STATS", () => {
  it("reports the isolate's in-memory caches against their bounds", async () => {
    const res = await fetchWithEnv(new Request("http://api.test/health"), { HEALTH_MEMORY_STATS: "true" });
    expect(res.status).toBe(200);
    const { memory } = res.body.data;
    expect(memory.slotAnswers).toMatchObject({ maxAnswers: 2000, maxChars: 16 * 1024 * 1024, maxHostVersions: 10_000 });
    expect(memory.slotAnswers.answers).toBeLessThanOrEqual(memory.slotAnswers.maxAnswers);
    expect(memory.slotAnswers.chars).toBeLessThanOrEqual(memory.slotAnswers.maxChars);
    expect(memory.rateLimitLeases.maxLeases).toBe(10_000);
    expect(memory.rateLimitLeases.leases).toBeGreaterThanOrEqual(0);
  });

  it("is refused when malformed", async () => {
    const res = await fetchWithEnv(new Request("http://api.test/health"), { HEALTH_MEMORY_STATS: "yes" });
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).toContain("HEALTH_MEMORY_STATS");
  });
});
