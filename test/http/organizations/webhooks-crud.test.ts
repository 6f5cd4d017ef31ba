// /v2/organizations/{orgId}/webhooks: Cal.com's organization webhooks (Webhook.teamId = orgId) through the
// shared webhook implementation, with the org guards and IsWebhookInOrg.
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectError } from "../../helpers/api";
import { createOrganization, type OrganizationFixture, type OrgMember, withDb } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { uniqueName, webhookContractProblems } from "../../helpers/webhooks";

const IDS = {
  create: "OrganizationsWebhooksController_createOrganizationWebhook",
  list: "OrganizationsWebhooksController_getAllOrganizationWebhooks",
  get: "OrganizationsWebhooksController_getOrganizationWebhook",
  update: "OrganizationsWebhooksController_updateOrgWebhook",
  delete: "OrganizationsWebhooksController_deleteWebhook",
};

let org: OrganizationFixture;
let admin: OrgMember;
let member: OrgMember;
let otherOrg: OrganizationFixture;
let essentials: OrganizationFixture;
let starter: OrganizationFixture;

const hooks = (o: OrganizationFixture, suffix = "") => `/v2/organizations/${o.organizationId}/webhooks${suffix}`;
const body = (extra: Record<string, unknown> = {}) => ({
  subscriberUrl: `https://example.com/org/${uniqueName()}`,
  triggers: ["BOOKING_CREATED"],
  active: true,
  ...extra,
});

beforeAll(async () => {
  [org, otherOrg, essentials, starter] = await Promise.all([
    createOrganization(),
    createOrganization(),
    createOrganization({ isPlatform: true, plan: "ESSENTIALS" }),
    createOrganization({ isPlatform: true, plan: "STARTER" }),
  ]);
  [admin, member] = await Promise.all([org.addMember("ADMIN"), org.addMember("MEMBER")]);
});

describe("CRUD", () => {
  it("POST creates an org webhook (teamId = orgId) in the contract's shape; the secret is shown this once", async () => {
    const payloadTemplate = '{"t":"{{title}}"}';
    const input = body({ secret: "org-secret", payloadTemplate, triggers: ["BOOKING_CREATED", "DELEGATION_CREDENTIAL_ERROR"] });
    const res = await api(hooks(org), { key: admin.apiKey, body: input });
    expect(res.status, res.text).toBe(201);
    expect(webhookContractProblems(IDS.create, 201, res.body)).toEqual([]);
    expect(res.body.data).toEqual({
      payloadTemplate,
      teamId: org.organizationId,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      triggers: ["BOOKING_CREATED", "DELEGATION_CREDENTIAL_ERROR"],
      subscriberUrl: input.subscriberUrl,
      active: true,
      secret: "org-secret",
    });
    const row = await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id: res.body.data.id } }));
    expect(row).toMatchObject({ teamId: org.organizationId, userId: null, eventTypeId: null, platformOAuthClientId: null });

    const got = await api(hooks(org, `/${res.body.data.id}`), { key: org.owner.apiKey });
    expect(got.status).toBe(200);
    expect(webhookContractProblems(IDS.get, 200, got.body)).toEqual([]);
    expect(got.body.data).not.toHaveProperty("secret");
  });

  it("POST with a subscriber URL the org already has is Cal.com's 409 (its 'user' wording); another org may use it", async () => {
    const input = body();
    expect((await api(hooks(org), { key: admin.apiKey, body: input })).status).toBe(201);
    const again = await api(hooks(org), { key: admin.apiKey, body: input });
    expect(expectError(again, 409).error.message).toBe("Webhook with this subscriber url already exists for this user");
    expect((await api(hooks(otherOrg), { key: otherOrg.owner.apiKey, body: input })).status).toBe(201);
  });

  it("GET lists only this org's webhooks, oldest first, paginated, without secrets", async () => {
    const fresh = await createOrganization();
    const urls: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api(hooks(fresh), { key: fresh.owner.apiKey, body: body({ secret: "s" }) });
      urls.push(res.body.data.subscriberUrl);
    }
    const all = await api(hooks(fresh), { key: fresh.owner.apiKey });
    expect(all.status).toBe(200);
    expect(webhookContractProblems(IDS.list, 200, all.body)).toEqual([]);
    expect(all.body.data.map((w: { subscriberUrl: string }) => w.subscriberUrl)).toEqual(urls);
    for (const webhook of all.body.data) expect(webhook).not.toHaveProperty("secret");
    const page = await api(hooks(fresh, "?take=1&skip=1"), { key: fresh.owner.apiKey });
    expect(page.body.data.map((w: { subscriberUrl: string }) => w.subscriberUrl)).toEqual([urls[1]]);
  });

  it("PATCH changes the given fields; DELETE answers the deleted webhook, then it is gone", async () => {
    const created = (await api(hooks(org), { key: admin.apiKey, body: body() })).body.data;
    const patched = await api(hooks(org, `/${created.id}`), { key: admin.apiKey, method: "PATCH", body: { active: false, triggers: ["BOOKING_CANCELLED"] } });
    expect(patched.status, patched.text).toBe(200);
    expect(webhookContractProblems(IDS.update, 200, patched.body)).toEqual([]);
    expect(patched.body.data).toMatchObject({ id: created.id, teamId: org.organizationId, active: false, triggers: ["BOOKING_CANCELLED"] });
    const deleted = await api(hooks(org, `/${created.id}`), { key: admin.apiKey, method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(webhookContractProblems(IDS.delete, 200, deleted.body)).toEqual([]);
    expect(deleted.body.data.id).toBe(created.id);
    const gone = await api(hooks(org, `/${created.id}`), { key: admin.apiKey });
    expect(expectError(gone, 403).error.message).toBe(
      `IsWebhookInOrg - webhook with id=${created.id} is not part of the organization with id=${org.organizationId}.`,
    );
  });

  it("bad bodies are 400s naming the field; unsafe subscriber URLs are refused", async () => {
    const res = await api(hooks(org), { key: admin.apiKey, body: { subscriberUrl: "https://example.com/x", triggers: ["NOPE"] } });
    const { message } = expectError(res, 400, "BadRequestException").error;
    expect(message).toContain("triggers");
    expect(message).toContain("active");
    const local = await api(hooks(org), { key: admin.apiKey, body: body({ subscriberUrl: "http://169.254.169.254/latest" }) });
    expect(expectError(local, 400).error.message).toContain("Webhook URL is not allowed");
  });
});

