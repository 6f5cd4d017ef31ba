// The one place tests make what they start from: unique names, the database handle, users with API keys,
// schedules and event types (through the API, as a client would), and platform organizations with their OAuth
// clients and managed users. Resource-specific helpers (bookings.ts, webhooks.ts, …) build on these.
import { env } from "cloudflare:workers";
import { generateApiKey } from "../../src/auth/api-keys";
import { splitPermission } from "../../src/roles/permissions";
import type { MembershipRole } from "../../src/generated/prisma/client";
import { createRoutedDb, createSql, lendHttpDb, lendTransactionalDb, type Db, type TxDb } from "../../src/services/db";
import type { Loan } from "../../src/services/prisma-clients";
import { api, type ApiResult } from "./api";

let counter = 0;
/** A string no other call returns (time, counter, randomness): `unique()` → "mb3x0k2a9f", `unique("meet")` → "meet-mb3x0k2a9f". */
export function unique(prefix?: string): string {
  const id = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return prefix ? `${prefix}-${id}` : id;
}

// ---- Database ----

/** The same database access the app gets; `$disconnect()` closes what it opened. */
export type TestDb = Db & { $disconnect(): Promise<void> };

export function testDb(): TestDb {
  const bindings = env as unknown as { DATABASE_URL: string; NEON_WS_PROXY?: string };
  let reads: Loan<TxDb> | undefined;
  let session: Loan<TxDb> | undefined;
  return createRoutedDb({
    reads: () => {
      reads ??= lendHttpDb(bindings);
      return reads.client;
    },
    session: () => {
      session ??= lendTransactionalDb(bindings);
      return session.client;
    },
    sql: createSql(bindings),
    onDisconnect: async () => {
      const lent = [reads, session];
      reads = session = undefined;
      await Promise.all(lent.map((loan) => loan?.giveBack()));
    },
  });
}

/** Runs `work` with a fresh test database handle, closed afterwards. */
export async function withDb<T>(work: (db: TestDb) => Promise<T>): Promise<T> {
  const db = testDb();
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** Rows straight from the database, for checks the API does not expose. */
export function sql<T = Record<string, unknown>>(query: TemplateStringsArray, ...values: unknown[]): Promise<T[]> {
  return withDb(async (db) => (await db.$queryRaw(query, ...values)) as T[]);
}

/** Fails set-up loudly (status and body) when the API refused what a fixture asked for. */
function created<T>(what: string, res: ApiResult<{ data: T }>): T {
  if (res.status !== 201) throw new Error(`creating ${what} failed: ${res.status} ${res.text}`);
  return res.body.data;
}

// ---- Users ----

export interface Tenant {
  userId: number;
  email: string;
  username: string;
  apiKey: string;
  apiKeyId: string;
}

/** A user with an API key, written straight to the test database. */
export function createTenant(options: { expiresAt?: Date | null; timeZone?: string } = {}): Promise<Tenant> {
  return withDb(async (db) => {
    const id = unique();
    const user = await db.user.create({
      data: { email: `user-${id}@example.com`, username: `user-${id}`, name: `User ${id}`, timeZone: options.timeZone ?? "Europe/London" },
    });
    const { plain, hashedKey } = await generateApiKey("cal_");
    const key = await db.apiKey.create({ data: { userId: user.id, hashedKey, expiresAt: options.expiresAt ?? null } });
    return { userId: user.id, email: user.email, username: user.username!, apiKey: plain, apiKeyId: key.id };
  });
}

// ---- Schedules and event types (through the API) ----

/** Anyone calling with an API key: a tenant, a host, an organization member. */
export interface KeyHolder {
  apiKey: string;
}

export type Availability = Array<{ days: string[]; startTime: string; endTime: string }>;
export const WEEKDAYS_NINE_TO_FIVE: Availability = [{ days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], startTime: "09:00", endTime: "17:00" }];

/** A schedule of `owner` (POST /v2/schedules, 2024-06-11): by default "Work", UTC, default, weekdays 09:00-17:00. */
export async function createSchedule(owner: KeyHolder, body: Record<string, unknown> = {}): Promise<{ id: number } & Record<string, unknown>> {
  const res = await api<{ data: { id: number } & Record<string, unknown> }>("/v2/schedules", {
    method: "POST",
    key: owner.apiKey,
    version: "2024-06-11",
    body: { name: "Work", timeZone: "UTC", isDefault: true, availability: WEEKDAYS_NINE_TO_FIVE, ...body },
  });
  return created("a schedule", res);
}

