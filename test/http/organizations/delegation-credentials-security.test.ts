// Who may store and change an organization's delegation credentials: Cal.com's guards (IsOrgGuard, PbacGuard
// `organization.update`, RolesGuard ORG_ADMIN, PlatformPlanGuard SCALE, IsAdminAPIEnabledGuard).
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError } from "../../helpers/api";
import {
  assignCustomRole,
  createCustomRoleRow,
  createOrganization,
  createTeam,
  createTenant,
  enablePbac,
  type OrganizationFixture,
} from "../../helpers/fixtures";
import { credentialsPath, ensureWorkspacePlatforms, googleKey, newDomain } from "./delegation-credentials-helpers";

let org: OrganizationFixture;
beforeAll(async () => {
  await ensureWorkspacePlatforms();
  org = await createOrganization();
  // Loads the worker inside the hook, whose longer timeout absorbs a cold start on a loaded machine.
  await api(credentialsPath(org.organizationId, "warmup"), { key: org.owner.apiKey, method: "PATCH", body: {} });
});

const body = () => ({ workspacePlatformSlug: "google", domain: newDomain(), serviceAccountKey: googleKey() });

describe("Orgs / Delegation Credentials: guards", () => {
  it("org admins may; members and outsiders get 403 on both operations", async () => {
    const admin = await org.addMember("ADMIN");
    const member = await org.addMember("MEMBER");
    const outsider = await createTenant();
    const created = dataOf<{ id: string }>(await api(credentialsPath(org.organizationId), { key: admin.apiKey, body: body() }), 201);
    for (const key of [member.apiKey, outsider.apiKey]) {
      expectError(await api(credentialsPath(org.organizationId), { key, body: body() }), 403);
      expectError(await api(credentialsPath(org.organizationId, created.id), { key, method: "PATCH", body: { enabled: true } }), 403);
    }
  });

  it("a team that is not an organization is refused (IsOrgGuard)", async () => {
    const owner = await createTenant();
    const team = await createTeam({ owners: [owner] });
    expect(expectError(await api(credentialsPath(team.teamId), { key: owner.apiKey, body: body() }), 403).error.message).toContain("IsOrgGuard");
  });

  it("with PBAC on, the organization.update permission decides", async () => {
    const pbacOrg = await createOrganization();
    await enablePbac(pbacOrg.organizationId);
    const granted = await pbacOrg.addMember("MEMBER");
    const refused = await pbacOrg.addMember("MEMBER");
    const role = await createCustomRoleRow(pbacOrg.organizationId, ["organization.update"]);
    await assignCustomRole(pbacOrg.organizationId, granted.userId, role.id);
    dataOf(await api(credentialsPath(pbacOrg.organizationId), { key: granted.apiKey, body: body() }), 201);
    expect(expectError(await api(credentialsPath(pbacOrg.organizationId), { key: refused.apiKey, body: body() }), 403).error.message).toContain("PbacGuard");
  });

  it("a platform organization needs the SCALE plan", async () => {
    const essentials = await createOrganization({ isPlatform: true, plan: "ESSENTIALS" });
    const res = await api(credentialsPath(essentials.organizationId), { key: essentials.owner.apiKey, body: body() });
    expect(expectError(res, 403).error.message).toContain("Minimum plan is SCALE");
    const scale = await createOrganization({ isPlatform: true });
    dataOf(await api(credentialsPath(scale.organizationId), { key: scale.owner.apiKey, body: body() }), 201);
  });
});
