import autocannon from "autocannon";

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
}

/**
 * Closed-loop load from this machine: `connections` in flight for `seconds`. With `paths`, each connection asks
 * them in turn (on `url`'s host) instead of `url` itself.
 */
export async function load(
  name: string,
  url: string,
  options: { seconds?: number; connections?: number; headers?: Record<string, string>; method?: string; body?: string; paths?: string[] } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: (options.method ?? "GET") as "GET",
    headers: options.headers,
    body: options.body,
    requests: options.paths?.map((path) => ({ path })),
    connections: options.connections ?? 32,
    duration: options.seconds ?? 10,
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

export async function waitForHttp(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
