// Cal.com's messages for Orgs / Delegation Credentials (v2/modules/organizations/delegation-credentials/* and the
// trpc handlers they call, packages/trpc/server/routers/viewer/delegationCredential/*).
import { ApiError, badRequest, notFound } from "../errors";

export const workspacePlatformNotFound = (slug: string) => notFound(`Workspace platform ${slug} not found`);
export const delegationCredentialNotFound = (id: string) => notFound(`DelegationCredential with id ${id} not found`);
export const domainAlreadyConfigured = (domain: string) => badRequest(`Your organization already has delegation credential for ${domain}`);
export const domainEnabledElsewhere = (domain: string) => badRequest(`Domain ${domain} already has delegation credential enabled in another organization`);
export const INVALID_SERVICE_ACCOUNT_KEY =
  "Service account key must be either a Google service account key (with client_email, private_key, client_id) or Microsoft service account key (with tenant_id, private_key, client_id)";
// Ours: a key of the other provider for the platform (Cal.com stores it and fails when it is used).
export const keyDoesNotFitPlatform = (slug: string, expected: string) => badRequest(`Workspace platform ${slug} needs a ${expected} service account key`);
export const serviceAccountKeyNotConfigured = () => new ApiError("InternalServerErrorException", "CALCOM_SERVICE_ACCOUNT_ENCRYPTION_KEY is not configured");