/**
 * An event type of `owner` (POST /v2/event-types, 2024-06-14): 30 minutes, "Intro call", a unique slug, unless
 * `body` says otherwise. Cal.com's other defaults apply (minimum notice 120 minutes: pass 0 to book right away).
 */
export async function createEventType(owner: KeyHolder, body: Record<string, unknown> = {}): Promise<{ id: number; slug: string } & Record<string, unknown>> {
  const res = await api<{ data: { id: number; slug: string } & Record<string, unknown> }>("/v2/event-types", {
    method: "POST",
    key: owner.apiKey,
    version: "2024-06-14",
    body: { lengthInMinutes: 30, title: "Intro call", slug: unique("meet"), ...body },
  });
  return created("an event type", res);
}

// ---- Platform: organizations with members (written to the database, as Cal.com's dashboard would), then OAuth
// clients and managed users created through the API itself ----

export interface Member {
  userId: number;
  email: string;
  apiKey: string;
}

export interface PlatformOrganization {
  organizationId: number;
  owner: Member;
  /** Adds a user to the organization (accepted unless said otherwise) with an API key. */
  addMember(role: MembershipRole, options?: { accepted?: boolean }): Promise<Member>;
}

function createMember(organizationId: number | null, role: MembershipRole | null, accepted = true): Promise<Member> {
  return withDb(async (db) => {
    const id = unique();
    const user = await db.user.create({
      data: { email: `member-${id}@example.com`, username: `member-${id}`, name: `Member ${id}`, organizationId },
    });
    // Separate writes: the test client speaks Neon's HTTP protocol, which has no transactions for nested writes.
    if (organizationId !== null && role) await db.membership.create({ data: { teamId: organizationId, userId: user.id, role, accepted } });
    const { plain, hashedKey } = await generateApiKey("cal_");
    await db.apiKey.create({ data: { userId: user.id, hashedKey } });
    return { userId: user.id, email: user.email, apiKey: plain };
  });
}

/** A platform organization (isOrganization + isPlatform Team) with an accepted OWNER holding an API key. */
export async function createPlatformOrganization(options: { isPlatform?: boolean } = {}): Promise<PlatformOrganization> {
  const organizationId = await withDb(async (db) => {
    const id = unique();
    const team = await db.team.create({
      data: { name: `Platform ${id}`, slug: `platform-${id}`, isOrganization: true, isPlatform: options.isPlatform ?? true },
    });
    return team.id;
  });
  return {
    organizationId,
    owner: await createMember(organizationId, "OWNER"),
    addMember: (role, memberOptions = {}) => createMember(organizationId, role, memberOptions.accepted ?? true),
  };
}

/** A user outside any organization, with an API key. */
export const createLoneUser = () => createMember(null, null);

export interface CreatedClient {
  clientId: string;
  secret: string;
  /** Headers authenticating as this client on routes without `:clientId` in the path. */
  headers: Record<string, string>;
}

export async function createOAuthClient(
  adminApiKey: string,
  input: { permissions?: string[]; redirectUris?: string[]; name?: string } = {},
): Promise<CreatedClient> {
  const res = await api<{ data: { clientId: string; clientSecret: string } }>("/v2/oauth-clients", {
    key: adminApiKey,
    body: {
      name: input.name ?? `Client ${unique()}`,
      redirectUris: input.redirectUris ?? ["https://app.example.com"],
      permissions: input.permissions ?? ["*"],
    },
  });
  const { clientId, clientSecret } = created("an OAuth client", res);
  return { clientId, secret: clientSecret, headers: { "x-cal-client-id": clientId, "x-cal-secret-key": clientSecret } };
}

export interface CreatedManagedUser {
  id: number;
  email: string;
  accessToken: string;
  refreshToken: string;
  response: ApiResult<ManagedUserCreated>;
}

type ManagedUserCreated = {
  data: { user: { id: number; email: string; username: string | null } & Record<string, unknown>; accessToken: string; refreshToken: string };
};

export async function createManagedUser(client: CreatedClient, input: Record<string, unknown> = {}): Promise<CreatedManagedUser> {
  const res = await api<ManagedUserCreated>(`/v2/oauth-clients/${client.clientId}/users`, {
    headers: { "x-cal-secret-key": client.secret },
    body: { email: `alice-${unique()}@example.com`, name: "Alice", ...input },
  });
  const { user, accessToken, refreshToken } = created("a managed user", res);
  return { id: user.id, email: user.email, accessToken, refreshToken, response: res };
}

