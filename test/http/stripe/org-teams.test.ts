// Orgs / Teams / Stripe: a team's Stripe account behind the org-team guards (TEAM_ADMIN of the team or an org admin),
// connected through the same round trip as a user's (Stripe redirects to /v2/stripe/save) and stored on the team.
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../helpers/api";
import { getNoFollow, stateOf } from "../../helpers/conferencing";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, createOrgTeamWithRoles, type OrgMember, unique, withDb } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { connectStripe, FAILED, OK, stripeConnectUrl, stripeCredentialsOf, stripeSave } from "../../helpers/stripe";

let orgId: number;
let teamId: number;
let owner: OrgMember;
let teamAdmin: OrgMember;
let member: OrgMember;
let prefix: string;

beforeAll(async () => {
  ({ orgId, teamId, owner, teamAdmin, member } = await createOrgTeamWithRoles());
  prefix = `/v2/organizations/${orgId}/teams/${teamId}/stripe`;
});

describe("credentials and guards", () => {
  itRejectsMissingAndInvalidCredentials(() => ({ path: `${prefix}/check` }));

  it("a team MEMBER is refused on connect, check and save (TEAM_ADMIN); a team admin and the org owner pass", async () => {
    for (const path of [`${prefix}/connect`, `${prefix}/check`, `${prefix}/save?state=x&code=y`]) {
      const refused = await api(path, { key: member.apiKey });
      expect(expectError(refused, 403).error.message).toMatch(/^RolesGuard - user with id=\d+ does not have the minimum required role=TEAM_ADMIN/);
    }
    expect((await api(`${prefix}/connect`, { key: teamAdmin.apiKey })).status).toBe(200);
    expect((await api(`${prefix}/connect`, { key: owner.apiKey })).status).toBe(200);
  });
});

describe("a team's Stripe account", () => {
  it("connect names the team; Stripe's redirect to /v2/stripe/save stores the account on the team; check passes", async () => {
    const res = await api(`${prefix}/connect?returnTo=${OK}&onErrorReturnTo=${FAILED}`, { key: teamAdmin.apiKey });
    expect(contractProblems("OrganizationsStripeController_getTeamStripeConnectUrl", 200, res.body)).toEqual([]);
    expect(new URL(res.body.data.authUrl).searchParams.get("redirect_uri")).toBe("http://api.test/v2/stripe/save");
    expect(expectError(await api(`${prefix}/check`, { key: teamAdmin.apiKey }), 404).error.message).toBe("Credentials for stripe not found.");

    await connectStripe(teamAdmin.apiKey, unique("team"), prefix);
    const [credential] = await stripeCredentialsOf({ teamId });
    expect(credential).toMatchObject({ type: "stripe_payment", appId: "stripe", teamId, userId: null });
    expect(await stripeCredentialsOf({ userId: teamAdmin.userId })).toEqual([]);

    const check = await api(`${prefix}/check`, { key: owner.apiKey });
    expect(check.body).toEqual({ status: "success" });
    expect(contractProblems("OrganizationsStripeController_checkTeamStripeConnection", 200, check.body)).toEqual([]);
  });

  it("the team's own save route takes a state issued to the caller for that team, and nothing else", async () => {
    const state = stateOf(await stripeConnectUrl(teamAdmin.apiKey, prefix));
    const code = unique("teamsave");
    const saved = await getNoFollow(`${prefix}/save?${new URLSearchParams({ state, code })}`, teamAdmin.apiKey);
    expect(saved.status).toBe(301);
    expect(saved.headers.get("location")).toBe(OK);

    // The org owner presenting the team admin's state, and a user-level state on the team route: both refused.
    const other = await getNoFollow(`${prefix}/save?${new URLSearchParams({ state, code: unique("other") })}`, owner.apiKey);
    expect(other.headers.get("location")).toBe(FAILED);
    const userState = stateOf(await stripeConnectUrl(teamAdmin.apiKey));
    const wrongTeam = await getNoFollow(`${prefix}/save?${new URLSearchParams({ state: userState, code: unique("userstate") })}`, teamAdmin.apiKey);
    expect(wrongTeam.headers.get("location")).toBe(FAILED);
    expect(await stripeCredentialsOf({ teamId })).toHaveLength(1);
    expect(await stripeCredentialsOf({ userId: teamAdmin.userId })).toEqual([]);
  });

  it("a state issued to someone who is no longer a team admin saves nothing", async () => {
    const org = await createOrganization();
    const admin = await org.addMember("MEMBER");
    const team = await org.addTeam([{ userId: admin.userId, role: "ADMIN" }]);
    const teamPrefix = `/v2/organizations/${org.organizationId}/teams/${team.teamId}/stripe`;
    const state = stateOf(await stripeConnectUrl(admin.apiKey, teamPrefix));
    await withDb((db) => db.membership.updateMany({ where: { teamId: team.teamId, userId: admin.userId }, data: { role: "MEMBER" } }));
    const res = await stripeSave({ state, code: unique("demoted") });
    expect(res.headers.get("location")).toBe(FAILED);
    expect(await stripeCredentialsOf({ teamId: team.teamId })).toEqual([]);
  });
});
