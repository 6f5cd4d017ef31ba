import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, it } from "vitest";
import { REMEMBERED_PATHS_LIMIT, RememberingTrieRouter } from "../../src/router";

const ROUTES: [string, string, string][] = [
  ["ALL", "*", "pipeline"],
  ["GET", "/@2024-09-04/v2/slots", "slots"],
  ["GET", "/@2024-06-11/v2/schedules/default", "default schedule"],
  ["GET", "/@2024-06-11/v2/schedules/:scheduleId", "schedule"],
  ["POST", "/@2024-06-11/v2/schedules", "create schedule"],
];

function routers() {
  const remembering = new RememberingTrieRouter<string>();
  const trie = new TrieRouter<string>();
  for (const [method, path, handler] of ROUTES) {
    remembering.add(method, path, handler);
    trie.add(method, path, handler);
  }
  return { remembering, trie };
}

const PROBES: [string, string][] = [
  ["GET", "/@2024-09-04/v2/slots"],
  ["GET", "/@2024-06-11/v2/schedules/default"],
  ["GET", "/@2024-06-11/v2/schedules/42"],
  ["POST", "/@2024-06-11/v2/schedules"],
  ["GET", "/@2024-06-11/v2/schedules"],
  ["GET", "/nowhere"],
];

describe("RememberingTrieRouter", () => {
  it("answers every path as Hono's trie router does, the first time and again", () => {
    const { remembering, trie } = routers();
    for (let round = 0; round < 2; round++) {
      for (const [method, path] of PROBES) expect(remembering.match(method, path), `${method} ${path}`).toEqual(trie.match(method, path));
    }
  });

  it("remembers a parameterless path's match and computes a match with parameters anew", () => {
    const { remembering } = routers();
    expect(remembering.match("GET", "/@2024-09-04/v2/slots")).toBe(remembering.match("GET", "/@2024-09-04/v2/slots"));
    // `/schedules/default` also matches `/schedules/:scheduleId` (Hono runs both, the static one first): not remembered.
    expect(remembering.match("GET", "/@2024-06-11/v2/schedules/default")).not.toBe(remembering.match("GET", "/@2024-06-11/v2/schedules/default"));
    const first = remembering.match("GET", "/@2024-06-11/v2/schedules/42");
    const second = remembering.match("GET", "/@2024-06-11/v2/schedules/7");
    expect(first).not.toBe(second);
    expect(second[0].map(([handler, params]) => [handler, { ...params }])).toEqual([
      ["pipeline", {}],
      ["schedule", { scheduleId: "7" }],
    ]);
  });

  it("keys on the method as well as the path", () => {
    const { remembering } = routers();
    expect(remembering.match("GET", "/@2024-06-11/v2/schedules")[0].map(([handler]) => handler)).toEqual(["pipeline"]);
    expect(remembering.match("POST", "/@2024-06-11/v2/schedules")[0].map(([handler]) => handler)).toEqual(["pipeline", "create schedule"]);
  });

  it("forgets what it remembered when a route is added", () => {
    const { remembering } = routers();
    expect(remembering.match("GET", "/@2024-09-04/v2/new")[0].map(([handler]) => handler)).toEqual(["pipeline"]);
    remembering.add("GET", "/@2024-09-04/v2/new", "new");
    expect(remembering.match("GET", "/@2024-09-04/v2/new")[0].map(([handler]) => handler)).toEqual(["pipeline", "new"]);
  });

  it("stays bounded when callers send endless unknown paths, and still answers correctly", () => {
    const { remembering, trie } = routers();
    const slots = remembering.match("GET", "/@2024-09-04/v2/slots");
    for (let i = 0; i < REMEMBERED_PATHS_LIMIT + 10; i++) remembering.match("GET", `/unknown/${i}`);
    // The memory started again past its limit: the slots match is computed anew, and equal.
    const again = remembering.match("GET", "/@2024-09-04/v2/slots");
    expect(again).not.toBe(slots);
    expect(again).toEqual(trie.match("GET", "/@2024-09-04/v2/slots"));
  });
});
