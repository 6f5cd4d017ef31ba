// POST and PATCH /v2/organizations/{orgId}/delegation-credentials: the key stored encrypted in Cal.com's format
// and never answered, disabled on creation, one credential per domain, enabling and disabling, a new key
// disabling, and Cal.com's errors.
import { beforeAll, describe, expect, it } from "vitest";
import { symmetricDecrypt } from "../../../src/credentials/encryption";
import { api, dataOf, expectError } from "../../helpers/api";
import { contractProblems } from "../../helpers/contract";
import { createOrganization, type OrganizationFixture, withDb } from "../../helpers/fixtures";
import { credentialsPath, ensureWorkspacePlatforms, googleKey, microsoftKey, newDomain } from "./delegation-credentials-helpers";

const CREATE = "OrganizationsDelegationCredentialController_createDelegationCredential";
const UPDATE = "OrganizationsDelegationCredentialController_updateDelegationCredential";
const SERVICE_ACCOUNT_SECRET = "test-service-account-key-0123456";

interface Credential {
  id: string;
  enabled: boolean;
  domain: string;
  organizationId: number;
  workspacePlatform: { name: string; slug: string };
}

let org: OrganizationFixture;
beforeAll(async () => {
  await ensureWorkspacePlatforms();
  org = await createOrganization();
  // Loads the worker inside the hook, whose longer timeout absorbs a cold start on a loaded machine.
  await api(credentialsPath(org.organizationId, "warmup"), { key: org.owner.apiKey, method: "PATCH", body: {} });
});

const create = (body: Record<string, unknown>, target = org) => api(credentialsPath(target.organizationId), { key: target.owner.apiKey, body });
const update = (id: string, body: Record<string, unknown>, target = org) =>
  api(credentialsPath(target.organizationId, id), { key: target.owner.apiKey, method: "PATCH", body });
const row = (id: string) => withDb((db) => db.delegationCredential.findUniqueOrThrow({ where: { id } }));

describe("Orgs / Delegation Credentials: create", () => {
  it("stores the key encrypted as Cal.com does, disabled, and answers it without the key", async () => {
    const key = googleKey();
    const domain = newDomain();
    const res = await create({ workspacePlatformSlug: "google", domain, serviceAccountKey: key });
    expect(contractProblems(CREATE, 201, res.body)).toEqual([]);
    const data = dataOf<Credential>(res, 201);
    expect(data).toMatchObject({ enabled: false, domain, organizationId: org.organizationId, workspacePlatform: { name: "Google Workspace", slug: "google" } });
    expect(res.text).not.toContain(key.private_key.slice(30, 50));
    expect(res.text).not.toContain("serviceAccountKey");

    const stored = (await row(data.id)).serviceAccountKey as Record<string, string>;
    expect(Object.keys(stored).sort()).toEqual(["client_email", "client_id", "encrypted_credentials"]);
    expect(stored.client_email).toBe(key.client_email);
    expect(JSON.stringify(stored)).not.toContain(key.private_key.slice(30, 50));
    expect(JSON.parse(await symmetricDecrypt(stored.encrypted_credentials!, SERVICE_ACCOUNT_SECRET))).toEqual({ private_key: key.private_key });
  });

  it("takes a Microsoft key for office365, and the key as the contract's one-element array", async () => {
    const ms = dataOf<Credential>(await create({ workspacePlatformSlug: "office365", domain: newDomain(), serviceAccountKey: microsoftKey() }), 201);
    expect(ms.workspacePlatform.slug).toBe("office365");
    expect(Object.keys((await row(ms.id)).serviceAccountKey as object).sort()).toEqual(["client_id", "encrypted_credentials", "tenant_id"]);
    const listed = await create({ workspacePlatformSlug: "google", domain: newDomain(), serviceAccountKey: [googleKey()] });
    expect(dataOf<Credential>(listed, 201).enabled).toBe(false);
  });

  it("Cal.com's errors: unknown platform 404, a domain the org has 400, a domain enabled elsewhere 400 (disabled elsewhere is fine)", async () => {
    const domain = newDomain();
    expect(expectError(await create({ workspacePlatformSlug: "nope", domain, serviceAccountKey: googleKey() }), 404).error.message).toBe(
      "Workspace platform nope not found",
    );
    dataOf(await create({ workspacePlatformSlug: "google", domain, serviceAccountKey: googleKey() }), 201);
    expect(expectError(await create({ workspacePlatformSlug: "google", domain, serviceAccountKey: googleKey() }), 400).error.message).toBe(
      `Your organization already has delegation credential for ${domain}`,
    );

    const other = await createOrganization();
    const theirs = dataOf<Credential>(await create({ workspacePlatformSlug: "google", domain, serviceAccountKey: googleKey() }, other), 201);
    dataOf(await update(theirs.id, { enabled: true }, other));
    const elsewhere = newDomain();
    const enabled = dataOf<Credential>(await create({ workspacePlatformSlug: "google", domain: elsewhere, serviceAccountKey: googleKey() }, other), 201);
    dataOf(await update(enabled.id, { enabled: true }, other));
    expect(expectError(await create({ workspacePlatformSlug: "google", domain: elsewhere, serviceAccountKey: googleKey() }), 400).error.message).toBe(
      `Domain ${elsewhere} already has delegation credential enabled in another organization`,
    );
  });
});

