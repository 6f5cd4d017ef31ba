// Tenant isolation, part 1 of 2 (generated from routes/index.ts; the machinery is test/helpers/org-isolation.ts):
// org B's admin calls every authenticated `/v2/organizations/{orgId}…` operation with org A's id and A's own child
// ids, and gets 403 with none of A's data. Part 2 (org-isolation-children.test.ts) sends foreign child ids.
import { beforeAll, describe, expect, it } from "vitest";
import type { Operation } from "../../../src/operation";
import {
  createIsolationTenant,
  foreignAdminCases,
  type IsolationTenant,
  PUBLIC_ORG_OPERATIONS,
  publicOrgOperations,
  runIsolationCase,
  unmappedParams,
} from "../../helpers/org-isolation";

let a: IsolationTenant;
let b: IsolationTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createIsolationTenant("a"), createIsolationTenant("b")]);
});

it("every path param of every {orgId} operation is mapped to a real row", () => {
  expect(unmappedParams()).toEqual([]);
  // The check itself: a route with a param nobody mapped is reported.
  const widget = { route: { method: "get", path: "/v2/organizations/{orgId}/widgets/{widgetId}" } } as unknown as Operation;
  expect(unmappedParams([widget])).toEqual(["GET /v2/organizations/{orgId}/widgets/{widgetId}: {widgetId}"]);
});

it("the public {orgId} operations are the reviewed ones", () => {
  for (const operation of publicOrgOperations()) expect(PUBLIC_ORG_OPERATIONS, `${operation} is public: review it`).toContain(operation);
});

describe.each(foreignAdminCases().map((testCase) => [testCase.name, testCase] as const))("%s", (_, testCase) => {
  it("org B's admin on org A's ids: 403, none of A's data", async () => {
    await runIsolationCase(testCase, a, b);
  });
});
