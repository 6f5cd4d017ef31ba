import { exports } from "cloudflare:workers";

export interface ApiCall {
  method?: string;
  body?: unknown;
  rawBody?: BodyInit;
  key?: string;
  version?: string;
  headers?: Record<string, string>;
}

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

// Calls the real Worker (its default export's fetch), through the whole request pipeline.
export async function api<T = any>(path: string, call: ApiCall = {}): Promise<ApiResult<T>> {
  const headers = new Headers(call.headers);
  if (call.key) headers.set("authorization", `Bearer ${call.key}`);
  if (call.version) headers.set("cal-api-version", call.version);
  let body: BodyInit | undefined = call.rawBody;
  if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const response = await exports.default.fetch(new Request(`http://api.test${path}`, { method: call.method ?? (body ? "POST" : "GET"), headers, body }));
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (e.g. the Swagger UI page)
  }
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}
