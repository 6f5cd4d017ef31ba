import type { Db } from "../../src/services/db";

/**
 * A proxy over a Prisma client that records the name of every call made through it, so a test can hold a loader
 * to its round trips (`expect(calls).toEqual(["$queryRaw"])`).
 */
export function countingDb<T extends Db>(client: T): { proxy: T; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(client, {
    get(target, property) {
      // The client itself is the getters' `this`, so a model delegate's own reads (the routed client's `parts`)
      // are not counted as calls.
      const value = Reflect.get(target, property);
      if (typeof property === "string" && !property.startsWith("_") && property !== "then") calls.push(property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { proxy, calls };
}
