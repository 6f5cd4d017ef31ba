// Credential rows (Cal.com's `Credential`): one per connected app of a user. `key` holds what the integration
// needs to call the provider. Cal.com keeps OAuth keys as plain JSON (token responses, refreshed by merge) and
// password-like keys encrypted: Apple and CalDAV `{username, password[, url]}` and ICS `{urls, skipWriting}` are
// stored as a JSON *string* of `symmetricEncrypt(JSON.stringify(key), CALENDSO_ENCRYPTION_KEY)`
// (packages/app-store/{applecalendar,caldavcalendar,ics-feedcalendar}/api/add.ts), so a migrated database reads
// unchanged. Nothing here logs or returns a key; outputs render only the public columns (see `publicCredential`).
import type { Credential, Prisma } from "../generated/prisma/client";
import { ApiError } from "../errors";
import type { Deps } from "../services";
import { symmetricDecrypt, symmetricEncrypt } from "./encryption";

/** Credential type → App slug (Cal.com's app-store metadata). */
export const CREDENTIAL_APP_SLUG = {
  google_calendar: "google-calendar",
  office365_calendar: "office365-calendar",
  apple_calendar: "apple-calendar",
  caldav_calendar: "caldav-calendar",
  "ics-feed_calendar": "ics-feed",
  google_video: "google-meet",
  zoom_video: "zoom",
  office365_video: "msteams",
  daily_video: "daily-video",
  stripe_payment: "stripe",
} as const;

export type CredentialType = keyof typeof CREDENTIAL_APP_SLUG;

/** Types whose key Cal.com encrypts with CALENDSO_ENCRYPTION_KEY (the others are plain JSON). */
const ENCRYPTED_KEY_TYPES: ReadonlySet<string> = new Set(["apple_calendar", "caldav_calendar", "ics-feed_calendar"]);

export type StoredCredential = Credential;

/** The columns Cal.com's v2 renders for a credential (its excludeAll outputs): never `key`. */
export function publicCredential(credential: StoredCredential) {
  return {
    id: credential.id,
    type: credential.type,
    userId: credential.userId,
    teamId: credential.teamId,
    appId: credential.appId,
    invalid: credential.invalid,
  };
}

function encryptionSecret(deps: Deps): string {
  const secret = deps.env.CALENDSO_ENCRYPTION_KEY;
  // A deployment without the key cannot store or read CalDAV/Apple/ICS secrets: a 500 naming the setting.
  if (!secret) throw new ApiError("InternalServerErrorException", "CALENDSO_ENCRYPTION_KEY is not configured");
  return secret;
}

/** What is stored in `key` for a credential of this type: encrypted string or plain JSON. */
async function encodeKey(deps: Deps, type: string, key: unknown): Promise<Prisma.InputJsonValue> {
  if (!ENCRYPTED_KEY_TYPES.has(type)) return key as Prisma.InputJsonValue;
  return symmetricEncrypt(JSON.stringify(key), encryptionSecret(deps));
}

/** The credential's key as the integration uses it (decrypted for the encrypted types). */
export async function readCredentialKey<T>(deps: Deps, credential: Pick<StoredCredential, "type" | "key">): Promise<T> {
  if (!ENCRYPTED_KEY_TYPES.has(credential.type)) return credential.key as T;
  if (typeof credential.key !== "string") throw new ApiError("InternalServerErrorException", "credential key is not an encrypted string");
  return JSON.parse(await symmetricDecrypt(credential.key, encryptionSecret(deps))) as T;
}

export async function createCredential(deps: Deps, input: { type: CredentialType; userId: number; key: unknown }): Promise<StoredCredential> {
  return deps.db.credential.create({
    data: { type: input.type, userId: input.userId, appId: CREDENTIAL_APP_SLUG[input.type], key: await encodeKey(deps, input.type, input.key) },
  });
}

/** Replaces the key (a new password, refreshed tokens already merged by the caller) and clears `invalid`. */
export async function updateCredentialKey(deps: Deps, credential: Pick<StoredCredential, "id" | "type">, key: unknown): Promise<StoredCredential> {
  return deps.db.credential.update({ where: { id: credential.id }, data: { key: await encodeKey(deps, credential.type, key), invalid: false } });
}

/** Cal.com sets `invalid` when a provider refuses the credential (invalid_grant, 401 on a password). */
export async function markCredentialInvalid(deps: Deps, credentialId: number): Promise<void> {
  await deps.db.credential.updateMany({ where: { id: credentialId }, data: { invalid: true } });
}

/** One of the user's own credentials, or null (another user's id answers null: callers answer their 404). */
export function findUserCredential(deps: Deps, userId: number, credentialId: number): Promise<StoredCredential | null> {
  return deps.db.credential.findFirst({ where: { id: credentialId, userId } });
}

/** The user's credentials of one type, oldest first. */
export function findUserCredentialsOfType(deps: Deps, userId: number, type: CredentialType): Promise<StoredCredential[]> {
  return deps.db.credential.findMany({ where: { userId, type }, orderBy: { id: "asc" } });
}

/**
 * The user's calendar connections: credentials of an enabled App in the `calendar` category (Cal.com's
 * getConnectedDestinationCalendars counts only those), oldest first.
 */
export function listUserCalendarCredentials(deps: Deps, userId: number): Promise<StoredCredential[]> {
  return deps.db.credential.findMany({
    where: { userId, app: { enabled: true, categories: { has: "calendar" } } },
    orderBy: { id: "asc" },
  });
}

/** Deletes the credential; its SelectedCalendar and DestinationCalendar rows cascade. */
export async function deleteCredential(deps: Deps, credentialId: number): Promise<void> {
  await deps.db.credential.deleteMany({ where: { id: credentialId } });
}
