// Conferencing operations (Cal.com's ConferencingService and OrganizationsConferencingService), for one owner: the
// caller (`/v2/conferencing…`) or an organization team (`/v2/organizations/{orgId}/teams/{teamId}/conferencing…`,
// behind the org-team guards with TEAM_ADMIN and the ESSENTIALS plan).
import type { Actor } from "../auth/principal";
import type { Credential } from "../generated/prisma/client";
import { requireOrgTeamAccess } from "../organizations/access";
import type { Deps } from "../services";
import { APP_LOCATION_INTEGRATION, CAL_VIDEO, type ConferencingApp, GOOGLE_MEET, isConferencingApp, isOAuthApp, type OAuthApp } from "./apps";
import {
  appNotConnected,
  couldNotSetDefault,
  invalidApp,
  invalidNonOAuthApp,
  invalidOAuthApp,
  invalidReturnTo,
  meetAlreadyConnected,
  meetNeedsGoogleCalendar,
  meetNeedsValidGoogleCalendar,
  missingState,
} from "./errors";
import { encodeOAuthKey } from "./key";
import { authorizeUrl, exchangeCode } from "./oauth";
import { errorTargetOf, issueState, verifyState } from "./oauth-state";
import {
  type ConferencingOwner,
  createAppCredential,
  type DefaultConferencingApp,
  deleteVideoCredential,
  findAppCredential,
  findGoogleCalendarCredential,
  listVideoCredentials,
  readDefaultApp,
  replaceAppCredential,
  writeDefaultApp,
} from "./store";

export interface OrgTeamIds {
  orgId: number;
  teamId: number;
}

/** The org-team guards of every Orgs / Teams / Conferencing route: TEAM_ADMIN of the team (or an org admin), ESSENTIALS. */
export async function orgTeamOwner(deps: Deps, actor: Actor, ids: OrgTeamIds): Promise<ConferencingOwner> {
  await requireOrgTeamAccess(deps, actor, ids, { role: "TEAM_ADMIN", plan: "ESSENTIALS" });
  return { kind: "team", teamId: ids.teamId };
}

export const userOwner = (actor: Actor): ConferencingOwner => ({ kind: "user", userId: actor.userId });

export function listConferencingApps(deps: Deps, owner: ConferencingOwner): Promise<Credential[]> {
  return listVideoCredentials(deps, owner);
}

/** POST …/{app}/connect: Google Meet only, riding on a valid Google Calendar connection of the same owner. */
export async function connectNonOAuthApp(deps: Deps, owner: ConferencingOwner, app: string): Promise<Credential> {
  if (app !== GOOGLE_MEET) throw invalidNonOAuthApp();
  const calendar = await findGoogleCalendarCredential(deps, owner);
  if (!calendar) throw meetNeedsGoogleCalendar();
  if (calendar.invalid) throw meetNeedsValidGoogleCalendar();
  if (await findAppCredential(deps, owner, GOOGLE_MEET)) throw meetAlreadyConnected(owner.kind);
  return createAppCredential(deps, owner, GOOGLE_MEET, {});
}

/** An http(s) URL, or undefined; anything else is a 400 (the callback redirects the browser there). */
export function redirectTarget(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return url.toString();
  } catch {}
  throw invalidReturnTo(name);
}

export const callbackUrl = (apiBase: string, app: string) => `${apiBase.replace(/\/+$/, "")}/v2/conferencing/${app}/oauth/callback`;

/** GET …/{app}/oauth/auth-url: the provider's authorize URL with a signed state naming the caller (and the team). */
export async function getOAuthUrl(
  deps: Deps,
  actor: Actor,
  input: { app: string; returnTo?: string; onErrorReturnTo?: string; origin?: string; apiBase: string; team?: OrgTeamIds },
): Promise<{ url: string }> {
  if (!isOAuthApp(input.app)) throw invalidOAuthApp();
  const origin = input.origin && /^https?:\/\//.test(input.origin) ? input.origin : undefined;
  const returnTo = redirectTarget("returnTo", input.returnTo) ?? origin;
  const onErrorReturnTo = redirectTarget("onErrorReturnTo", input.onErrorReturnTo) ?? origin;
  const state = await issueState(deps, {
    userId: actor.userId,
    ...(input.team ? { teamId: input.team.teamId, orgId: input.team.orgId } : {}),
    ...(returnTo ? { returnTo } : {}),
    ...(onErrorReturnTo ? { onErrorReturnTo } : {}),
  });
  return { url: authorizeUrl(deps, input.app, state, callbackUrl(input.apiBase, input.app)) };
}

/** What an OAuth provider's redirect back carries. */
export interface OAuthRedirectInput {
  state?: string;
  code?: string;
  error?: string;
  error_description?: string;
}

