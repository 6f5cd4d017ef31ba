import { describe, expect, it } from "vitest";
import { operations } from "../../routes";
import { operationTable } from "../../routes/table.generated";

// The Worker registers routes from the generated table and builds each operation on first use (src/operation.ts);
// the table must list exactly routes/index.ts's operations, in its order (routing order decides which path wins).
describe("routes/table.generated.ts (regenerate with `npm run routes:table`)", () => {
  it("has one entry per operation, in routes/index.ts's order", () => {
    expect(operationTable.map((entry) => `${entry.method} ${entry.path}`)).toEqual(operations.map((op) => `${op.route.method} ${op.route.path}`));
  });

  it("serves each operation's versions and loads that very operation", async () => {
    for (const [i, entry] of operationTable.entries()) {
      expect(entry.versions, `${entry.method} ${entry.path}`).toEqual(operations[i]!.versions);
      expect(await entry.load(), `${entry.method} ${entry.path}`).toBe(operations[i]);
    }
  });
});
