import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import type { z } from "zod";

export interface ApiCall {
  method?: string;
  body?: unknown;
  rawBody?: BodyInit;
  key?: string;
  version?: string;
  headers?: Record<string, string>;
}

/**
 * The body type of an untyped call. Test files read bodies freely (`res.body.data.id`) and let `expect` judge
 * them, so an untyped call stays loose; helpers name what they read (`api<{ data: X }>(…)`) or narrow with
 * `dataOf` / `expectSuccess` / `expectError` below, whose results are typed.
 */
// biome-ignore lint/suspicious/noExplicitAny: the one loose default, documented above.
export type LooseBody = any;

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Cal.com's success envelope. */
export interface SuccessBody<T> {
  status: "success";
  data: T;
}

/** Cal.com's error envelope (src/error-handler.ts). */
export interface ErrorBody {
  status: "error";
  timestamp?: string;
  path?: string;
  error: { code: string; message: string; details?: unknown };
}

/** Parses a response text as JSON, or keeps the text when it is not JSON (e.g. the Swagger UI page). */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// Calls the real Worker (its default export's fetch), through the whole request pipeline.
export async function api<T = LooseBody>(path: string, call: ApiCall = {}): Promise<ApiResult<T>> {
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
  return { status: response.status, headers: response.headers, body: parseBody(text) as T, text };
}

type Answer = Pick<ApiResult<unknown>, "status" | "body"> & { text?: string };

/** Asserts a success envelope with `status` (200 unless told) and returns it, typed. */
export function expectSuccess<T>(res: Answer, status = 200): SuccessBody<T> {
  expect(res.status, res.text).toBe(status);
  const body = res.body as SuccessBody<T>;
  expect(body.status, res.text).toBe("success");
  return body;
}

/**
 * The `data` of a success envelope with `status` (200 unless told), typed as `T`, or as the output of `schema`
 * when one is given (e.g. a route's zod output schema: the data is then also validated by it).
 */
export function dataOf<T>(res: Answer, status?: number): T;
export function dataOf<S extends z.ZodType>(res: Answer, status: number | undefined, schema: S): z.output<S>;
export function dataOf(res: Answer, status = 200, schema?: z.ZodType): unknown {
  const { data } = expectSuccess<unknown>(res, status);
  return schema ? schema.parse(data) : data;
}

/** Asserts Cal.com's error envelope with `status` (and `code` when given) and returns it, typed. */
export function expectError(res: Answer, status: number, code?: string): ErrorBody {
  expect(res.status, res.text).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.status, res.text).toBe("error");
  expect(typeof body.error?.message, res.text).toBe("string");
  if (code !== undefined) expect(body.error.code, res.text).toBe(code);
  return body;
}
