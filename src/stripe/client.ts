// Stripe over plain fetch (form-encoded bodies, Bearer secret key, `Stripe-Account` for a connected account), against
// configurable bases (STRIPE_CONNECT_URL for OAuth, STRIPE_API_URL for the REST API), as Cal.com's `stripe` library
// calls them: oauth.token, accounts.retrieve.
import type { Deps } from "../services";
import { StripeApiError, stripeAppNotFound } from "./errors";

export interface StripePlatform {
  clientId: string;
  secretKey: string;
}

/** The platform's Connect client and secret key, or Cal.com's 404 "Stripe app not found". */
export function stripePlatform(deps: Deps): StripePlatform {
  const { STRIPE_CLIENT_ID: clientId, STRIPE_API_KEY: secretKey } = deps.env;
  if (!clientId || !secretKey) throw stripeAppNotFound();
  return { clientId, secretKey };
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/** Stripe's Connect authorize URL (Cal.com: scope read_write, response_type code, stripe_user[email|first_name]). */
export function connectAuthorizeUrl(deps: Deps, input: { state: string; redirectUri: string; email?: string; name?: string | null }): string {
  const params = new URLSearchParams({ client_id: stripePlatform(deps).clientId, scope: "read_write", response_type: "code" });
  if (input.email) params.set("stripe_user[email]", input.email);
  if (input.name) params.set("stripe_user[first_name]", input.name);
  params.set("redirect_uri", input.redirectUri);
  params.set("state", input.state);
  return `${trimSlash(deps.env.STRIPE_CONNECT_URL)}/oauth/authorize?${params}`;
}

type Json = Record<string, unknown>;

async function call(deps: Deps, url: string, init: RequestInit): Promise<Json> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(deps.env.STRIPE_TIMEOUT_MS) });
  } catch (error) {
    throw new StripeApiError(0, undefined, error instanceof Error ? error.message : String(error));
  }
  let body: Json = {};
  try {
    body = (await response.json()) as Json;
  } catch {}
  if (!response.ok) {
    // OAuth errors are `{error, error_description}`; API errors `{error: {code, message, type}}`.
    const error = body.error;
    const code =
      typeof error === "string" ? error : typeof error === "object" && error ? String((error as Json).code ?? (error as Json).type ?? "") : undefined;
    const message =
      typeof error === "object" && error
        ? String((error as Json).message ?? code)
        : String(body.error_description ?? code ?? `Stripe answered ${response.status}`);
    throw new StripeApiError(response.status, code || undefined, message);
  }
  return body;
}

/** A form body as Stripe reads it: nested objects as `a[b][c]=…`. */
export function formBody(values: Json, prefix = "", into = new URLSearchParams()): URLSearchParams {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    const key = prefix ? `${prefix}[${name}]` : name;
    if (typeof value === "object") formBody(value as Json, key, into);
    else into.set(key, String(value));
  }
  return into;
}

/** `POST /v1/<path>` (or GET without a body) with the platform key, on behalf of `account` when given. */
export function stripeApi(deps: Deps, method: "GET" | "POST", path: string, options: { body?: Json; account?: string; idempotencyKey?: string } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${stripePlatform(deps).secretKey}` };
  if (options.account) headers["Stripe-Account"] = options.account;
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  if (options.body) headers["Content-Type"] = "application/x-www-form-urlencoded";
  return call(deps, `${trimSlash(deps.env.STRIPE_API_URL)}/v1/${path}`, {
    method,
    headers,
    ...(options.body ? { body: formBody(options.body).toString() } : {}),
  });
}

/** Cal.com's `oauth.token({grant_type: "authorization_code", code})`: the connected account's tokens. */
export function exchangeConnectCode(deps: Deps, code: string): Promise<Json> {
  return call(deps, `${trimSlash(deps.env.STRIPE_CONNECT_URL)}/oauth/token`, {
    method: "POST",
    headers: { Authorization: `Bearer ${stripePlatform(deps).secretKey}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code }).toString(),
  });
}

/** Cal.com's `accounts.retrieve(id)`. */
export function retrieveAccount(deps: Deps, accountId: string): Promise<Json> {
  return stripeApi(deps, "GET", `accounts/${encodeURIComponent(accountId)}`);
}
