// Which errors answer 503 "database unavailable" (src/services/database-unavailable.ts) rather than a 500.
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../src/services/database-unavailable";

const prismaError = (code: string, message: string) => Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code });

describe("isDatabaseUnavailable", () => {
  it("a transaction whose session did not open within maxWait is the database being unavailable (CI: 500 before)", () => {
    expect(isDatabaseUnavailable(prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time."))).toBe(true);
  });

  it("other transaction API errors (a transaction that ran too long) stay errors", () => {
    expect(
      isDatabaseUnavailable(prismaError("P2028", "Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction.")),
    ).toBe(false);
  });

  it("the same words from something that is not the database are not a database outage", () => {
    expect(isDatabaseUnavailable(new Error("Unable to start a transaction in the given time"))).toBe(false);
  });
});
