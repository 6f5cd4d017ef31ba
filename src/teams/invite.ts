import type { Actor } from "../auth/principal";
import type { Deps } from "../services";
import type { InviteData } from "./output";
import type { TeamIdInput } from "./schemas";
import { requireTeamScopeRole } from "./scope";
import { requireTeamAccess } from "./store";

// Team invite links (Cal.com's TeamService.createInvite, packages/features/ee/teams/services/teamService.ts): every
// call stores a new VerificationToken (identifier `invite-link-for-teamId-T`, 32 random bytes as hex, 7 days) and
// answers it with the link the web app redeems. No email is sent: this API has no email provider.

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
// Cal.com's OnboardingPathService.getGettingStartedPathWhenInvited.
const GETTING_STARTED_PATH = "/getting-started";

export const inviteIdentifier = (teamId: number) => `invite-link-for-teamId-${teamId}`;

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Cal.com's link: an organization or one of its teams signs up with the token and continues to getting-started;
 * a standalone team's link opens the teams page.
 */
export function inviteLink(websiteUrl: string, token: string, isOrgContext: boolean): string {
  const base = websiteUrl.replace(/\/$/, "");
  return isOrgContext ? `${base}/signup?token=${token}&callbackUrl=${GETTING_STARTED_PATH}` : `${base}/teams?token=${token}`;
}

/** TEAM_ADMIN (org admins pass on an org's team). Cal.com's invite route has no platform-plan requirement. */
export async function createTeamInvite(deps: Deps, actor: Actor, { teamId, orgId }: TeamIdInput): Promise<InviteData> {
  if (orgId === undefined) await requireTeamAccess(deps, actor, { teamId }, "TEAM_ADMIN");
  else await requireTeamScopeRole(deps, actor, { teamId, orgId }, "TEAM_ADMIN", { plan: null });
  const token = randomHex(32);
  const team = await deps.db.team.findUniqueOrThrow({ where: { id: teamId }, select: { parentId: true, isOrganization: true } });
  await deps.db.verificationToken.create({
    data: { identifier: inviteIdentifier(teamId), token, expires: new Date(deps.now() + INVITE_TTL_MS), teamId },
  });
  return { token, inviteLink: inviteLink(deps.env.WEBSITE_URL, token, team.parentId !== null || team.isOrganization) };
}
