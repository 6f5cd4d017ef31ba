// Who may use which verified resources: the caller's own (ApiAuthGuard), a team's (RolesGuard TEAM_ADMIN, as every
// team route: src/teams/access.ts) or an org team's (the org/team guard chain: src/organizations/access.ts).
import type { Actor } from "../auth/principal";
import { requireOrgTeamAccess } from "../organizations/access";
import type { Deps } from "../services";
import { requireTeamRole } from "../teams/access";
import type { Owner } from "./store";

export type Scope = { kind: "user" } | { kind: "team"; teamId: number } | { kind: "orgTeam"; orgId: number; teamId: number };

/**
 * The owner the caller acts for in `scope`, after the scope's guards. Org-team routes need the ESSENTIALS platform
 * plan, except the phone-code request (Cal.com's controller has no @PlatformPlan there).
 */
export async function ownerInScope(deps: Deps, actor: Actor, scope: Scope, options: { planExempt?: boolean } = {}): Promise<Owner> {
  switch (scope.kind) {
    case "user":
      return { userId: actor.userId, teamId: null };
    case "team":
      await requireTeamRole(deps, actor, scope.teamId, "TEAM_ADMIN");
      return { userId: actor.userId, teamId: scope.teamId };
    case "orgTeam":
      await requireOrgTeamAccess(deps, actor, scope, { role: "TEAM_ADMIN", ...(options.planExempt ? {} : { plan: "ESSENTIALS" as const }) });
      return { userId: actor.userId, teamId: scope.teamId };
  }
}
