// Storage of conferencing connections: Credential rows of a user or of a team (Cal.com's `*_video` types) and the
// owner's default app (`User.metadata.defaultConferencingApp` / `Team.metadata.defaultConferencingApp`).
import type { Credential, Prisma } from "../generated/prisma/client";
import type { Deps } from "../services";
import { APP_CREDENTIAL_TYPE, CAL_VIDEO_INTEGRATION, type ConferencingApp } from "./apps";

/** Whose connections: a user's own, or an organization team's. */
export type ConferencingOwner = { kind: "user"; userId: number } | { kind: "team"; teamId: number };

const ownerWhere = (owner: ConferencingOwner) => (owner.kind === "user" ? { userId: owner.userId } : { teamId: owner.teamId });

/** The owner's video credentials (`*_video`), oldest first. Cal Video is global and has none. */
export function listVideoCredentials(deps: Deps, owner: ConferencingOwner): Promise<Credential[]> {
  return deps.db.credential.findMany({ where: { ...ownerWhere(owner), type: { endsWith: "_video" } }, orderBy: { id: "asc" } });
}

/** The owner's credential of one app, the newest (the one bookings use), or null. */
export function findAppCredential(deps: Deps, owner: ConferencingOwner, app: ConferencingApp): Promise<Credential | null> {
  return deps.db.credential.findFirst({ where: { ...ownerWhere(owner), type: APP_CREDENTIAL_TYPE[app] }, orderBy: { id: "desc" } });
}

/** The owner's Google Calendar credential (Meet rides on it), or null. */
export function findGoogleCalendarCredential(deps: Deps, owner: ConferencingOwner): Promise<Credential | null> {
  return deps.db.credential.findFirst({ where: { ...ownerWhere(owner), type: "google_calendar" }, orderBy: { id: "asc" } });
}

/** Creates a credential of `app`, replacing any earlier one of the same type (Cal.com deletes them first), in one transaction. */
export async function replaceAppCredential(deps: Deps, owner: ConferencingOwner, app: ConferencingApp, key: Prisma.InputJsonValue): Promise<Credential> {
  const type = APP_CREDENTIAL_TYPE[app];
  return deps.txDb.$transaction(async (tx) => {
    await tx.credential.deleteMany({ where: { ...ownerWhere(owner), type } });
    return tx.credential.create({ data: { type, key, appId: app, ...ownerWhere(owner) } });
  });
}

export function createAppCredential(deps: Deps, owner: ConferencingOwner, app: ConferencingApp, key: Prisma.InputJsonValue): Promise<Credential> {
  return deps.db.credential.create({ data: { type: APP_CREDENTIAL_TYPE[app], key, appId: app, ...ownerWhere(owner) } });
}

type Metadata = Record<string, unknown>;
const asMetadata = (value: unknown): Metadata => (value && typeof value === "object" && !Array.isArray(value) ? (value as Metadata) : {});

async function readMetadata(deps: Deps, owner: ConferencingOwner): Promise<Metadata> {
  const row =
    owner.kind === "user"
      ? await deps.db.user.findUnique({ where: { id: owner.userId }, select: { metadata: true } })
      : await deps.db.team.findUnique({ where: { id: owner.teamId }, select: { metadata: true } });
  return asMetadata(row?.metadata);
}

export interface DefaultConferencingApp {
  appSlug?: string;
  appLink?: string;
}

/** `metadata.defaultConferencingApp`, or undefined. */
export async function readDefaultApp(deps: Deps, owner: ConferencingOwner): Promise<DefaultConferencingApp | undefined> {
  const value = (await readMetadata(deps, owner)).defaultConferencingApp;
  if (!value || typeof value !== "object") return undefined;
  const { appSlug, appLink } = value as Record<string, unknown>;
  return { ...(typeof appSlug === "string" ? { appSlug } : {}), ...(typeof appLink === "string" ? { appLink } : {}) };
}

/**
 * Sets (or, with null, removes) `metadata.defaultConferencingApp`, keeping the other metadata keys. The row is
 * read and written under `SELECT … FOR UPDATE`, so a concurrent metadata write is not lost. Answers the value stored.
 */
export async function writeDefaultApp(deps: Deps, owner: ConferencingOwner, value: DefaultConferencingApp | null): Promise<unknown> {
  return deps.txDb.$transaction(async (tx) => {
    const table = owner.kind === "user" ? "users" : "Team";
    const id = owner.kind === "user" ? owner.userId : owner.teamId;
    await tx.$queryRawUnsafe(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, id);
    const row =
      owner.kind === "user"
        ? await tx.user.findUnique({ where: { id }, select: { metadata: true } })
        : await tx.team.findUnique({ where: { id }, select: { metadata: true } });
    const metadata = { ...asMetadata(row?.metadata) };
    if (value) metadata.defaultConferencingApp = value;
    else delete metadata.defaultConferencingApp;
    const data = { metadata: metadata as Prisma.InputJsonValue };
    const updated =
      owner.kind === "user"
        ? await tx.user.update({ where: { id }, data, select: { metadata: true } })
        : await tx.team.update({ where: { id }, data, select: { metadata: true } });
    return asMetadata(updated.metadata).defaultConferencingApp;
  });
}

/**
 * Cal.com's handleDeleteCredential for a video app: the owner's event types that use the app's location fall back
 * to Cal Video, a default naming the app is cleared, and the credential is deleted, in one transaction.
 */
export async function deleteVideoCredential(deps: Deps, owner: ConferencingOwner, credential: Credential, integration: string, appSlug: string) {
  await deps.txDb.$transaction(async (tx) => {
    const eventTypes = await tx.eventType.findMany({
      where: owner.kind === "user" ? { userId: owner.userId } : { teamId: owner.teamId },
      select: { id: true, locations: true },
    });
    for (const eventType of eventTypes) {
      if (!Array.isArray(eventType.locations)) continue;
      let changed = false;
      const locations = (eventType.locations as Prisma.JsonArray).map((location) => {
        const entry = asMetadata(location);
        if (entry.type === "integration" && entry.integration === integration) {
          changed = true;
          return { type: "integration", integration: CAL_VIDEO_INTEGRATION };
        }
        return location;
      });
      if (changed) await tx.eventType.update({ where: { id: eventType.id }, data: { locations } });
    }
    await tx.credential.deleteMany({ where: { id: credential.id } });
  });
  const current = await readDefaultApp(deps, owner);
  if (current?.appSlug === appSlug) await writeDefaultApp(deps, owner, null);
}

const INTEGRATION_OF_TYPE: Record<string, string> = { google_video: "google-meet", zoom_video: "zoom", office365_video: "office365-video" };

/**
 * The event-type location integrations the owner has connected (for src/event-types/input.ts's "<app> not
 * connected." check); no query when `locations` names no conferencing app but Cal Video.
 */
export async function connectedIntegrationsFor(
  deps: Deps,
  owner: ConferencingOwner,
  locations: readonly { type: string; integration?: string }[] | undefined,
): Promise<ReadonlySet<string>> {
  if (!locations?.some((location) => location.type === "integration" && location.integration !== CAL_VIDEO_INTEGRATION)) return new Set();
  const rows = await deps.db.credential.findMany({ where: { ...ownerWhere(owner), type: { in: Object.keys(INTEGRATION_OF_TYPE) } }, select: { type: true } });
  return new Set(rows.map((row) => INTEGRATION_OF_TYPE[row.type]!));
}
