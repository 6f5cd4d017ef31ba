import type { MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";
import type { AppEnv } from "../src/context";
import { ApiError } from "../src/errors";

export const bodyLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
  const maxSize = c.var.env.MAX_BODY_BYTES;
  return honoBodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError("PayloadTooLargeException", `Request body is larger than ${maxSize} bytes`);
    },
  })(c, next);
};
