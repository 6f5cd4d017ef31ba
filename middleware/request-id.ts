import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../src/context";

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// Accepts the caller's X-Request-Id when it is a sane token, otherwise mints a uuid; echoed on every response.
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const id = incoming && ACCEPTABLE_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", id);
  c.header("X-Request-Id", id);
  await next();
  c.res.headers.set("X-Request-Id", id);
};
