// Tenant isolation over every `/v2/organizations/{orgId}…` operation (issue 15: "a second org's admin gets 403/404
// on each"), generated from routes/index.ts like test/http/security/operations.test.ts. Two organizations are built
// with one real row of every kind a path can name; the test files then call each operation once per case:
//   - another org's admin: org B's admin on org A's id and A's own child ids → 403;
//   - a foreign child id: org A's admin on A's id with one child id of org B (the others A's) → 403 or 404.
// Never a 2xx, never a body with the other org's data. A path param nobody mapped below, or a body-carrying
// operation without a body below, fails the test: a new route cannot slip through unmapped.
import { expect } from "vitest";
import { operations } from "../../routes/index";
import { generateApiKey } from "../../src/auth/api-keys";
import type { Operation } from "../../src/operation";
import { type ApiResult, api } from "./api";
import { createManagedOrganizationViaApi, createOrganization, createTeamEventTypeRow, type OrgMember, unique, withDb } from "./fixtures";

/** One organization with a real row behind every child id an org path can carry. */
export interface IsolationTenant {
  orgId: number;
  /** The org's OWNER, who calls in the cases. */
  admin: OrgMember;
  /**
   * The OWNER's API keys (the first is `admin.apiKey`): the cases take turns with them, so a file of more cases than
   * one key's rate limit (RATE_LIMIT_API_KEY a minute) never meets a 429.
   */
  adminKeys: string[];
  /** An accepted MEMBER of the org and of its team, host of the team's event type. */
  member: OrgMember;
  teamId: number;
  teamMembershipId: number;
  orgMembershipId: number;
  eventTypeId: number;
  linkId: string;
  scheduleId: number;
  webhookId: string;
  oooId: number;
  bookingUid: string;
  managedOrganizationId: number;
  /** A custom role of the org, and one of its team. */
  orgRoleId: string;
  teamRoleId: string;
  /** A routing form of the org's team and one of its responses. */
  routingFormId: string;
  responseId: number;
  /** A SINGLE_SELECT attribute of the org, its option, assigned to the member. */
  attributeId: string;
  attributeSlug: string;
  optionId: string;
  /** A workflow of the org's team. */
  workflowId: number;
  /** A delegation credential of the org (Google, disabled). */
  delegationCredentialId: string;
  /** A verified email and a verified phone number of the org's team. */
  verifiedEmailId: number;
  verifiedPhoneId: number;
  /** Strings that appear only in this tenant's data: no answer to the other tenant may contain one. */
  markers: string[];
}

