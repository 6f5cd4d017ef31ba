// Delegation credential fixtures: Cal.com's WorkspacePlatform rows (made by its admins, not through the API) and
// service account keys.
import { unique, withDb } from "../../helpers/fixtures";

/** The `google` and `office365` workspace platforms (idempotent; test files share them). */
export async function ensureWorkspacePlatforms(): Promise<void> {
  for (const [slug, name] of [
    ["google", "Google Workspace"],
    ["office365", "Microsoft 365"],
  ] as const) {
    await withDb(async (db) => {
      try {
        await db.workspacePlatform.upsert({
          where: { slug },
          create: { slug, name, description: name, defaultServiceAccountKey: {}, enabled: true },
          update: {},
        });
      } catch {
        // Another file created it at the same moment.
      }
    });
  }
}

export const googleKey = () => ({
  private_key: `-----BEGIN PRIVATE KEY-----\n${unique("secret")}\n-----END PRIVATE KEY-----\n`,
  client_email: "svc@project.iam.gserviceaccount.com",
  client_id: "1234567890",
});
export const microsoftKey = () => ({ private_key: unique("ms-secret"), tenant_id: "tenant-1", client_id: "app-1" });
export const newDomain = () => `${unique("d").toLowerCase()}.example.com`;
export const credentialsPath = (orgId: number, id?: string) => `/v2/organizations/${orgId}/delegation-credentials${id ? `/${id}` : ""}`;
