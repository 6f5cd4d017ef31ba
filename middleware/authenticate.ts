import type { MiddlewareHandler } from "hono";
import { authenticateRequest, type AuthPolicy } from "../src/auth/authenticate";
import type { AppEnv } from "../src/context";

// Per-route: each operation declares its policy, and registration puts this in front of its validators.
export const authenticate =
  (policy: AuthPolicy): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const principal = await authenticateRequest(c.var.deps, { headers: c.req.raw.headers, pathClientId: c.req.param("clientId") }, policy);
    if (principal) c.set("principal", principal);
    await next();
  };
