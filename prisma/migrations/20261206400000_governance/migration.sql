-- Organization governance: roles and permissions (with Cal.com's three seeded SYSTEM roles), team features,
-- attributes of org members, routing forms and their responses.

-- CreateEnum
CREATE TYPE "RoleType" AS ENUM ('SYSTEM', 'CUSTOM');
CREATE TYPE "AttributeType" AS ENUM ('TEXT', 'NUMBER', 'SINGLE_SELECT', 'MULTI_SELECT');

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT,
    "description" TEXT,
    "teamId" INTEGER,
    "type" "RoleType" NOT NULL DEFAULT 'CUSTOM',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Role_name_teamId_key" ON "Role"("name", "teamId");
CREATE INDEX "Role_teamId_idx" ON "Role"("teamId");
ALTER TABLE "Role" ADD CONSTRAINT "Role_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "RolePermission" (
    "id" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RolePermission_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RolePermission_roleId_resource_action_key" ON "RolePermission"("roleId", "resource", "action");
CREATE INDEX "RolePermission_roleId_idx" ON "RolePermission"("roleId");
ALTER TABLE "RolePermission" ADD CONSTRAINT "RolePermission_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Cal.com's SYSTEM roles and their permissions (migration 20250522083627_update_memberships_to_new_roles).
-- Unlike Cal.com, no trigger copies Membership.role into customRoleId: a null customRoleId means the SYSTEM
-- role of the membership's role, so a custom role survives a role change.
INSERT INTO "Role" ("id", "name", "description", "type") VALUES
    ('owner_role', 'Owner', 'Full access to all resources', 'SYSTEM'),
    ('admin_role', 'Admin', 'Administrative access to most resources', 'SYSTEM'),
    ('member_role', 'Member', 'Basic member access', 'SYSTEM');
INSERT INTO "RolePermission" ("id", "roleId", "resource", "action") VALUES (gen_random_uuid(), 'owner_role', '*', '*');
INSERT INTO "RolePermission" ("id", "roleId", "resource", "action")
SELECT gen_random_uuid(), 'admin_role', resource, action FROM (VALUES
    ('eventType', 'create'), ('eventType', 'read'), ('eventType', 'update'), ('eventType', 'delete'),
    ('role', 'create'), ('role', 'read'), ('role', 'update'), ('role', 'delete'),
    ('team', 'create'), ('team', 'read'), ('team', 'update'), ('team', 'invite'), ('team', 'remove'), ('team', 'changeMemberRole'),
    ('organization', 'read'), ('organization', 'update'), ('organization', 'listMembers'), ('organization', 'invite'),
    ('organization', 'remove'), ('organization', 'manageBilling'), ('organization', 'changeMemberRole'),
    ('booking', 'read'), ('booking', 'update'), ('booking', 'readTeamBookings'), ('booking', 'readOrgBookings'), ('booking', 'readRecordings'),
    ('insights', 'read'),
    ('availability', 'read'), ('availability', 'update'), ('availability', 'override'),
    ('workflow', 'create'), ('workflow', 'read'), ('workflow', 'update'), ('workflow', 'delete'),
    ('routingForm', 'create'), ('routingForm', 'read'), ('routingForm', 'update'), ('routingForm', 'delete'),
    ('apiKey', 'create'), ('apiKey', 'read'), ('apiKey', 'delete'), ('apiKey', 'findKeyOfType')
) AS permissions(resource, action);
INSERT INTO "RolePermission" ("id", "roleId", "resource", "action")
SELECT gen_random_uuid(), 'member_role', resource, action FROM (VALUES
    ('eventType', 'read'), ('team', 'read'), ('role', 'read'), ('organization', 'read'), ('organization', 'listMembers'),
    ('booking', 'read'), ('booking', 'update'), ('availability', 'read'), ('availability', 'update'),
    ('workflow', 'read'), ('routingForm', 'read')
) AS permissions(resource, action);

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "customRoleId" TEXT;
CREATE INDEX "Membership_customRoleId_idx" ON "Membership"("customRoleId");
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_customRoleId_fkey" FOREIGN KEY ("customRoleId") REFERENCES "Role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "TeamFeatures" (
    "teamId" INTEGER NOT NULL,
    "featureId" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignedBy" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "TeamFeatures_pkey" PRIMARY KEY ("teamId", "featureId")
);
ALTER TABLE "TeamFeatures" ADD CONSTRAINT "TeamFeatures_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "Attribute" (
    "id" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,
    "type" "AttributeType" NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "usersCanEditRelation" BOOLEAN NOT NULL DEFAULT false,
    "isWeightsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "isLocked" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attribute_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Attribute_teamId_slug_key" ON "Attribute"("teamId", "slug");
CREATE INDEX "Attribute_teamId_idx" ON "Attribute"("teamId");
ALTER TABLE "Attribute" ADD CONSTRAINT "Attribute_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "AttributeOption" (
    "id" TEXT NOT NULL,
    "attributeId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "isGroup" BOOLEAN NOT NULL DEFAULT false,
    "contains" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "AttributeOption_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AttributeOption_attributeId_idx" ON "AttributeOption"("attributeId");
ALTER TABLE "AttributeOption" ADD CONSTRAINT "AttributeOption_attributeId_fkey" FOREIGN KEY ("attributeId") REFERENCES "Attribute"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "AttributeToUser" (
    "id" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "attributeOptionId" TEXT NOT NULL,
    "weight" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,
    "updatedAt" TIMESTAMP(3),
    "updatedById" INTEGER,

    CONSTRAINT "AttributeToUser_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AttributeToUser_memberId_attributeOptionId_key" ON "AttributeToUser"("memberId", "attributeOptionId");
CREATE INDEX "AttributeToUser_attributeOptionId_idx" ON "AttributeToUser"("attributeOptionId");
ALTER TABLE "AttributeToUser" ADD CONSTRAINT "AttributeToUser_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AttributeToUser" ADD CONSTRAINT "AttributeToUser_attributeOptionId_fkey" FOREIGN KEY ("attributeOptionId") REFERENCES "AttributeOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "App_RoutingForms_Form" (
    "id" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "routes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "name" TEXT NOT NULL,
    "fields" JSONB,
    "userId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSONB,

    CONSTRAINT "App_RoutingForms_Form_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "App_RoutingForms_Form_userId_idx" ON "App_RoutingForms_Form"("userId");
CREATE INDEX "App_RoutingForms_Form_teamId_idx" ON "App_RoutingForms_Form"("teamId");
ALTER TABLE "App_RoutingForms_Form" ADD CONSTRAINT "App_RoutingForms_Form_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "App_RoutingForms_Form" ADD CONSTRAINT "App_RoutingForms_Form_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "App_RoutingForms_FormResponse" (
    "id" SERIAL NOT NULL,
    "formFillerId" TEXT NOT NULL,
    "formId" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    "routedToBookingUid" TEXT,
    "chosenRouteId" TEXT,

    CONSTRAINT "App_RoutingForms_FormResponse_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "App_RoutingForms_FormResponse_routedToBookingUid_key" ON "App_RoutingForms_FormResponse"("routedToBookingUid");
CREATE UNIQUE INDEX "App_RoutingForms_FormResponse_formFillerId_formId_key" ON "App_RoutingForms_FormResponse"("formFillerId", "formId");
CREATE INDEX "App_RoutingForms_FormResponse_formId_idx" ON "App_RoutingForms_FormResponse"("formId");
ALTER TABLE "App_RoutingForms_FormResponse" ADD CONSTRAINT "App_RoutingForms_FormResponse_formId_fkey" FOREIGN KEY ("formId") REFERENCES "App_RoutingForms_Form"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "App_RoutingForms_QueuedFormResponse" (
    "id" TEXT NOT NULL,
    "formId" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "chosenRouteId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    "actualResponseId" INTEGER,

    CONSTRAINT "App_RoutingForms_QueuedFormResponse_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "App_RoutingForms_QueuedFormResponse_actualResponseId_key" ON "App_RoutingForms_QueuedFormResponse"("actualResponseId");
CREATE INDEX "App_RoutingForms_QueuedFormResponse_formId_idx" ON "App_RoutingForms_QueuedFormResponse"("formId");
ALTER TABLE "App_RoutingForms_QueuedFormResponse" ADD CONSTRAINT "App_RoutingForms_QueuedFormResponse_formId_fkey" FOREIGN KEY ("formId") REFERENCES "App_RoutingForms_Form"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "App_RoutingForms_QueuedFormResponse" ADD CONSTRAINT "App_RoutingForms_QueuedFormResponse_actualResponseId_fkey" FOREIGN KEY ("actualResponseId") REFERENCES "App_RoutingForms_FormResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;
