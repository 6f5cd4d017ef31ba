import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createApp } from "../../src/app";
import { type ApiResult, type LooseBody, parseBody } from "./api";

const app = createApp();

/**
 * Sends a request through the real app with some bindings overridden, for behaviour that depends on
 * configuration (low rate limits, an unreachable Redis or database, a missing setting).
 */
export async function fetchWithEnv<T = LooseBody>(request: Request, overrides: Record<string, string | undefined>): Promise<ApiResult<T>> {
  const bindings: Record<string, unknown> = { ...(env as unknown as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete bindings[key];
    else bindings[key] = value;
  }
  const ctx = createExecutionContext();
  const response = await app.fetch(request, bindings, ctx);
  await waitOnExecutionContext(ctx);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseBody(text) as T, text };
}