/**
 * An OAuth redirect back to us (conferencing apps, Stripe): where the browser is sent next. Cal.com's rule: every
 * failure (the provider's `error`, a refused code, a state we did not issue or issued for another `flow`, a caller no
 * longer allowed on the team) goes to `onErrorReturnTo`, success to `returnTo`; only a missing state is a 400.
 * `caller` is set on the org-team routes (authenticated): the state must then be the caller's and name the path's
 * team. `complete` exchanges the code and stores the owner's credential.
 */
export async function completeOAuthRedirect(
  deps: Deps,
  input: OAuthRedirectInput,
  options: { flow?: string; caller?: { actor: Actor; team: OrgTeamIds }; log: string },
  complete: (owner: ConferencingOwner, code: string) => Promise<void>,
): Promise<string> {
  if (!input.state) throw missingState();
  const fallback = deps.env.WEBSITE_URL;
  const state = await verifyState(deps, input.state);
  const onError = state?.onErrorReturnTo ?? (await errorTargetOf(deps, input.state)) ?? fallback;
  const { caller } = options;
  try {
    if (!state) throw new Error("state was not issued here or has expired");
    if (state.flow !== options.flow) throw new Error("state was issued for another flow");
    if (input.error) throw new Error(input.error_description ?? input.error);
    if (!input.code) throw new Error("missing code");
    if (caller && (state.userId !== caller.actor.userId || state.teamId !== caller.team.teamId || state.orgId !== caller.team.orgId)) {
      throw new Error("state belongs to another caller or team");
    }
    // The state's user must still be allowed on the team now (Cal.com re-runs the team route's guards).
    const owner: ConferencingOwner =
      state.teamId !== undefined && state.orgId !== undefined
        ? await orgTeamOwner(deps, caller?.actor ?? ({ strategy: "API_KEY", userId: state.userId, organizationId: null } satisfies Actor), {
            orgId: state.orgId,
            teamId: state.teamId,
          })
        : { kind: "user", userId: state.userId };
    if (owner.kind === "user" && !(await deps.db.user.findUnique({ where: { id: owner.userId }, select: { id: true } }))) {
      throw new Error("the state's user no longer exists");
    }
    await complete(owner, input.code);
    return state.returnTo ?? fallback;
  } catch (error) {
    deps.logger.warn(options.log, { reason: error instanceof Error ? error.message : String(error) });
    return onError;
  }
}

export interface CallbackInput extends OAuthRedirectInput {
  app: string;
  apiBase: string;
}

/** GET …/{app}/oauth/callback (Zoom, MS Teams): see completeOAuthRedirect. */
export function handleOAuthCallback(deps: Deps, input: CallbackInput, caller?: { actor: Actor; team: OrgTeamIds }): Promise<string> {
  return completeOAuthRedirect(deps, input, { caller, log: `conferencing oauth callback failed (${input.app})` }, async (owner, code) => {
    if (!isOAuthApp(input.app)) throw invalidOAuthApp();
    const key = await exchangeCode(deps, input.app, code, callbackUrl(input.apiBase, input.app));
    await replaceAppCredential(deps, owner, input.app, await encodeOAuthKey(deps, key));
  });
}

/** The owner's credential of an installed app, or Cal.com's 400s. */
async function connectedCredential(deps: Deps, owner: ConferencingOwner, app: string): Promise<{ app: ConferencingApp; credential: Credential }> {
  if (!isConferencingApp(app)) throw invalidApp();
  const credential = await findAppCredential(deps, owner, app);
  if (!credential) throw appNotConnected(app);
  return { app, credential };
}

/** POST …/{app}/default: Cal Video always; another app only when connected. */
export async function setDefaultApp(deps: Deps, owner: ConferencingOwner, app: string): Promise<void> {
  if (app !== CAL_VIDEO) await connectedCredential(deps, owner, app);
  const stored = (await writeDefaultApp(deps, owner, { appSlug: app })) as DefaultConferencingApp | undefined;
  if (stored?.appSlug !== app) throw couldNotSetDefault(app);
}

export function getDefaultApp(deps: Deps, owner: ConferencingOwner): Promise<DefaultConferencingApp | undefined> {
  return readDefaultApp(deps, owner);
}

/** DELETE …/{app}/disconnect: event types on the app fall back to Cal Video, a default naming it is cleared, the credential goes. */
export async function disconnectApp(deps: Deps, owner: ConferencingOwner, app: string): Promise<void> {
  const found = await connectedCredential(deps, owner, app);
  await deleteVideoCredential(deps, owner, found.credential, APP_LOCATION_INTEGRATION[found.app], found.app);
}

/** The public base of this API for OAuth redirect URIs: API_URL, else the request's own origin. */
export const apiBaseOf = (deps: Deps, requestUrl: string) => deps.env.API_URL ?? new URL(requestUrl).origin;