describe("guards", () => {
  describe("GET /v2/organizations/{orgId}/webhooks", () => itRejectsMissingAndInvalidCredentials(() => ({ path: hooks(org) })));
  describe("PATCH /v2/organizations/{orgId}/webhooks/{webhookId}", () =>
    itRejectsMissingAndInvalidCredentials(() => ({ path: hooks(org, "/x"), method: "PATCH", body: { active: false } })));

  it("an org MEMBER is refused every operation (ORG_ADMIN), before the body is validated", async () => {
    const tooLow = `RolesGuard - user with id=${member.userId} does not have the minimum required role=ORG_ADMIN within organization with id=${org.organizationId}.`;
    for (const [path, method, payload] of [
      [hooks(org), "GET", undefined],
      [hooks(org), "POST", { nonsense: true }],
      [hooks(org, "/x"), "GET", undefined],
      [hooks(org, "/x"), "PATCH", { active: "no" }],
      [hooks(org, "/x"), "DELETE", undefined],
    ] as const) {
      const res = await api(path, { key: member.apiKey, method, ...(payload ? { body: payload } : {}) });
      expect(expectError(res, 403).error.message, `${method} ${path}`).toBe(tooLow);
    }
  });

  it("another org's owner cannot reach this org's webhooks, nor reach them through their own org's path", async () => {
    const mine = (await api(hooks(org), { key: admin.apiKey, body: body() })).body.data;
    const res = await api(hooks(org), { key: otherOrg.owner.apiKey });
    expect(expectError(res, 403).error.message).toBe(`RolesGuard - User is not a member of the organization with id=${org.organizationId}.`);
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const through = await api(hooks(otherOrg, `/${mine.id}`), {
        key: otherOrg.owner.apiKey,
        method,
        ...(method === "PATCH" ? { body: { active: false } } : {}),
      });
      expect(expectError(through, 403).error.message).toBe(
        `IsWebhookInOrg - webhook with id=${mine.id} is not part of the organization with id=${otherOrg.organizationId}.`,
      );
    }
    const still = await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id: mine.id } }));
    expect(still.active).toBe(true);
  });

  it("a user webhook is not an org webhook (IsWebhookInOrg), and an org webhook is not the user's", async () => {
    const own = await api("/v2/webhooks", { key: admin.apiKey, body: body() });
    expect(own.status).toBe(201);
    expect((await api(hooks(org, `/${own.body.data.id}`), { key: admin.apiKey })).status).toBe(403);
    const orgHook = (await api(hooks(org), { key: admin.apiKey, body: body() })).body.data;
    expect((await api(`/v2/webhooks/${orgHook.id}`, { key: admin.apiKey })).status).toBe(403);
  });

  it("an unknown org is IsOrgGuard's 403; a platform org needs ESSENTIALS (PlatformPlanGuard)", async () => {
    expect(expectError(await api("/v2/organizations/2147483000/webhooks", { key: admin.apiKey }), 403).error.message).toBe(
      "IsOrgGuard - provided organization id=2147483000 does not represent any existing organization.",
    );
    expect((await api(hooks(essentials), { key: essentials.owner.apiKey })).status).toBe(200);
    expect(expectError(await api(hooks(starter), { key: starter.owner.apiKey }), 403).error.message).toBe(
      `PlatformPlanGuard - organization with id=${starter.organizationId} does not have required plan for this operation. Minimum plan is ESSENTIALS while the organization has STARTER.`,
    );
  });

  it("DELEGATION_CREDENTIAL_ERROR stays refused on user webhooks", async () => {
    const res = await api("/v2/webhooks", { key: admin.apiKey, body: body({ triggers: ["DELEGATION_CREDENTIAL_ERROR"] }) });
    expect(expectError(res, 400).error.message).toContain("only available for organization webhooks");
  });

  it("the org's admin reads its delivery log (our endpoint); a plain member may not", async () => {
    const orgHook = (await api(hooks(org), { key: admin.apiKey, body: body() })).body.data;
    expect((await api(`/v2/webhooks/${orgHook.id}/deliveries`, { key: admin.apiKey })).status).toBe(200);
    expect((await api(`/v2/webhooks/${orgHook.id}/deliveries`, { key: member.apiKey })).status).toBe(403);
  });
});
