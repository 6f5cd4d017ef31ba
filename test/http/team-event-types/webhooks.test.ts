// Team event-type webhooks: the webhook owner factory with RolesGuard (TEAM_MEMBER reads, TEAM_ADMIN writes)
// then Cal.com's IsTeamEventTypeWebhookGuard (accepted ADMIN/OWNER, the team's event type, that event type's webhook).
import { beforeAll, describe, expect, it } from "vitest";
import { api, dataOf, expectError, type LooseBody } from "../../helpers/api";
import { addTeamMembership, createEventType, createTeam, createTeamEventTypeRow, createTenant, type Tenant, unique } from "../../helpers/fixtures";
import { itRejectsMissingAndInvalidCredentials } from "../../helpers/security";
import { webhookContractProblems } from "../../helpers/webhooks";

let admin: Tenant;
let pendingAdmin: Tenant;
let member: Tenant;
let outsider: Tenant;
let teamId: number;
let otherTeamId: number;
let eventTypeId: number;
let siblingId: number;
let foreignEventTypeId: number;
let webhookId: string;
let siblingWebhookId: string;
let userWebhookId: string;

const hook = () => ({ subscriberUrl: `https://example.com/team/${unique()}`, triggers: ["BOOKING_CREATED"], active: true, secret: "s3cret" });
const path = (id = eventTypeId, team = teamId) => `/v2/teams/${team}/event-types/${id}/webhooks`;
const OPS = {
  create: "TeamsEventTypesWebhooksController_createTeamEventTypeWebhook",
  list: "TeamsEventTypesWebhooksController_getTeamEventTypeWebhooks",
  deleteAll: "TeamsEventTypesWebhooksController_deleteAllTeamEventTypeWebhooks",
  get: "TeamsEventTypesWebhooksController_getTeamEventTypeWebhook",
  update: "TeamsEventTypesWebhooksController_updateTeamEventTypeWebhook",
  delete: "TeamsEventTypesWebhooksController_deleteTeamEventTypeWebhook",
};

beforeAll(async () => {
  [admin, pendingAdmin, member, outsider] = await Promise.all([createTenant(), createTenant(), createTenant(), createTenant()]);
  teamId = (await createTeam({ owners: [admin], members: [member] })).teamId;
  otherTeamId = (await createTeam({ owners: [admin] })).teamId;
  await addTeamMembership(teamId, pendingAdmin.userId, "ADMIN", false);
  eventTypeId = (await createTeamEventTypeRow(teamId, "COLLECTIVE", [{ userId: member.userId }])).id;
  siblingId = (await createTeamEventTypeRow(teamId, "ROUND_ROBIN", [{ userId: member.userId }])).id;
  foreignEventTypeId = (await createTeamEventTypeRow(otherTeamId, "COLLECTIVE", [])).id;
  webhookId = dataOf<LooseBody>(await api(path(), { key: admin.apiKey, body: hook() }), 201).id;
  siblingWebhookId = dataOf<LooseBody>(await api(path(siblingId), { key: admin.apiKey, body: hook() }), 201).id;
  userWebhookId = dataOf<LooseBody>(await api("/v2/webhooks", { key: admin.apiKey, body: hook() }), 201).id;
});

describe("CRUD by a team admin", () => {
  it("creates (secret shown once), lists, reads, updates and deletes, in the contract's shapes", async () => {
    const body = hook();
    const created = await api(path(), { key: admin.apiKey, body });
    expect(webhookContractProblems(OPS.create, 201, created.body)).toEqual([]);
    const webhook = dataOf<LooseBody>(created, 201);
    expect(webhook).toMatchObject({ eventTypeId, subscriberUrl: body.subscriberUrl, triggers: ["BOOKING_CREATED"], active: true, secret: "s3cret" });

    const list = await api(path(), { key: admin.apiKey });
    expect(webhookContractProblems(OPS.list, 200, list.body)).toEqual([]);
    const listed = dataOf<LooseBody[]>(list);
    expect(listed.map((w) => w.id)).toEqual(expect.arrayContaining([webhookId, webhook.id]));
    expect(listed.map((w) => w.id)).not.toContain(siblingWebhookId);
    expect(listed.every((w) => w.secret === undefined)).toBe(true);

    const one = await api(`${path()}/${webhook.id}`, { key: admin.apiKey });
    expect(webhookContractProblems(OPS.get, 200, one.body)).toEqual([]);
    expect(dataOf<LooseBody>(one).id).toBe(webhook.id);

    const updated = await api(`${path()}/${webhook.id}`, { method: "PATCH", key: admin.apiKey, body: { active: false } });
    expect(webhookContractProblems(OPS.update, 200, updated.body)).toEqual([]);
    expect(dataOf<LooseBody>(updated).active).toBe(false);

    const duplicate = await api(path(), { key: admin.apiKey, body: { ...hook(), subscriberUrl: body.subscriberUrl } });
    expect(expectError(duplicate, 409).error.message).toBe("Webhook with this subscriber url already exists for this event type");

    const deleted = await api(`${path()}/${webhook.id}`, { method: "DELETE", key: admin.apiKey });
    expect(webhookContractProblems(OPS.delete, 200, deleted.body)).toEqual([]);
    expectError(await api(`${path()}/${webhook.id}`, { key: admin.apiKey }), 404);
  });

  it("deletes all of one event type's webhooks, and only those", async () => {
    const scratch = (await createTeamEventTypeRow(teamId, "COLLECTIVE", [])).id;
    for (let i = 0; i < 2; i++) dataOf(await api(path(scratch), { key: admin.apiKey, body: hook() }), 201);
    const res = await api(path(scratch), { method: "DELETE", key: admin.apiKey });
    expect(webhookContractProblems(OPS.deleteAll, 200, res.body)).toEqual([]);
    expect(res.body.data).toBe("2 webhooks deleted");
    expect(dataOf<LooseBody>(await api(`${path(siblingId)}/${siblingWebhookId}`, { key: admin.apiKey })).id).toBe(siblingWebhookId);
  });
});