/** A platform organization on the SCALE plan (every org guard passes for its admins) and its rows. */
export async function createIsolationTenant(label: string): Promise<IsolationTenant> {
  const tok = unique(`iso${label}`);
  const org = await createOrganization({ isPlatform: true });
  const member = await org.addMember("MEMBER");
  const team = await org.addTeam([{ userId: member.userId }]);
  const eventType = await createTeamEventTypeRow(team.teamId, "COLLECTIVE", [{ userId: member.userId }], { title: `Call ${tok}` });
  const managed = await createManagedOrganizationViaApi(org.owner.apiKey, org.organizationId, { name: `Managed ${tok}` });
  const rows = await withDb(async (db) => {
    const membership = (teamId: number) =>
      db.membership.findUniqueOrThrow({ where: { userId_teamId: { userId: member.userId, teamId } }, select: { id: true } });
    const link = await db.hashedLink.create({ data: { link: tok.replace(/-/g, ""), eventTypeId: eventType.id }, select: { link: true } });
    const schedule = await db.schedule.create({ data: { userId: member.userId, name: `Hours ${tok}`, timeZone: "UTC" }, select: { id: true } });
    const webhook = await db.webhook.create({
      data: { teamId: org.organizationId, subscriberUrl: `https://hooks.example.com/${tok}`, eventTriggers: ["BOOKING_CREATED"] as never },
      select: { id: true },
    });
    const ooo = await db.outOfOfficeEntry.create({
      data: {
        uuid: crypto.randomUUID(),
        userId: member.userId,
        start: new Date("2031-03-03T00:00:00.000Z"),
        end: new Date("2031-03-04T23:59:59.999Z"),
        notes: `Away ${tok}`,
      },
      select: { id: true },
    });
    const booking = await db.booking.create({
      data: {
        uid: tok.replace(/-/g, ""),
        userId: member.userId,
        eventTypeId: eventType.id,
        title: `Booking ${tok}`,
        startTime: new Date("2031-03-10T10:00:00.000Z"),
        endTime: new Date("2031-03-10T10:30:00.000Z"),
      },
      select: { uid: true },
    });
    const role = (teamId: number, name: string) =>
      db.role.create({ data: { name, teamId, type: "CUSTOM", permissions: { create: { resource: "booking", action: "read" } } }, select: { id: true } });
    const form = await db.app_RoutingForms_Form.create({
      data: {
        name: `Form ${tok}`,
        userId: org.owner.userId,
        teamId: team.teamId,
        fields: [{ id: "f-name", type: "text", label: "Name", identifier: "name", required: false }] as never,
        routes: [
          { id: "r-fallback", action: { type: "customPageMessage", value: "Thanks" }, isFallback: true, queryValue: { id: "q", type: "group" } },
        ] as never,
      },
      select: { id: true },
    });
    const response = await db.app_RoutingForms_FormResponse.create({
      data: { formId: form.id, response: { "f-name": { label: "Name", value: `Visitor ${tok}` } } as never },
      select: { id: true },
    });
    const attribute = await db.attribute.create({
      data: { teamId: org.organizationId, type: "SINGLE_SELECT", name: `Department ${tok}`, slug: `department-${tok}` },
      select: { id: true, slug: true },
    });
    const option = await db.attributeOption.create({ data: { attributeId: attribute.id, value: `Sales ${tok}`, slug: `sales-${tok}` }, select: { id: true } });
    await db.attributeToUser.create({ data: { memberId: (await membership(org.organizationId)).id, attributeOptionId: option.id } });
    const workflow = await db.workflow.create({
      data: { name: `Workflow ${tok}`, teamId: team.teamId, trigger: "BEFORE_EVENT", time: 24, timeUnit: "HOUR" },
      select: { id: true },
    });
    // Cal.com's admins make the workspace platforms; test files (and tenants made at once) share the row.
    await db.$executeRaw`
      INSERT INTO "WorkspacePlatform" ("slug", "name", "description", "defaultServiceAccountKey", "enabled", "updatedAt")
      VALUES ('google', 'Google Workspace', 'Google Workspace', '{}'::jsonb, true, now()) ON CONFLICT ("slug") DO NOTHING`;
    const platform = await db.workspacePlatform.findUniqueOrThrow({ where: { slug: "google" }, select: { id: true } });
    const delegation = await db.delegationCredential.create({
      data: { workspacePlatformId: platform.id, organizationId: org.organizationId, domain: `${tok.toLowerCase()}.example.com`, serviceAccountKey: {} },
      select: { id: true },
    });
    const verifiedEmail = await db.verifiedEmail.create({ data: { teamId: team.teamId, email: `${tok}@example.com` }, select: { id: true } });
    const verifiedPhone = await db.verifiedNumber.create({ data: { teamId: team.teamId, phoneNumber: "+15550001234" }, select: { id: true } });
    return {
      delegationCredentialId: delegation.id,
      verifiedEmailId: verifiedEmail.id,
      verifiedPhoneId: verifiedPhone.id,
      workflowId: workflow.id,
      attributeId: attribute.id,
      attributeSlug: attribute.slug,
      optionId: option.id,
      routingFormId: form.id,
      responseId: response.id,
      orgRoleId: (await role(org.organizationId, `Org role ${tok}`)).id,
      teamRoleId: (await role(team.teamId, `Team role ${tok}`)).id,
      teamMembershipId: (await membership(team.teamId)).id,
      orgMembershipId: (await membership(org.organizationId)).id,
      linkId: link.link,
      scheduleId: schedule.id,
      webhookId: webhook.id,
      oooId: ooo.id,
      bookingUid: booking.uid,
    };
  });
  const extraKeys = await withDb(async (db) => {
    const keys: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { plain, hashedKey } = await generateApiKey("cal_");
      await db.apiKey.create({ data: { userId: org.owner.userId, hashedKey } });
      keys.push(plain);
    }
    return keys;
  });
  return {
    orgId: org.organizationId,
    admin: org.owner,
    adminKeys: [org.owner.apiKey, ...extraKeys],
    member,
    teamId: team.teamId,
    eventTypeId: eventType.id,
    managedOrganizationId: managed.id,
    ...rows,
    markers: [tok, org.slug, team.slug, member.username, org.owner.username],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Path params → the tenant's row they name. The context of a param (the path before it) picks the row where one
// name means two things (`membershipId`: a team's or the org's).

type Resolver = (tenant: IsolationTenant, path: string) => string | number;

const CHILD_PARAMS: Record<string, Resolver> = {
  teamId: (t) => t.teamId,
  userId: (t) => t.member.userId,
  membershipId: (t, path) => (path.includes("/teams/{teamId}/memberships/{membershipId}") ? t.teamMembershipId : t.orgMembershipId),
  eventTypeId: (t) => t.eventTypeId,
  linkId: (t) => t.linkId,
  scheduleId: (t) => t.scheduleId,
  webhookId: (t) => t.webhookId,
  oooId: (t) => t.oooId,
  bookingUid: (t) => t.bookingUid,
  managedOrganizationId: (t) => t.managedOrganizationId,
  roleId: (t, path) => (path.includes("/teams/{teamId}/roles/{roleId}") ? t.teamRoleId : t.orgRoleId),
  // Not an id: the same permission string in both orgs (the role id beside it is what belongs to one org).
  permission: () => "booking.read",
  attributeId: (t) => t.attributeId,
  attributeSlug: (t) => t.attributeSlug,
  optionId: (t) => t.optionId,
  attributeOptionId: (t) => t.optionId,
  routingFormId: (t) => t.routingFormId,
  responseId: (t) => t.responseId,
  workflowId: (t) => t.workflowId,
  credentialId: (t) => t.delegationCredentialId,
  id: (t, path) => (path.includes("/verified-resources/phones/") ? t.verifiedPhoneId : t.verifiedEmailId),
  // Not an id: a conferencing app slug, the one each route takes (connect takes only google-meet).
  app: (_t, path) => (path.endsWith("/{app}/connect") ? "google-meet" : "zoom"),
};

/** Path params that name no row of one org (the same value in both): no foreign-child case for them. */
const NOT_IDS = ["permission", "app"];

const paramsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

/** The child params of a path (all but `orgId`). */
export const childParamsOf = (operation: Operation) => paramsOf(operation.route.path).filter((name) => name !== "orgId");

/** Every param of an `{orgId}` operation nobody mapped: must stay empty. */
export const unmappedParams = (among: readonly Operation[] = orgOperations) => [
  ...new Set(
    among.flatMap((operation) =>
      childParamsOf(operation)
        .filter((name) => !(name in CHILD_PARAMS))
        .map((name) => `${key(operation)}: {${name}}`),
    ),
  ),
];

/** The path with `orgId` from `org` and every child from `children`, except `foreign` taken from `other`. */
function concretePath(operation: Operation, org: IsolationTenant, children: IsolationTenant, foreign?: { param: string; other: IsolationTenant }): string {
  const { path } = operation.route;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "orgId") return String(org.orgId);
    const resolve = CHILD_PARAMS[name];
    if (!resolve) throw new Error(`${key(operation)}: path param {${name}} is not mapped in test/helpers/org-isolation.ts (CHILD_PARAMS)`);
    return encodeURIComponent(String(resolve(foreign?.param === name ? foreign.other : children, path)));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Bodies: valid ones (so that the guards, which run after validation, are what answers), naming the calling
// org's own rows. An operation with a request body missing here fails its case.

type BodyOf = (tenant: IsolationTenant) => unknown;

const ORG = "/v2/organizations/{orgId}";
const ISOLATION_STEP = {
  action: "email_attendee",
  stepNumber: 1,
  recipient: "attendee",
  template: "reminder",
  sender: "Isolation",
  includeCalendarEvent: false,
  message: { subject: "Isolation", html: "<p>Isolation</p>" },
};
const TEAM_ET = `${ORG}/teams/{teamId}/event-types`;
const BODIES: Record<string, BodyOf> = {
  [`POST ${ORG}/teams`]: () => ({ name: unique("Isolation team") }),
  [`PATCH ${ORG}/teams/{teamId}`]: () => ({ name: "Isolation rename" }),
  [`POST ${ORG}/teams/{teamId}/memberships`]: (t) => ({ userId: t.member.userId, role: "MEMBER" }),
  [`PATCH ${ORG}/teams/{teamId}/memberships/{membershipId}`]: () => ({ role: "ADMIN" }),
  [`POST ${TEAM_ET}`]: () => ({ lengthInMinutes: 30, title: "Isolation", slug: unique("isolation"), schedulingType: "collective" }),
  [`PATCH ${TEAM_ET}/{eventTypeId}`]: () => ({ title: "Isolation rename" }),
  [`POST ${TEAM_ET}/{eventTypeId}/create-phone-call`]: () => ({
    yourPhoneNumber: "+14155550100",
    numberToCall: "+14155550101",
    calApiKey: "cal_isolation",
    enabled: true,
    templateType: "CUSTOM_TEMPLATE",
  }),
  [`POST ${TEAM_ET}/{eventTypeId}/private-links`]: () => ({ maxUsageCount: 3 }),
  [`PATCH ${TEAM_ET}/{eventTypeId}/private-links/{linkId}`]: () => ({ maxUsageCount: 5 }),
  [`POST ${ORG}/users`]: () => ({ email: `${unique("isolation")}@example.com` }),
  [`PATCH ${ORG}/users/{userId}`]: () => ({ name: "Isolation rename" }),
  [`POST ${ORG}/memberships`]: (t) => ({ userId: t.member.userId, role: "MEMBER" }),
  [`PATCH ${ORG}/memberships/{membershipId}`]: () => ({ role: "ADMIN" }),
  [`POST ${ORG}/users/{userId}/schedules`]: () => ({ name: "Isolation", timeZone: "UTC", isDefault: false }),
  [`PATCH ${ORG}/users/{userId}/schedules/{scheduleId}`]: () => ({ name: "Isolation rename" }),
  [`POST ${ORG}/users/{userId}/ooo`]: () => ({ start: "2032-05-01T00:00:00.000Z", end: "2032-05-02T23:59:59.999Z" }),
  [`PATCH ${ORG}/users/{userId}/ooo/{oooId}`]: () => ({ notes: "Isolation" }),
  [`POST ${ORG}/webhooks`]: () => ({ active: true, subscriberUrl: `https://hooks.example.com/${unique("isolation")}`, triggers: ["BOOKING_CREATED"] }),
  [`PATCH ${ORG}/webhooks/{webhookId}`]: () => ({ active: false }),
  [`POST ${ORG}/organizations`]: () => ({ name: unique("Isolation managed") }),
  [`PATCH ${ORG}/organizations/{managedOrganizationId}`]: () => ({ name: "Isolation rename" }),
  [`POST ${ORG}/routing-forms/{routingFormId}/responses`]: () => ({ name: "Isolation visitor" }),
  [`PATCH ${ORG}/routing-forms/{routingFormId}/responses/{responseId}`]: () => ({ response: { "f-name": { label: "Name", value: "x" } } }),
  [`POST ${ORG}/teams/{teamId}/routing-forms/{routingFormId}/responses`]: () => ({ name: "Isolation visitor" }),
  [`PATCH ${ORG}/teams/{teamId}/routing-forms/{routingFormId}/responses/{responseId}`]: () => ({ response: { "f-name": { label: "Name", value: "x" } } }),
  [`POST ${ORG}/attributes`]: () => ({ name: "Isolation", slug: unique("isolation"), type: "TEXT", options: [] }),
  [`PATCH ${ORG}/attributes/{attributeId}`]: () => ({ name: "Isolation rename" }),
  [`POST ${ORG}/attributes/{attributeId}/options`]: () => ({ value: "Isolation", slug: unique("isolation") }),
  [`PATCH ${ORG}/attributes/{attributeId}/options/{optionId}`]: () => ({ value: "Isolation rename" }),
  [`POST ${ORG}/attributes/options/{userId}`]: (t) => ({ attributeId: t.attributeId, attributeOptionId: t.optionId }),
  [`POST ${ORG}/roles`]: () => ({ name: unique("Isolation role"), permissions: ["booking.read"] }),
  [`PATCH ${ORG}/roles/{roleId}`]: () => ({ name: unique("Isolation rename") }),
  [`POST ${ORG}/teams/{teamId}/roles`]: () => ({ name: unique("Isolation role"), permissions: ["booking.read"] }),
  [`PATCH ${ORG}/teams/{teamId}/roles/{roleId}`]: () => ({ name: unique("Isolation rename") }),
  [`POST ${ORG}/roles/{roleId}/permissions`]: () => ({ permissions: ["booking.read"] }),
  [`PUT ${ORG}/roles/{roleId}/permissions`]: () => ({ permissions: ["booking.read"] }),
  [`POST ${ORG}/teams/{teamId}/roles/{roleId}/permissions`]: () => ({ permissions: ["booking.read"] }),
  [`PUT ${ORG}/teams/{teamId}/roles/{roleId}/permissions`]: () => ({ permissions: ["booking.read"] }),
  [`POST ${ORG}/teams/{teamId}/workflows`]: (t) => ({
    name: "Isolation",
    activation: { isActiveOnAllEventTypes: false, activeOnEventTypeIds: [t.eventTypeId] },
    trigger: { type: "beforeEvent", offset: { value: 1, unit: "hour" } },
    steps: [ISOLATION_STEP],
  }),
  [`POST ${ORG}/teams/{teamId}/workflows/routing-form`]: (t) => ({
    name: "Isolation",
    activation: { isActiveOnAllRoutingForms: false, activeOnRoutingFormIds: [t.routingFormId] },
    trigger: { type: "formSubmitted" },
    steps: [ISOLATION_STEP],
  }),
  [`POST ${ORG}/delegation-credentials`]: (t) => ({
    workspacePlatformSlug: "google",
    domain: `other-${t.teamId}.example.com`,
    serviceAccountKey: {
      private_key: "-----BEGIN PRIVATE KEY-----\nisolation\n-----END PRIVATE KEY-----\n",
      client_email: "svc@p.iam.gserviceaccount.com",
      client_id: "1",
    },
  }),
  [`PATCH ${ORG}/delegation-credentials/{credentialId}`]: () => ({ enabled: false }),
  [`POST ${ORG}/teams/{teamId}/verified-resources/emails/verification-code/request`]: () => ({ email: "isolation@example.com" }),
  [`POST ${ORG}/teams/{teamId}/verified-resources/phones/verification-code/request`]: () => ({ phone: "+15550009999" }),
  [`POST ${ORG}/teams/{teamId}/verified-resources/emails/verification-code/verify`]: () => ({ email: "isolation@example.com", code: "123456" }),
  [`POST ${ORG}/teams/{teamId}/verified-resources/phones/verification-code/verify`]: () => ({ phone: "+15550009999", code: "123456" }),
  [`PATCH ${ORG}/teams/{teamId}/workflows/{workflowId}`]: () => ({ name: "Isolation rename" }),
  [`PATCH ${ORG}/teams/{teamId}/workflows/{workflowId}/routing-form`]: () => ({ name: "Isolation rename" }),
};

// Query strings an operation requires (validated before the guards, like bodies).
const SLOTS_WINDOW = "?start=2031-03-10&end=2031-03-11";
const QUERIES: Record<string, string> = {
  [`POST ${ORG}/routing-forms/{routingFormId}/responses`]: SLOTS_WINDOW,
  [`POST ${ORG}/teams/{teamId}/routing-forms/{routingFormId}/responses`]: SLOTS_WINDOW,
  [`GET ${ORG}/teams/{teamId}/conferencing/{app}/oauth/callback`]: "?state=isolation&code=isolation",
};

// ---------------------------------------------------------------------------------------------------------
// The operations and their calls

export const key = (operation: Operation) => `${operation.route.method.toUpperCase()} ${operation.route.path}`;
const label = (operation: Operation) => `${key(operation)}${operation.versions === "all" ? "" : ` (${operation.versions[0]})`}`;

/** Every registered operation whose path carries the organization id. */
export const orgOperations = operations.filter((operation) => operation.route.path.includes("{orgId}"));

/**
 * Reviewed: `{orgId}` operations Cal.com serves without authentication (anyone may call them with any org's id,
 * so "another org's admin" does not apply; the foreign-child cases still do).
 */
export const PUBLIC_ORG_OPERATIONS = ["GET /v2/organizations/{orgId}/teams/{teamId}/event-types"];

export const publicOrgOperations = () => orgOperations.filter((operation) => operation.auth === "public").map(key);

export interface IsolationCase {
  name: string;
  operation: Operation;
  /** Org B's admin on org A's ids ("admin"), or org A's admin with one child id of org B ("child"). */
  kind: "admin" | "child";
  /** The foreign child param, for "child" cases. */
  param?: string;
}

/** Case (a): one per authenticated `{orgId}` operation. */
export const foreignAdminCases = (): IsolationCase[] =>
  orgOperations.filter((operation) => operation.auth !== "public").map((operation) => ({ name: label(operation), operation, kind: "admin" }));

/** Case (b): one per child param of each `{orgId}` operation. */
export const foreignChildCases = (): IsolationCase[] =>
  orgOperations.flatMap((operation) =>
    childParamsOf(operation)
      .filter((param) => !NOT_IDS.includes(param))
      .map((param): IsolationCase => ({ name: `${label(operation)} with org B's {${param}}`, operation, kind: "child", param })),
  );

let casesRun = 0;

// Cal.com answers an id that is not the team's with `{status: "success", data: null}` (the verified-resources
// notes); reviewed: nothing of the other org's shows, which the check after it asserts too.
const NULL_FOR_FOREIGN_CHILD = new Set([
  `GET ${ORG}/teams/{teamId}/verified-resources/emails/{id}`,
  `GET ${ORG}/teams/{teamId}/verified-resources/phones/{id}`,
]);

/** Runs one case (one request) and checks its answer. `a` is the org whose id is in the path, `b` the other. */
export async function runIsolationCase(testCase: IsolationCase, a: IsolationTenant, b: IsolationTenant): Promise<void> {
  const { operation, kind, param } = testCase;
  const opKey = key(operation);
  const hasBody = operation.route.request?.body !== undefined;
  const bodyOf = BODIES[opKey];
  if (hasBody && !bodyOf) throw new Error(`${opKey} takes a body: add a valid one to BODIES in test/helpers/org-isolation.ts`);
  const path = kind === "admin" ? concretePath(operation, a, a) : concretePath(operation, a, a, { param: param!, other: b });
  const caller = kind === "admin" ? b : a;
  const res = await api(`${path}${QUERIES[opKey] ?? ""}`, {
    method: operation.route.method.toUpperCase(),
    key: caller.adminKeys[casesRun++ % caller.adminKeys.length],
    ...(operation.versions === "all" ? {} : { version: operation.versions[0] }),
    ...(bodyOf ? { body: bodyOf(a) } : {}),
  });
  const context = `${opKey} → ${path}: ${res.status} ${res.text.slice(0, 500)}`;
  if (res.status === 400) {
    throw new Error(`400 before the guards: the case's body or ids do not validate, so isolation was not tested. ${context}`);
  }
  // A router 404 ("Cannot GET …": path or version not served) would pass for the wrong reason.
  const message = (res.body as { error?: { message?: unknown } } | undefined)?.error?.message;
  if (typeof message === "string" && message.startsWith("Cannot ")) throw new Error(`the route was not reached: ${context}`);
  if (kind === "admin") expect(res.status, context).toBe(403);
  else if (NULL_FOR_FOREIGN_CHILD.has(opKey) && res.status === 200) expect((res.body as { data?: unknown }).data, context).toBeNull();
  else expect([403, 404], context).toContain(res.status);
  // The other org's data never shows: for "admin" the caller is B and the data A's; for "child" the caller is A.
  const foreign = kind === "admin" ? a : b;
  leaks(res, foreign.markers, context, `${path}${QUERIES[opKey] ?? ""}`);
}

function leaks(res: ApiResult<unknown>, markers: string[], context: string, path: string): void {
  // Error envelopes echo the request's own path (which may carry the other org's slug): that is not a leak.
  const text = res.text.split(JSON.stringify(path).slice(1, -1)).join("");
  for (const marker of markers) expect(text.includes(marker), `answer contains the other org's "${marker}": ${context}`).toBe(false);
}