export interface Platform {
  org: PlatformOrganization;
  client: CreatedClient;
  user: CreatedManagedUser;
}

/** A platform organization with one OAuth client and one managed user of it: where most platform tests start. */
export async function createPlatform(clientInput: Parameters<typeof createOAuthClient>[1] = {}, userInput: Record<string, unknown> = {}): Promise<Platform> {
  const org = await createPlatformOrganization();
  const client = await createOAuthClient(org.owner.apiKey, clientInput);
  return { org, client, user: await createManagedUser(client, userInput) };
}

// ---- Teams (written to the database, so that slot and booking tests do not depend on the teams API) ----

export interface TeamFixture {
  teamId: number;
  slug: string;
}

/** A standalone team; each of `owners` gets an accepted OWNER membership, each of `members` an accepted MEMBER one. */
export function createTeam(options: { owners?: { userId: number }[]; members?: { userId: number }[]; name?: string } = {}): Promise<TeamFixture> {
  return withDb(async (db) => {
    const slug = unique("team");
    const team = await db.team.create({ data: { name: options.name ?? `Team ${slug}`, slug } });
    const rows = [
      ...(options.owners ?? []).map((u) => ({ teamId: team.id, userId: u.userId, role: "OWNER" as const, accepted: true })),
      ...(options.members ?? []).map((u) => ({ teamId: team.id, userId: u.userId, role: "MEMBER" as const, accepted: true })),
    ];
    if (rows.length > 0) await db.membership.createMany({ data: rows });
    return { teamId: team.id, slug };
  });
}

export interface TeamEventTypeHostFixture {
  userId: number;
  isFixed?: boolean;
  priority?: number;
  weight?: number;
  scheduleId?: number;
}

/**
 * A team event type with its Host rows, written to the database: 30 minutes, no minimum notice, a unique slug,
 * unless `fields` says otherwise (any EventType column).
 */
export function createTeamEventTypeRow(
  teamId: number,
  schedulingType: "ROUND_ROBIN" | "COLLECTIVE" | "MANAGED",
  hosts: TeamEventTypeHostFixture[],
  fields: Record<string, unknown> = {},
): Promise<{ id: number; slug: string }> {
  return withDb(async (db) => {
    const eventType = await db.eventType.create({
      data: { teamId, schedulingType, title: "Team call", slug: unique("team-meet"), length: 30, minimumBookingNotice: 0, ...fields },
      select: { id: true, slug: true },
    });
    if (hosts.length > 0) {
      await db.host.createMany({
        data: hosts.map((h) => ({
          eventTypeId: eventType.id,
          userId: h.userId,
          isFixed: h.isFixed ?? schedulingType === "COLLECTIVE",
          priority: h.priority ?? null,
          weight: h.weight ?? null,
          scheduleId: h.scheduleId ?? null,
        })),
      });
    }
    return eventType;
  });
}

// ---- Teams API (task A: teams, memberships): set-up through the HTTP API itself ----

/** A team created by `owner` (POST /v2/teams): a unique name and slug unless `body` says otherwise. */
export async function createTeamViaApi(ownerKey: string, body: Record<string, unknown> = {}): Promise<{ id: number; slug: string } & Record<string, unknown>> {
  const name = unique("Team");
  const res = await api<{ data: { id: number; slug: string } & Record<string, unknown> }>("/v2/teams", { key: ownerKey, body: { name, ...body } });
  return created("a team", res);
}

/** A membership of `userId` in `teamId`, created by `adminKey` (POST /v2/teams/{teamId}/memberships): accepted MEMBER unless told. */
export async function createTeamMembershipViaApi(
  adminKey: string,
  teamId: number,
  userId: number,
  body: { role?: MembershipRole; accepted?: boolean; disableImpersonation?: boolean } = {},
): Promise<{ id: number; userId: number; role: MembershipRole; accepted: boolean } & Record<string, unknown>> {
  const res = await api<{ data: { id: number; userId: number; role: MembershipRole; accepted: boolean } }>(`/v2/teams/${teamId}/memberships`, {
    key: adminKey,
    body: { userId, accepted: true, ...body },
  });
  return created("a team membership", res);
}

// ---- Team event types ----

