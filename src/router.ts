import type { Params, Result, Router } from "hono/router";
import { TrieRouter } from "hono/router/trie-router";

/** How many parameterless paths are remembered at most; past it the memory starts again (unknown paths are unbounded). */
export const REMEMBERED_PATHS_LIMIT = 1024;

const hasNoParams = (params: Params) => {
  for (const _ in params) return false;
  return true;
};

/**
 * Hono's trie router, with its answer for each path without parameters remembered. Hono's default router tries
 * its RegExpRouter first, which cannot take this API's routes (a static segment beside a parameter, as
 * `/v2/schedules/default` and `/v2/schedules/:scheduleId`), so the trie serves every request anyway; it walks its
 * nodes and allocates the match each time, while most traffic repeats a few parameterless paths (`/v2/slots` from
 * booking widgets, `/v2/me`). A match with parameters is not remembered (ids make every path new). Hono only reads
 * a match, so one can serve many requests.
 */
export class RememberingTrieRouter<T> implements Router<T> {
  name = "RememberingTrieRouter";
  readonly #trie = new TrieRouter<T>();
  readonly #remembered = new Map<string, Map<string, Result<T>>>();
  #size = 0;

  add(method: string, path: string, handler: T): void {
    this.#trie.add(method, path, handler);
    this.#forget();
  }

  match(method: string, path: string): Result<T> {
    const known = this.#remembered.get(method)?.get(path);
    if (known) return known;
    const result = this.#trie.match(method, path) as [[T, Params][]];
    if (result[0].every(([, params]) => hasNoParams(params))) {
      if (this.#size >= REMEMBERED_PATHS_LIMIT) this.#forget();
      const byPath = this.#remembered.get(method) ?? new Map<string, Result<T>>();
      this.#remembered.set(method, byPath.set(path, result));
      this.#size++;
    }
    return result;
  }

  #forget() {
    this.#remembered.clear();
    this.#size = 0;
  }
}
