// What a handler reads from the request besides its validated input: the request's deps and the caller.
import type { Context } from "hono";
import type { Actor } from "../auth/principal";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** The caller of an operation that requires credentials (middleware/authenticate has already verified them). */
export function actorOf(c: Context<AppEnv>): Actor {
  const principal = c.var.principal;
  // Unreachable behind the operation's auth policy; a 500 here means an operation is declared "public" by mistake.
  if (!principal) throw new ApiError("InternalServerErrorException", "authenticated operation reached without a caller");
  return principal;
}

/** The caller of an operation with optional auth (Cal.com's OptionalApiAuthGuard), or undefined. */
export const optionalActorOf = (c: Context<AppEnv>): Actor | undefined => c.var.principal;