/** A membership of `userId` in the team, written to the database (as the memberships API would). */
export function addTeamMembership(teamId: number, userId: number, role: "MEMBER" | "ADMIN" | "OWNER", accepted = true): Promise<void> {
  return withDb(async (db) => {
    await db.membership.create({ data: { teamId, userId, role, accepted } });
  });
}

// ---- Team slots ----

/** An organization (written to the database) with one team inside it; no memberships. */
export function createOrganizationTeam(): Promise<{ organizationId: number; organizationSlug: string; teamId: number; slug: string }> {
  return withDb(async (db) => {
    const organizationSlug = unique("org");
    const organization = await db.team.create({ data: { name: `Org ${organizationSlug}`, slug: organizationSlug, isOrganization: true } });
    const slug = unique("team");
    const team = await db.team.create({ data: { name: `Team ${slug}`, slug, parentId: organization.id } });
    return { organizationId: organization.id, organizationSlug, teamId: team.id, slug };
  });
}

// ---- Team bookings ----

/** An event-type-level webhook written straight to the database (team event types' webhooks API is the teams task's). */
export function createEventTypeWebhookRow(eventTypeId: number, subscriberUrl: string, triggers: string[]): Promise<{ id: string }> {
  return withDb((db) =>
    db.webhook.create({
      data: { eventTypeId, subscriberUrl, active: true, eventTriggers: triggers as never },
      select: { id: true },
    }),
  );
}

/** A managed event type's child for `userId` (Cal.com's copy of the parent template), written to the database. */
export function createManagedChildRow(parent: { id: number; slug: string }, userId: number): Promise<{ id: number }> {
  return withDb((db) =>
    db.eventType.create({
      data: { userId, parentId: parent.id, title: "Team call", slug: parent.slug, length: 30, minimumBookingNotice: 0 },
      select: { id: true },
    }),
  );
}

// ---- Organizations (written to the database, as Cal.com's dashboard would make them) ----

export interface OrgMember extends Member {
  username: string;
  /** The member's Profile in the organization. */
  profileId: number;
}

export interface OrganizationFixture {
  organizationId: number;
  slug: string;
  /** An accepted OWNER with an API key. */
  owner: OrgMember;
  /** Adds a user to the organization (User.organizationId, Profile, membership; accepted unless said otherwise) with an API key. */
  addMember(role: MembershipRole, options?: { accepted?: boolean; email?: string }): Promise<OrgMember>;
  /** Adds a team inside the organization; each member listed gets an accepted membership with the given role. */
  addTeam(members?: { userId: number; role?: MembershipRole; accepted?: boolean }[]): Promise<TeamFixture>;
}

/**
 * An organization ready for the org routes: a non-platform org has the admin API enabled (IsAdminAPIEnabledGuard);
 * a platform org (`isPlatform`) has a subscription on `plan` (PlatformPlanGuard; SCALE unless told, `null` for none).
 */
export async function createOrganization(
  options: { isPlatform?: boolean; plan?: string | null; autoAcceptEmailDomain?: string } = {},
): Promise<OrganizationFixture> {
  const { organizationId, slug } = await withDb(async (db) => {
    const slug = unique("org");
    const org = await db.team.create({ data: { name: `Org ${slug}`, slug, isOrganization: true, isPlatform: options.isPlatform ?? false } });
    await db.organizationSettings.create({
      data: {
        organizationId: org.id,
        isAdminAPIEnabled: true,
        isOrganizationVerified: options.autoAcceptEmailDomain !== undefined,
        orgAutoAcceptEmail: options.autoAcceptEmailDomain ?? "",
      },
    });
    const plan = options.plan === undefined ? "SCALE" : options.plan;
    if (options.isPlatform && plan !== null) await db.platformBilling.create({ data: { id: org.id, plan, subscriptionId: `sub_${slug}` } });
    return { organizationId: org.id, slug };
  });
  const addMember = (role: MembershipRole, memberOptions: { accepted?: boolean; email?: string } = {}) =>
    withDb(async (db) => {
      const id = unique();
      const username = `member-${id}`;
      const user = await db.user.create({
        data: { email: memberOptions.email ?? `member-${id}@example.com`, username, name: `Member ${id}`, organizationId },
      });
      const profile = await db.profile.create({ data: { uid: id, userId: user.id, organizationId, username } });
      await db.membership.create({ data: { teamId: organizationId, userId: user.id, role, accepted: memberOptions.accepted ?? true } });
      const { plain, hashedKey } = await generateApiKey("cal_");
      await db.apiKey.create({ data: { userId: user.id, hashedKey } });
      return { userId: user.id, email: user.email, apiKey: plain, username, profileId: profile.id };
    });
  const addTeam = (members: { userId: number; role?: MembershipRole; accepted?: boolean }[] = []) =>
    withDb(async (db) => {
      const teamSlug = unique("team");
      const team = await db.team.create({ data: { name: `Team ${teamSlug}`, slug: teamSlug, parentId: organizationId } });
      if (members.length > 0) {
        await db.membership.createMany({
          data: members.map((m) => ({ teamId: team.id, userId: m.userId, role: m.role ?? "MEMBER", accepted: m.accepted ?? true })),
        });
      }
      return { teamId: team.id, slug: teamSlug };
    });
  return { organizationId, slug, owner: await addMember("OWNER"), addMember, addTeam };
}

