import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A response body already serialised to JSON (kept or cached as text), tagged with the type it came from. */
export type JsonText<T> = string & { readonly __serialisedFrom?: T };

export const toJsonText = <T>(value: T): JsonText<T> => JSON.stringify(value) as JsonText<T>;

/** Sends JSON text as `c.json` would send its value, typed as that value for the route's contract. */
export function respondWithJsonText<T, S extends ContentfulStatusCode>(c: Context, text: JsonText<T>, status: S): TypedResponse<T, S, "json"> {
  return c.body(text, status, { "content-type": "application/json" }) as unknown as TypedResponse<T, S, "json">;
}
