// Orgs / Delegation Credentials (Cal.com's OrganizationsDelegationCredentialController and the trpc handlers it
// calls): an organization's Google Workspace / Microsoft 365 service account, stored for a domain. Guards as
// Cal.com's: org ADMIN (or, where PBAC is on, `organization.update`) and the SCALE plan for platform orgs.
//
// Fixed here: Cal.com's PATCH finds the credential by id alone, so an admin of one organization could replace
// (and disable) another organization's service account key; here the credential must be the path org's (404
// otherwise). The key is stored encrypted and never answered.
import type { Actor } from "../auth/principal";
import type { Prisma } from "../generated/prisma/client";
import { type OrgRouteRequirement, requireOrgAccess } from "../organizations/access";
import type { Deps } from "../services";
import { isUniqueViolation } from "../teams/store";
import { delegationCredentialNotFound, domainAlreadyConfigured, domainEnabledElsewhere, keyDoesNotFitPlatform, workspacePlatformNotFound } from "./errors";
import { encryptServiceAccountKey } from "./key";
import { type DelegationCredentialOutput, delegationCredentialSelect, toDelegationCredentialOutput } from "./output";
import type { CreateDelegationCredentialInput, ServiceAccountKeyInput, UpdateDelegationCredentialInput } from "./schemas";

const GUARDS: OrgRouteRequirement = { role: "ORG_ADMIN", permissions: ["organization.update"], plan: "SCALE" };

/** The key kind each workspace platform takes (Cal.com's slugs); other platforms take either. */
const KEY_KIND: Record<string, "Google" | "Microsoft"> = { google: "Google", office365: "Microsoft" };

function checkKeyFits(slug: string, key: ServiceAccountKeyInput): void {
  const expected = KEY_KIND[slug];
  if (!expected) return;
  const kind = "client_email" in key ? "Google" : "Microsoft";
  if (kind !== expected) throw keyDoesNotFitPlatform(slug, expected);
}

/**
 * Cal.com's ensureDelegationCredentialNotAlreadyConfigured: one credential per domain in an organization, and a
 * domain enabled in another organization cannot be claimed.
 */
async function checkDomainFree(deps: Deps, orgId: number, domain: string, exceptId: string | null): Promise<void> {
  const others = await deps.db.delegationCredential.findMany({ where: { domain }, select: { id: true, organizationId: true, enabled: true } });
  if (others.some((other) => other.organizationId === orgId && other.id !== exceptId)) throw domainAlreadyConfigured(domain);
  if (others.some((other) => other.organizationId !== orgId && other.enabled)) throw domainEnabledElsewhere(domain);
}

/** Stores a new delegation credential, disabled (Cal.com enables it in a separate step). */
export async function createDelegationCredential(
  deps: Deps,
  actor: Actor,
  { orgId, body }: { orgId: number; body: CreateDelegationCredentialInput },
): Promise<DelegationCredentialOutput> {
  await requireOrgAccess(deps, actor, orgId, GUARDS);
  const { workspacePlatformSlug, domain, serviceAccountKey } = body;
  const platform = await deps.db.workspacePlatform.findUnique({ where: { slug: workspacePlatformSlug }, select: { id: true } });
  if (!platform) throw workspacePlatformNotFound(workspacePlatformSlug);
  checkKeyFits(workspacePlatformSlug, serviceAccountKey);
  await checkDomainFree(deps, orgId, domain, null);
  const stored = await encryptServiceAccountKey(deps, serviceAccountKey);
  try {
    const row = await deps.db.delegationCredential.create({
      data: {
        workspacePlatformId: platform.id,
        organizationId: orgId,
        domain,
        enabled: false,
        serviceAccountKey: stored as unknown as Prisma.InputJsonValue,
      },
      select: delegationCredentialSelect,
    });
    return toDelegationCredentialOutput(row);
  } catch (error) {
    // Two concurrent creates for one domain: the (organizationId, domain) unique index decides.
    if (isUniqueViolation(error)) throw domainAlreadyConfigured(domain);
    throw error;
  }
}

/**
 * Replaces the service account key (which disables the credential, as in Cal.com: the new key has not been
 * checked) and/or switches it on or off, recording `lastEnabledAt` / `lastDisabledAt` on a change. Enabling
 * re-checks that no other organization has the domain enabled.
 */
export async function updateDelegationCredential(
  deps: Deps,
  actor: Actor,
  { orgId, credentialId, body }: { orgId: number; credentialId: string; body: UpdateDelegationCredentialInput },
): Promise<DelegationCredentialOutput> {
  await requireOrgAccess(deps, actor, orgId, GUARDS);
  const current = await deps.db.delegationCredential.findFirst({
    where: { id: credentialId, organizationId: orgId },
    select: { id: true, enabled: true, domain: true, workspacePlatform: { select: { slug: true } } },
  });
  if (!current) throw delegationCredentialNotFound(credentialId);

  const data: Prisma.DelegationCredentialUpdateInput = {};
  let enabled = current.enabled;
  if (body.serviceAccountKey !== undefined) {
    checkKeyFits(current.workspacePlatform.slug, body.serviceAccountKey);
    data.serviceAccountKey = (await encryptServiceAccountKey(deps, body.serviceAccountKey)) as unknown as Prisma.InputJsonValue;
    data.enabled = false;
    enabled = false;
  }
  if (body.enabled !== undefined && body.enabled !== enabled) {
    if (body.enabled) await checkDomainFree(deps, orgId, current.domain, current.id);
    data.enabled = body.enabled;
  }
  const now = new Date(deps.now());
  if (data.enabled !== undefined && data.enabled !== current.enabled) {
    if (data.enabled) data.lastEnabledAt = now;
    else data.lastDisabledAt = now;
  }
  const row =
    Object.keys(data).length > 0
      ? await deps.db.delegationCredential.update({ where: { id: current.id }, data, select: delegationCredentialSelect })
      : await deps.db.delegationCredential.findUniqueOrThrow({ where: { id: current.id }, select: delegationCredentialSelect });
  return toDelegationCredentialOutput(row);
}