describe("guards", () => {
  itRejectsMissingAndInvalidCredentials(() => ({ path: path() }));

  it("an outsider is refused by RolesGuard", async () => {
    const res = await api(path(), { key: outsider.apiKey });
    expect(expectError(res, 403).error.message).toBe(`RolesGuard - User is not a member of the team with id=${teamId}.`);
  });

  it("a member passes RolesGuard on reads but not IsTeamEventTypeWebhookGuard; writes stop at RolesGuard", async () => {
    const read = await api(`${path()}/${webhookId}`, { key: member.apiKey });
    expect(expectError(read, 403).error.message).toBe(`IsTeamEventTypeWebhookGuard - User (${member.userId}) is not an admin/owner of team (${teamId})`);
    const write = await api(path(), { key: member.apiKey, body: hook() });
    expect(expectError(write, 403).error.message).toBe(
      `RolesGuard - user with id=${member.userId} does not have the minimum required role=TEAM_ADMIN within team with id=${teamId}.`,
    );
  });

  it("a pending admin passes RolesGuard but the webhook guard wants an accepted membership", async () => {
    const res = await api(path(), { key: pendingAdmin.apiKey, body: hook() });
    expect(expectError(res, 403).error.message).toBe(`IsTeamEventTypeWebhookGuard - User (${pendingAdmin.userId}) is not an admin/owner of team (${teamId})`);
  });

  it("another team's event type is a 404; a bad body from an outsider is still a 403 (guards run first)", async () => {
    const res = await api(path(foreignEventTypeId), { key: admin.apiKey });
    expect(expectError(res, 404).error.message).toBe(`IsTeamEventTypeWebhookGuard - Event type (${foreignEventTypeId}) not found for team (${teamId})`);
    const personal = (await createEventType(admin)).id;
    expectError(await api(path(personal), { key: admin.apiKey }), 404);
    expectError(await api(path(), { key: outsider.apiKey, body: { triggers: "nope" } }), 403);
  });

  it("webhook checks: unknown 404, not an event-type webhook 400, another event type's 403", async () => {
    const unknown = await api(`${path()}/00000000-0000-4000-8000-000000000000`, { key: admin.apiKey });
    expect(expectError(unknown, 404).error.message).toBe("IsTeamEventTypeWebhookGuard - Webhook (00000000-0000-4000-8000-000000000000) not found");
    const userHook = await api(`${path()}/${userWebhookId}`, { key: admin.apiKey });
    expect(expectError(userHook, 400).error.message).toBe(`IsTeamEventTypeWebhookGuard - Webhook (${userWebhookId}) no event type`);
    const sibling = await api(`${path()}/${siblingWebhookId}`, { method: "PATCH", key: admin.apiKey, body: { active: false } });
    expect(expectError(sibling, 403).error.message).toBe("IsTeamEventTypeWebhookGuard - Webhook mismatch with event type");
  });

  it("the team admin may read the webhook's delivery log (our endpoint); a member may not", async () => {
    const mine = await api(`/v2/webhooks/${webhookId}/deliveries`, { key: admin.apiKey });
    expect(mine.status, mine.text).toBe(200);
    expectError(await api(`/v2/webhooks/${webhookId}/deliveries`, { key: member.apiKey }), 403);
  });
});
