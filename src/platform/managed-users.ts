import { ApiError } from "../errors";
import type { Db } from "../services/db";

// Managed users belong to one OAuth client. Their emails are namespaced with the client id, as Cal.com does:
// alice@example.com → alice+<clientId>@example.com, so two clients can each have their own "alice".
export function namespacedEmail(clientId: string, email: string): string {
  if (email.includes(`+${clientId}@`)) return email;
  const at = email.lastIndexOf("@");
  return `${email.slice(0, at)}+${clientId}@${email.slice(at + 1)}`;
}

// Cal.com's slugify: lower case, accents dropped, anything but letters, digits and dots becomes "-".
export function slugify(value: string): string {
  return value
    .toLowerCase()
    .trim()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[^.\p{L}\p{N}]+/gu, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-+/g, "-")
    .replace(/^[-.]+/, "")
    .replace(/[-.]+$/, "");
}

// Cal.com's getOrgUsernameFromEmail (the email's domain never matches the managed users' auto-accept domain).
export function usernameForNewManagedUser(email: string): string {
  const at = email.lastIndexOf("@");
  return slugify(`${email.slice(0, at)}-${email.slice(at + 1).split(".")[0]}`);
}

// Cal.com's updateOAuthClientUser derives the new username from the first two labels of the domain.
export function usernameForChangedEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const [domainName, tld] = email.slice(at + 1).split(".");
  return slugify(`${email.slice(0, at)}-${domainName}-${tld}`);
}

export const managedUserSelect = {
  id: true,
  email: true,
  username: true,
  name: true,
  bio: true,
  timeZone: true,
  weekStart: true,
  createdDate: true,
  timeFormat: true,
  defaultScheduleId: true,
  locale: true,
  avatarUrl: true,
  metadata: true,
} as const;

export interface ManagedUserRow {
  id: number;
  email: string;
  username: string | null;
  name: string | null;
  bio: string | null;
  timeZone: string;
  weekStart: string;
  createdDate: Date;
  timeFormat: number | null;
  defaultScheduleId: number | null;
  locale: string | null;
  avatarUrl: string | null;
  metadata: unknown;
}

// Cal.com's ManagedUserOutput; `locale` and `metadata` only when set (the contract does not allow null there).
export function toManagedUserOutput(user: ManagedUserRow) {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    name: user.name,
    bio: user.bio,
    timeZone: user.timeZone,
    weekStart: user.weekStart,
    createdDate: user.createdDate.toISOString(),
    timeFormat: user.timeFormat,
    defaultScheduleId: user.defaultScheduleId,
    avatarUrl: user.avatarUrl,
    ...(user.locale ? { locale: user.locale } : {}),
    ...(user.metadata !== null && typeof user.metadata === "object" ? { metadata: user.metadata as Record<string, unknown> } : {}),
  };
}

/** Cal.com's validateManagedUserOwnership: 404 unless the user is one of this client's managed users. */
export async function findManagedUser(db: Db, clientId: string, userId: number): Promise<ManagedUserRow> {
  const user = await db.user.findFirst({
    where: { id: userId, platformOAuthClients: { some: { id: clientId } } },
    select: managedUserSelect,
  });
  if (!user) throw new ApiError("NotFoundException", `User with ID ${userId} is not part of this OAuth client.`);
  return user;
}
