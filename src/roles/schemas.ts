import { z } from "@hono/zod-openapi";
import { paginationQuery } from "../http/common";
import { ORGANIZATION_PERMISSIONS, TEAM_PERMISSIONS } from "./catalogue";

// The role operations' inputs (Cal.com's CreateOrgRoleInput / UpdateOrgRoleInput and their team twins). Both
// scopes take the same fields; only the permission strings allowed differ, which the service checks against
// src/roles/catalogue.ts so the 400 carries Cal.com's own message. Unknown keys are dropped.

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

const RoleNameSchema = z
  .string({ error: "name must be a string" })
  .min(1, "name must not be empty")
  .max(255, "name must be at most 255 characters")
  .refine((name) => name.trim().length > 0, "name must not be blank")
  .openapi({ description: "Name of the role", example: "Booking manager" });

// Cal.com stores any string; the contract says a hex code, which is what its dashboard writes. "" clears it.
const RoleColorSchema = z
  .string({ error: "color must be a string" })
  .refine((color) => color === "" || HEX_COLOR.test(color), "color must be a hex color such as #FF6600")
  .openapi({ description: "Color for the role (hex code)", example: "#FF6600" });

const RoleDescriptionSchema = z
  .string({ error: "description must be a string" })
  .max(1000, "description must be at most 1000 characters")
  .openapi({ description: "Description of the role" });

const permissionsOf = (allowed: readonly string[]) =>
  z
    .array(
      z
        .string({ error: "each permission must be a string" })
        .max(100)
        .openapi({ enum: [...allowed] }),
      { error: "permissions must be an array of strings" },
    )
    .max(200, "permissions must list at most 200 permissions")
    .openapi({
      description:
        "Permissions for this role (format: resource.action). On update, this field replaces the entire permission set for the role (full replace). Use granular permission endpoints for one-by-one changes.",
      example: ["eventType.read", "eventType.create", "booking.read"],
    });

const createInput = (allowed: readonly string[]) =>
  z.object({
    color: RoleColorSchema.optional(),
    description: RoleDescriptionSchema.optional(),
    permissions: permissionsOf(allowed).optional(),
    name: RoleNameSchema,
  });
const updateInput = (allowed: readonly string[]) => createInput(allowed).partial();

export const CreateOrgRoleInputSchema = createInput(ORGANIZATION_PERMISSIONS).openapi("CreateOrgRoleInput");
export const UpdateOrgRoleInputSchema = updateInput(ORGANIZATION_PERMISSIONS).openapi("UpdateOrgRoleInput");
export const CreateTeamRoleInputSchema = createInput(TEAM_PERMISSIONS).openapi("CreateTeamRoleInput");
export const UpdateTeamRoleInputSchema = updateInput(TEAM_PERMISSIONS).openapi("UpdateTeamRoleInput");

export type CreateRoleInput = z.infer<typeof CreateOrgRoleInputSchema>;
export type UpdateRoleInput = z.infer<typeof UpdateOrgRoleInputSchema>;

/** Cal.com's SkipTakePagination on the role lists: take 1–250 (default 250), skip from 0. */
export const ListRolesQuerySchema = paginationQuery({ take: 250 });
export type ListRolesQuery = z.infer<typeof ListRolesQuerySchema>;
