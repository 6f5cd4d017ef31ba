import { beforeAll, describe, expect, it } from "vitest";
import { bearer, getWithBindings } from "../../helpers/platform";
import { createOAuthClient, createPlatformOrganization, unique, type PlatformOrganization, withDb } from "../../helpers/fixtures";

// Cal.com checks the self-hosted license on API-key requests only. These calls run the Worker's app with
// production bindings; this is the only file that writes the Deployment row.

let org: PlatformOrganization;

beforeAll(async () => {
  org = await createPlatformOrganization();
});

async function recordLicense(licenseKey: string | null) {
  await withDb((db) => db.deployment.upsert({ where: { id: 1 }, create: { id: 1, licenseKey }, update: { licenseKey } }));
}

const LICENSE_ERROR = "ApiAuthStrategy - api key - Invalid or missing CALCOM_LICENSE_KEY environment variable";

describe("CALCOM_LICENSE_KEY", () => {
  it("401 in production when no license key is configured", async () => {
    const res = await getWithBindings(
      { ENVIRONMENT: "production", WEBHOOK_ALLOW_LOOPBACK: undefined, CALCOM_LICENSE_KEY: undefined },
      "/v2/me",
      bearer(org.owner.apiKey),
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "UnauthorizedException", message: LICENSE_ERROR });
  });

  it("401 when the Deployment row holds no key or another key", async () => {
    const licenseKey = `license-${unique()}`;
    await recordLicense(null);
    const missing = await getWithBindings(
      { ENVIRONMENT: "production", WEBHOOK_ALLOW_LOOPBACK: undefined, CALCOM_LICENSE_KEY: licenseKey },
      "/v2/me",
      bearer(org.owner.apiKey),
    );
    expect(missing.status).toBe(401);
    expect(missing.body.error.message).toBe(LICENSE_ERROR);

    await recordLicense(`license-${unique()}`);
    const other = await getWithBindings(
      { ENVIRONMENT: "production", WEBHOOK_ALLOW_LOOPBACK: undefined, CALCOM_LICENSE_KEY: licenseKey },
      "/v2/me",
      bearer(org.owner.apiKey),
    );
    expect(other.status).toBe(401);
  });

  it("passes when the keys match, and keeps the positive answer cached", async () => {
    const licenseKey = `license-${unique()}`;
    await recordLicense(licenseKey);
    const bindings = { ENVIRONMENT: "production", WEBHOOK_ALLOW_LOOPBACK: undefined, CALCOM_LICENSE_KEY: licenseKey };
    const res = await getWithBindings(bindings, "/v2/me", bearer(org.owner.apiKey));
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBe(org.owner.userId);

    await recordLicense(null);
    expect((await getWithBindings(bindings, "/v2/me", bearer(org.owner.apiKey))).status).toBe(200);
  });

  it("is not checked for OAuth client credentials (as in Cal.com)", async () => {
    const client = await createOAuthClient(org.owner.apiKey);
    const res = await getWithBindings(
      { ENVIRONMENT: "production", WEBHOOK_ALLOW_LOOPBACK: undefined, CALCOM_LICENSE_KEY: undefined },
      "/v2/me",
      client.headers,
    );
    expect(res.status).toBe(200);
  });
});
