import type { Deps } from "../services";
import type { CheckEmailVerificationQuery } from "./schemas";

/** Cal.com's extractBaseEmail: the address without its `+tag` (`ada+work@x.com` → `ada@x.com`), trimmed. */
export function baseEmailOf(email: string): string {
  const [local = "", domain = ""] = email.trim().split("@");
  return `${local.split("+")[0]}@${domain}`;
}

/**
 * Whether a booker must verify their email before booking (Cal.com's checkEmailVerificationRequired): the address,
 * without its `+tag`, is the verified primary email of a user who set `requiresBookerEmailVerification`, and it is
 * not the signed-in booker's own (`userSessionEmail`). Cal.com also matches verified secondary emails and skips locked
 * users; this schema has neither.
 */
export async function isEmailVerificationRequired(deps: Deps, query: CheckEmailVerificationQuery): Promise<boolean> {
  const base = baseEmailOf(query.email).toLowerCase();
  if (base === query.userSessionEmail?.toLowerCase()) return false;
  const user = await deps.db.user.findFirst({
    where: { email: base, emailVerified: { not: null }, requiresBookerEmailVerification: true },
    select: { id: true },
  });
  return user !== null;
}
