import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/context";
import { resolveApiVersion, VERSION_HEADER } from "../versions/registry";

// Routing already dispatched on the same resolution (versions/registry.ts); handlers read it from here.
export const apiVersion: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("apiVersion", resolveApiVersion(c.req.header(VERSION_HEADER)));
  await next();
};
