import { ApiError, badRequest, conflict, forbidden } from "../errors";

// The messages managed organizations answer (Cal.com's ManagedOrganizationsService and its guard), one factory each.

export const managerNotPlatform = () =>
  new ApiError("ForbiddenException", "Manager organization must be a platform organization. Normal organizations can't create managed organizations yet.");

export const managedOrganizationSlugTaken = (slug: string) =>
  conflict(
    `Organization with slug '${slug}' already exists. Please, either provide a different slug or change name so that the automatically generated slug is different.`,
  );

// Ours: a name with no letter or digit gives no slug (Cal.com would store an empty one).
export const slugNotDerivable = () => badRequest("slug - could not be derived from name; pass a slug");

export const managedOrganizationNotOwned = (managedOrganizationId: number, managerOrganizationId: number) =>
  forbidden(
    "IsManagedOrgInManagerOrg",
    `Managed organization with id=${managedOrganizationId} is not owned by manager organization with id=${managerOrganizationId}.`,
  );