describe("Orgs / Delegation Credentials: update", () => {
  it("enables and disables, recording when; a new key disables unless enabled in the same request", async () => {
    const created = dataOf<Credential>(await create({ workspacePlatformSlug: "google", domain: newDomain(), serviceAccountKey: googleKey() }), 201);
    const on = await update(created.id, { enabled: true });
    expect(contractProblems(UPDATE, 200, on.body)).toEqual([]);
    expect(dataOf<Credential>(on).enabled).toBe(true);
    expect((await row(created.id)).lastEnabledAt).not.toBeNull();

    const before = (await row(created.id)).serviceAccountKey as Record<string, string>;
    const rekeyed = dataOf<Credential>(await update(created.id, { serviceAccountKey: googleKey() }));
    expect(rekeyed.enabled).toBe(false);
    const after = await row(created.id);
    expect((after.serviceAccountKey as Record<string, string>).encrypted_credentials).not.toBe(before.encrypted_credentials);
    expect(after.lastDisabledAt).not.toBeNull();

    expect(dataOf<Credential>(await update(created.id, { serviceAccountKey: googleKey(), enabled: true })).enabled).toBe(true);
    expect(dataOf<Credential>(await update(created.id, { enabled: false })).enabled).toBe(false);
    expect(dataOf<Credential>(await update(created.id, {})).enabled).toBe(false);
  });

  it("404 for an unknown id and for another organization's credential, which stays unchanged (Cal.com finds it by id alone)", async () => {
    expect(expectError(await update("no-such-id", { enabled: true }), 404).error.message).toBe("DelegationCredential with id no-such-id not found");
    const other = await createOrganization();
    const theirs = dataOf<Credential>(await create({ workspacePlatformSlug: "google", domain: newDomain(), serviceAccountKey: googleKey() }, other), 201);
    await update(theirs.id, { enabled: true }, other);
    const before = await row(theirs.id);
    expect(expectError(await update(theirs.id, { serviceAccountKey: googleKey() }), 404).error.message).toBe(
      `DelegationCredential with id ${theirs.id} not found`,
    );
    const after = await row(theirs.id);
    expect(after.enabled).toBe(true);
    expect(after.serviceAccountKey).toEqual(before.serviceAccountKey);
  });
});

describe("Orgs / Delegation Credentials: bad input", () => {
  it("refuses malformed keys, bodies and ids with 400", async () => {
    const domain = newDomain();
    const { private_key: _dropped, ...noPrivateKey } = googleKey();
    const bad = [
      { workspacePlatformSlug: "google", domain, serviceAccountKey: noPrivateKey },
      { workspacePlatformSlug: "google", domain, serviceAccountKey: { ...googleKey(), extra: "x" } },
      { workspacePlatformSlug: "google", domain, serviceAccountKey: { private_key: "k", client_id: "c" } },
      { workspacePlatformSlug: "google", domain, serviceAccountKey: [googleKey(), googleKey()] },
      { workspacePlatformSlug: "google", domain, serviceAccountKey: "key" },
      { workspacePlatformSlug: "google", domain: "", serviceAccountKey: googleKey() },
      { workspacePlatformSlug: "", domain, serviceAccountKey: googleKey() },
      { domain, serviceAccountKey: googleKey() },
    ];
    for (const body of bad) expectError(await create(body), 400);
    const invalid = expectError(await create(bad[2]!), 400);
    expect(JSON.stringify(invalid.error)).toContain("Service account key must be either a Google service account key");
    expect(expectError(await create({ workspacePlatformSlug: "google", domain, serviceAccountKey: microsoftKey() }), 400).error.message).toBe(
      "Workspace platform google needs a Google service account key",
    );
    const created = dataOf<Credential>(await create({ workspacePlatformSlug: "google", domain, serviceAccountKey: googleKey() }), 201);
    expectError(await update(created.id, { enabled: "yes" }), 400);
    expectError(await update(created.id, { serviceAccountKey: { client_id: "x" } }), 400);
    expectError(await update(created.id, { serviceAccountKey: microsoftKey() }), 400);
    expectError(await api(credentialsPath(0), { key: org.owner.apiKey, body: {} }), 400);
  });
});
