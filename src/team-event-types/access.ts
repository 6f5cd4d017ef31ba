import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { TeamIdParams } from "../http/common";
import { actorOf } from "../http/context";
import { requireTeamRole, type TeamRoleRequirement } from "../teams/access";
import { validationError } from "../validation";

/**
 * Cal.com's RolesGuard as route middleware, for routes whose checks run before input validation (the team
 * event-type webhooks): the path's team and the caller's role there, through `requireTeamRole`.
 */
export const teamRoleGuard =
  (required: TeamRoleRequirement): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const params = TeamIdParams.safeParse({ teamId: c.req.param("teamId") });
    if (!params.success) throw validationError(params.error, "param");
    await requireTeamRole(c.var.deps, actorOf(c), params.data.teamId, required);
    await next();
  };
