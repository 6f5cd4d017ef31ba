// scripts/patch-zod-locales.mjs (postinstall): zod's namespaces export English only, so the Worker's bundle no longer
// carries every language's messages; the messages the API answers with are zod's English ones, as before.
import * as z from "zod";
import * as mini from "zod/mini";
import { describe, expect, it } from "vitest";

describe("the zod locales patch", () => {
  it("leaves English as the only locale of each namespace", () => {
    expect(Object.keys(z.locales)).toEqual(["en"]);
    expect(Object.keys(z.core.locales)).toEqual(["en"]);
    expect(Object.keys(mini.locales)).toEqual(["en"]);
  });

  it("keeps zod's English messages as the default", () => {
    const result = z.object({ name: z.string() }).safeParse({ name: 1 });
    expect(result.error?.issues[0]?.message).toBe("Invalid input: expected string, received number");
  });
});
