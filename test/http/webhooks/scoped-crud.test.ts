// Event-type and OAuth-client webhooks: the contract's operations, for each owner, through the same
// implementation as user webhooks.
import { beforeAll, describe, expect, it } from "vitest";
import contract from "../../../contract/calcom-api-v2-openapi.json";
import { api } from "../../helpers/api";
import { SCOPE_FACTORIES, scopeApi, uniqueName, webhookContractProblems, type WebhookScope } from "../../helpers/webhooks";
import { withDb } from "../../helpers/fixtures";

const TEMPLATE = '{"content":"A new event has been scheduled","name":"{{title}}","booker":"{{attendees.0.name}}"}';

describe.each(SCOPE_FACTORIES)("%s webhooks", (_label, makeScope) => {
  let scope: WebhookScope;
  let sibling: WebhookScope;

  // Sequential on purpose: see the note on concurrent Webhook reads in the report (main's shared HTTP client).
  beforeAll(async () => {
    scope = await makeScope();
    sibling = await makeScope();
  });

  it("POST creates a webhook in the contract's shape and returns its secret this once", async () => {
    const subscriberUrl = `https://example.com/hooks/${uniqueName()}`;
    const res = await scopeApi(scope, "", {
      body: {
        subscriberUrl,
        triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_CREATED"],
        active: true,
        payloadTemplate: TEMPLATE,
        secret: "s3cret",
        ignored: 1,
      },
    });
    expect(res.status).toBe(201);
    expect(webhookContractProblems(scope.operationIds.create, 201, res.body)).toEqual([]);
    expect(res.body).toEqual({
      status: "success",
      data: {
        ...scope.ownerField,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        subscriberUrl,
        triggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"],
        active: true,
        payloadTemplate: TEMPLATE,
        secret: "s3cret",
      },
    });
    // Stored with the owner's column only, as in Cal.com's table.
    const row = await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id: res.body.data.id } }));
    expect(row).toMatchObject({ userId: null, secret: "s3cret" });
    expect([row.eventTypeId, row.platformOAuthClientId]).toContain(Object.values(scope.ownerField)[0]);
  });

  it("POST without template or secret: payloadTemplate null and no secret field", async () => {
    const res = await scopeApi(scope, "", { body: { subscriberUrl: `https://example.com/plain/${uniqueName()}`, triggers: [], active: false } });
    expect(res.status).toBe(201);
    expect(webhookContractProblems(scope.operationIds.create, 201, res.body)).toEqual([]);
    expect(res.body.data).toMatchObject({ ...scope.ownerField, payloadTemplate: null, triggers: [], active: false });
    expect(res.body.data).not.toHaveProperty("secret");
  });

  it("GET lists only this owner's webhooks, oldest first, paginated, never with secrets", async () => {
    const owner = await makeScope();
    const urls = [0, 1, 2].map((i) => `https://example.com/list/${i}/${uniqueName()}`);
    for (const subscriberUrl of urls) {
      expect((await scopeApi(owner, "", { body: { subscriberUrl, triggers: ["BOOKING_CREATED"], active: true, secret: "hidden" } })).status).toBe(201);
    }
    await scopeApi(sibling, "", { body: { subscriberUrl: `https://example.com/sibling/${uniqueName()}`, triggers: [], active: true } });

    const all = await scopeApi(owner);
    expect(all.status).toBe(200);
    expect(webhookContractProblems(owner.operationIds.list, 200, all.body)).toEqual([]);
    expect(all.body.data.map((webhook: any) => webhook.subscriberUrl)).toEqual(urls);
    for (const webhook of all.body.data) {
      expect(webhook).toMatchObject(owner.ownerField);
      expect(webhook).not.toHaveProperty("secret");
    }
    const page = await scopeApi(owner, "?take=1&skip=1");
    expect(page.status).toBe(200);
    expect(page.body.data.map((webhook: any) => webhook.subscriberUrl)).toEqual([urls[1]]);

    const empty = await scopeApi(await makeScope());
    expect(empty.body).toEqual({ status: "success", data: [] });
  });

  it("GET, PATCH and DELETE one webhook", async () => {
    const created = await scopeApi(scope, "", {
      body: {
        subscriberUrl: `https://example.com/rud/${uniqueName()}`,
        triggers: ["BOOKING_CREATED"],
        active: true,
        payloadTemplate: TEMPLATE,
        secret: "first",
      },
    });
    const id = created.body.data.id;

    const got = await scopeApi(scope, `/${id}`);
    expect(got.status).toBe(200);
    expect(webhookContractProblems(scope.operationIds.get, 200, got.body)).toEqual([]);
    const { secret: _secret, ...withoutSecret } = created.body.data;
    expect(got.body.data).toEqual(withoutSecret);

    const patched = await scopeApi(scope, `/${id}`, { method: "PATCH", body: { active: false, triggers: ["MEETING_ENDED", "MEETING_ENDED"] } });
    expect(patched.status).toBe(200);
    expect(webhookContractProblems(scope.operationIds.update, 200, patched.body)).toEqual([]);
    expect(patched.body.data).toEqual({ ...withoutSecret, active: false, triggers: ["MEETING_ENDED"] });

    // A new secret is echoed in the response that sets it, then never again.
    const rotated = await scopeApi(scope, `/${id}`, { method: "PATCH", body: { secret: "second", payloadTemplate: null } });
    expect(rotated.body.data).toMatchObject({ secret: "second", payloadTemplate: null });
    expect((await scopeApi(scope, `/${id}`)).body.data).not.toHaveProperty("secret");
    expect((await withDb((db) => db.webhook.findUniqueOrThrow({ where: { id } }))).secret).toBe("second");

    const deleted = await scopeApi(scope, `/${id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(webhookContractProblems(scope.operationIds.delete, 200, deleted.body)).toEqual([]);
    expect(deleted.body.data).toEqual({ ...withoutSecret, active: false, triggers: ["MEETING_ENDED"], payloadTemplate: null });

    const gone = await scopeApi(scope, `/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: "NotFoundException", message: `Webhook (${id}) not found` });
  });

  it("DELETE on the collection deletes all of this owner's webhooks and says how many", async () => {
    const owner = await makeScope();
    for (let i = 0; i < 2; i++) {
      await scopeApi(owner, "", { body: { subscriberUrl: `https://example.com/all/${i}/${uniqueName()}`, triggers: [], active: true } });
    }
    const keep = await scopeApi(sibling, "", { body: { subscriberUrl: `https://example.com/keep/${uniqueName()}`, triggers: [], active: true } });

    const res = await scopeApi(owner, "", { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(webhookContractProblems(owner.operationIds.deleteAll, 200, res.body)).toEqual([]);
    expect(res.body).toEqual({ status: "success", data: "2 webhooks deleted" });
    expect((await scopeApi(owner)).body.data).toEqual([]);
    expect((await scopeApi(owner, "", { method: "DELETE" })).body.data).toBe("0 webhooks deleted");
    // Another owner's webhook survives.
    expect((await scopeApi(sibling, `/${keep.body.data.id}`)).status).toBe(200);
  });

  it("answers under every API version (webhooks are version-neutral)", async () => {
    for (const version of ["2024-04-15", "2024-06-14", "2024-08-13", "2024-09-04", "not-a-version"]) {
      expect((await scopeApi(scope, "", { version })).status).toBe(200);
    }
  });
});

describe("the OpenAPI document", () => {
  it("serves every event-type and OAuth-client webhook operation at the contract's path and method", async () => {
    const ours = (await api("/docs/openapi.json")).body.paths as Record<string, Record<string, { operationId?: string }>>;
    const theirs = (contract as unknown as { paths: typeof ours }).paths;
    const prefixes = ["/v2/event-types/{eventTypeId}/webhooks", "/v2/oauth-clients/{clientId}/webhooks"];
    const expected = Object.entries(theirs)
      .filter(([path]) => prefixes.some((prefix) => path.startsWith(prefix)))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => `${method} ${path} ${operation.operationId}`));
    expect(expected).toHaveLength(12);
    for (const entry of expected) {
      const [method, path, operationId] = entry.split(" ");
      expect(ours[path!]?.[method!]?.operationId, entry).toBe(operationId);
    }
  });
});
