// Tenant isolation, part 2 of 2 (generated from routes/index.ts; the machinery is test/helpers/org-isolation.ts):
// org A's admin calls every `/v2/organizations/{orgId}…` operation with A's id and, one param at a time, a child
// id (team, user, membership, event type, link, schedule, webhook, OOO entry, booking, managed organization) of
// org B: 403 or 404, never a 2xx, none of B's data.
import { beforeAll, describe, it } from "vitest";
import { createIsolationTenant, foreignChildCases, type IsolationTenant, runIsolationCase } from "../../helpers/org-isolation";

let a: IsolationTenant;
let b: IsolationTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createIsolationTenant("a"), createIsolationTenant("b")]);
});

describe.each(foreignChildCases().map((testCase) => [testCase.name, testCase] as const))("%s", (_, testCase) => {
  it("org A's admin with org B's child id: 403 or 404, none of B's data", async () => {
    await runIsolationCase(testCase, a, b);
  });
});
