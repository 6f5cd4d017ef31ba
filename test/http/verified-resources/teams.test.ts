// /v2/teams/{teamId}/verified-resources (TEAM_ADMIN) and /v2/organizations/{orgId}/teams/{teamId}/verified-resources
// (the org/team guard chain): a team's rows are the team's, whoever verified them; guards answer as Cal.com's.
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { addTeamMembership, createOrganization, createTeam, createTenant, type OrganizationFixture, type Tenant } from "../../helpers/fixtures";
import { emailedCode, expectContract, textedCode, uniqueEmail, uniquePhone } from "../../helpers/verified-resources";

describe("team scope", () => {
  let admin: Tenant;
  let member: Tenant;
  let teamId: number;
  let base: string;
  const C = "TeamsVerifiedResourcesController";

  beforeAll(async () => {
    [admin, member] = await Promise.all([createTenant(), createTenant()]);
    ({ teamId } = await createTeam({ members: [member] }));
    await addTeamMembership(teamId, admin.userId, "ADMIN");
    base = `/v2/teams/${teamId}/verified-resources`;
  });

  it("an admin verifies an email and a phone for the team; the rows carry both ids and list under the team", async () => {
    const email = uniqueEmail();
    const requested = await api(`${base}/emails/verification-code/request`, { key: admin.apiKey, body: { email } });
    expect(requested.status).toBe(200);
    expectContract(`${C}_requestEmailVerificationCode`, 200, requested.body);
    const verified = await api(`${base}/emails/verification-code/verify`, { key: admin.apiKey, body: { email, code: await emailedCode(email) } });
    expect(verified.status).toBe(200);
    expectContract(`${C}_verifyEmail`, 200, verified.body);
    expect(verified.body.data).toEqual({ id: expect.any(Number), userId: admin.userId, teamId, email });

    const phone = uniquePhone();
    expect((await api(`${base}/phones/verification-code/request`, { key: admin.apiKey, body: { phone } })).status).toBe(200);
    const phoneRow = await api(`${base}/phones/verification-code/verify`, { key: admin.apiKey, body: { phone, code: await textedCode(phone) } });
    expect(phoneRow.status).toBe(200);
    expectContract(`${C}_verifyPhoneNumber`, 200, phoneRow.body);
    expect(phoneRow.headers.get("X-RateLimit-Limit-teams_verified_resources_phones_verify")).toBe("3");

    const emails = await api(`${base}/emails`, { key: admin.apiKey });
    expectContract(`${C}_getVerifiedEmails`, 200, emails.body);
    expect(emails.body.data).toEqual([verified.body.data]);
    const phones = await api(`${base}/phones?take=1&skip=0`, { key: admin.apiKey });
    expectContract(`${C}_getVerifiedPhoneNumbers`, 200, phones.body);
    expect(phones.body.data).toEqual([phoneRow.body.data]);
    const one = await api(`${base}/phones/${phoneRow.body.data.id}`, { key: admin.apiKey });
    expectContract(`${C}_getVerifiedPhoneById`, 200, one.body);
    expect(one.body.data).toEqual(phoneRow.body.data);
    const email1 = await api(`${base}/emails/${verified.body.data.id}`, { key: admin.apiKey });
    expectContract(`${C}_getVerifiedEmailById`, 200, email1.body);
    // The team's email is not the admin's own.
    expect((await api(`/v2/verified-resources/emails/${verified.body.data.id}`, { key: admin.apiKey })).body.data).toBeNull();
  });

  it("a MEMBER and an outsider get RolesGuard's 403s and send nothing", async () => {
    const outsider = await createTenant();
    const byMember = await api(`${base}/emails`, { key: member.apiKey });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.message).toBe(
      `RolesGuard - user with id=${member.userId} does not have the minimum required role=TEAM_ADMIN within team with id=${teamId}.`,
    );
    const byOutsider = await api(`${base}/emails/verification-code/request`, { key: outsider.apiKey, body: { email: uniqueEmail() } });
    expect(byOutsider.status).toBe(403);
    expect(byOutsider.body.error.message).toBe(`RolesGuard - User is not a member of the team with id=${teamId}.`);
  });
});

describe("org team scope", () => {
  let org: OrganizationFixture;
  let teamId: number;
  let base: string;
  const C = "OrgTeamsVerifiedResourcesController";

  beforeAll(async () => {
    org = await createOrganization({ isPlatform: true, plan: "ESSENTIALS" });
    ({ teamId } = await org.addTeam());
    base = `/v2/organizations/${org.organizationId}/teams/${teamId}/verified-resources`;
  });

  it("an org owner verifies for a team of the org (no team membership needed)", async () => {
    const email = uniqueEmail();
    const requested = await api(`${base}/emails/verification-code/request`, { key: org.owner.apiKey, body: { email } });
    expect(requested.status).toBe(200);
    expectContract(`${C}_requestEmailVerificationCode`, 200, requested.body);
    const verified = await api(`${base}/emails/verification-code/verify`, { key: org.owner.apiKey, body: { email, code: await emailedCode(email) } });
    expect(verified.status).toBe(200);
    expectContract(`${C}_verifyEmail`, 200, verified.body);
    expect(verified.body.data).toMatchObject({ userId: org.owner.userId, teamId, email });
    const list = await api(`${base}/emails`, { key: org.owner.apiKey });
    expectContract(`${C}_getVerifiedEmails`, 200, list.body);
    expect(list.body.data).toEqual([verified.body.data]);
    const missing = await api(`${base}/phones/2147483647`, { key: org.owner.apiKey });
    expect(missing.body).toEqual({ status: "success", data: null });
    expectContract(`${C}_getVerifiedPhoneById`, 200, missing.body);
  });

  it("guards: a plain org member 403, a team of another org 404, a platform org below ESSENTIALS 403 except the phone-code request", async () => {
    const member = await org.addMember("MEMBER");
    const byMember = await api(`${base}/emails`, { key: member.apiKey });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.message).toContain("RolesGuard");

    const otherOrg = await createOrganization();
    const { teamId: foreignTeam } = await otherOrg.addTeam();
    const foreign = await api(`/v2/organizations/${org.organizationId}/teams/${foreignTeam}/verified-resources/emails`, { key: org.owner.apiKey });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe(`IsTeamInOrg - Team (${foreignTeam}) not found.`);

    const starter = await createOrganization({ isPlatform: true, plan: "STARTER" });
    const { teamId: starterTeam } = await starter.addTeam();
    const starterBase = `/v2/organizations/${starter.organizationId}/teams/${starterTeam}/verified-resources`;
    const list = await api(`${starterBase}/phones`, { key: starter.owner.apiKey });
    expect(list.status).toBe(403);
    expect(list.body.error.message).toContain("Minimum plan is ESSENTIALS while the organization has STARTER");
    const phoneRequest = await api(`${starterBase}/phones/verification-code/request`, { key: starter.owner.apiKey, body: { phone: uniquePhone() } });
    expect(phoneRequest.status).toBe(200);
    expectContract(`${C}_requestPhoneVerificationCode`, 200, phoneRequest.body);
  });
});