/**
 * An organization with one team and the three callers the org-team guards tell apart: the org OWNER, the team's
 * ADMIN (an org MEMBER) and a plain team MEMBER.
 */
export async function createOrgTeamWithRoles(): Promise<{ orgId: number; teamId: number; owner: OrgMember; teamAdmin: OrgMember; member: OrgMember }> {
  const org = await createOrganization();
  const teamAdmin = await org.addMember("MEMBER");
  const member = await org.addMember("MEMBER");
  const { teamId } = await org.addTeam([
    { userId: teamAdmin.userId, role: "ADMIN" },
    { userId: member.userId, role: "MEMBER" },
  ]);
  return { orgId: org.organizationId, teamId, owner: org.owner, teamAdmin, member };
}

// org managed-orgs
/** A managed organization of `managerOrgId`, created by `adminKey` through the API (a unique name unless `body` says otherwise). */
export async function createManagedOrganizationViaApi(
  adminKey: string,
  managerOrgId: number,
  body: Record<string, unknown> = {},
): Promise<{ id: number; name: string; slug: string; apiKey: string; metadata?: Record<string, unknown> }> {
  const res = await api<{ data: { id: number; name: string; slug: string; apiKey: string } }>(`/v2/organizations/${managerOrgId}/organizations`, {
    key: adminKey,
    body: { name: unique("Managed"), ...body },
  });
  return created("a managed organization", res);
}

// org org-bookings
/** An event type row: a team's (`teamId`) or a user's personal one (`userId`), written to the database. */
export function insertEventTypeRow(owner: { teamId?: number; userId?: number }, title = "Call"): Promise<{ id: number; slug: string }> {
  return withDb((db) =>
    db.eventType.create({
      data: { ...owner, title, slug: unique("et"), length: 30, ...(owner.teamId ? { schedulingType: "COLLECTIVE" as const } : {}) },
      select: { id: true, slug: true },
    }),
  );
}

export interface BookingRowInput {
  userId: number | null;
  eventTypeId: number | null;
  start: Date;
  title?: string;
  status?: "ACCEPTED" | "PENDING" | "CANCELLED" | "REJECTED";
  attendees?: { name: string; email: string }[];
}

/** A booking written to the database (accepted, 30 minutes, one attendee unless told), as a calendar sync would. */
export function insertBookingRow(input: BookingRowInput): Promise<{ id: number; uid: string }> {
  return withDb((db) =>
    db.booking.create({
      data: {
        uid: unique("bk"),
        userId: input.userId,
        eventTypeId: input.eventTypeId,
        title: input.title ?? "Meeting",
        status: input.status ?? "ACCEPTED",
        startTime: input.start,
        endTime: new Date(input.start.getTime() + 30 * 60_000),
        attendees: {
          create: (input.attendees ?? [{ name: "Guest", email: `${unique("guest")}@example.com` }]).map((a) => ({ ...a, timeZone: "UTC" })),
        },
      },
      select: { id: true, uid: true },
    }),
  );
}

// ---- Governance: PBAC (written to the database) ----

/** Switches Cal.com's `pbac` feature on for a team or organization: custom roles then decide on guarded routes. */
export function enablePbac(teamId: number): Promise<void> {
  return withDb(async (db) => {
    await db.teamFeatures.create({ data: { teamId, featureId: "pbac" } });
  });
}

