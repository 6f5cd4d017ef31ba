// A delegation credential's service account key as Cal.com stores it (DelegationCredentialRepository
// encryptServiceAccountKey): the public fields in the clear and `encrypted_credentials` =
// symmetricEncrypt(JSON.stringify({private_key}), CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY), Cal.com's AES-256-CBC
// `hex(iv):hex(data)` (src/credentials/encryption.ts), so rows migrate between the two unchanged.
import { symmetricEncrypt } from "../credentials/encryption";
import type { Deps } from "../services";
import { serviceAccountKeyNotConfigured } from "./errors";
import type { ServiceAccountKeyInput } from "./schemas";

export interface StoredServiceAccountKey {
  client_id: string;
  client_email?: string;
  tenant_id?: string;
  encrypted_credentials: string;
}

function secretOf(deps: Deps): string {
  const secret = deps.env.CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY;
  if (!secret) throw serviceAccountKeyNotConfigured();
  return secret;
}

export async function encryptServiceAccountKey(deps: Deps, key: ServiceAccountKeyInput): Promise<StoredServiceAccountKey> {
  const { private_key, ...rest } = key;
  return { ...rest, encrypted_credentials: await symmetricEncrypt(JSON.stringify({ private_key }), secretOf(deps)) };
}