/** A CUSTOM role of a team or organization granting `permissions` ("resource.action"), written to the database. */
export function createCustomRoleRow(teamId: number, permissions: string[], name = unique("Role")): Promise<{ id: string }> {
  return withDb(async (db) => {
    const role = await db.role.create({ data: { name, teamId, type: "CUSTOM" }, select: { id: true } });
    if (permissions.length > 0) {
      await db.rolePermission.createMany({
        data: permissions.map((permission) => ({ roleId: role.id, ...splitPermission(permission) })),
      });
    }
    return role;
  });
}

/** Gives `userId`'s membership of `teamId` a custom role (null: back to the SYSTEM role of its MEMBER/ADMIN/OWNER role). */
export function assignCustomRole(teamId: number, userId: number, roleId: string | null): Promise<void> {
  return withDb(async (db) => {
    await db.membership.update({ where: { userId_teamId: { userId, teamId } }, data: { customRoleId: roleId } });
  });
}

// org routing-forms
/** A routing form row (forms are made in Cal.com's web app, not through the API): Cal.com's JSON `fields` and `routes`. */
export function createRoutingFormRow(input: {
  userId: number;
  teamId?: number | null;
  fields: unknown[];
  routes: unknown[];
  name?: string;
  disabled?: boolean;
}): Promise<{ id: string }> {
  return withDb((db) =>
    db.app_RoutingForms_Form.create({
      data: {
        name: input.name ?? unique("Form"),
        userId: input.userId,
        teamId: input.teamId ?? null,
        fields: input.fields as never,
        routes: input.routes as never,
        disabled: input.disabled ?? false,
      },
      select: { id: true },
    }),
  );
}

/** A stored response of a routing form, written to the database. */
export function createRoutingFormResponseRow(formId: string, response: Record<string, unknown>, createdAt?: Date): Promise<{ id: number }> {
  return withDb((db) =>
    db.app_RoutingForms_FormResponse.create({ data: { formId, response: response as never, ...(createdAt ? { createdAt } : {}) }, select: { id: true } }),
  );
}
// org routing-forms end

// ---- Workflows (written to the database; the CRUD API is built separately) ----

export interface WorkflowRowInput {
  /** A team's workflow (teamId) or a user's (userId). */
  teamId?: number;
  userId?: number;
  trigger: "BEFORE_EVENT" | "AFTER_EVENT" | "NEW_EVENT" | "EVENT_CANCELLED" | "RESCHEDULE_EVENT" | "BOOKING_REQUESTED" | "BOOKING_REJECTED";
  /** EVENT_TYPE unless told (a ROUTING_FORM workflow never applies to bookings). */
  type?: "EVENT_TYPE" | "ROUTING_FORM";
  time?: number;
  timeUnit?: "DAY" | "HOUR" | "MINUTE";
  /** Event types it is active on; `activeOnAll` instead makes it apply to all of its owner's. */
  eventTypeIds?: number[];
  activeOnAll?: boolean;
  steps: {
    /** Its position in the list unless told (steps are created in list order, so ids need not follow it). */
    stepNumber?: number;
    action: "EMAIL_HOST" | "EMAIL_ATTENDEE" | "EMAIL_ADDRESS" | "SMS_ATTENDEE" | "SMS_NUMBER" | "WHATSAPP_ATTENDEE";
    sendTo?: string;
    emailSubject?: string;
    reminderBody?: string;
  }[];
}

/** A workflow with its steps and event types, as Cal.com stores them. Answers its id and step ids (in order). */
export function insertWorkflowRow(input: WorkflowRowInput): Promise<{ id: number; stepIds: number[] }> {
  return withDb(async (db) => {
    const workflow = await db.workflow.create({
      data: {
        name: unique("Workflow"),
        teamId: input.teamId ?? null,
        userId: input.userId ?? null,
        trigger: input.trigger,
        time: input.time ?? null,
        timeUnit: input.timeUnit ?? null,
        isActiveOnAll: input.activeOnAll ?? false,
        type: input.type ?? "EVENT_TYPE",
        steps: { create: input.steps.map((step, index) => ({ stepNumber: index + 1, template: "CUSTOM" as const, ...step })) },
        activeOn: { create: (input.eventTypeIds ?? []).map((eventTypeId) => ({ eventTypeId })) },
      },
      select: { id: true, steps: { select: { id: true }, orderBy: { stepNumber: "asc" } } },
    });
    return { id: workflow.id, stepIds: workflow.steps.map((s) => s.id) };
  });
}
