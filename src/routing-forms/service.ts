import type { Actor } from "../auth/principal";
import { slotsOfEventType } from "../availability/slot-lookups";
import { resolveSlotsWindow } from "../availability/query-window";
import type { Prisma } from "../generated/prisma/client";
import { requireOrgAccess, requireOrgTeamAccess } from "../organizations/access";
import type { Deps } from "../services";
import {
  answerProblem,
  chosenEventTypeNotFound,
  endBeforeStart,
  noRouteFound,
  notEventTypeRoute,
  notUserRoutingForm,
  routingFormNotFound,
  routingFormNotInTeam,
  routingFormResponseNotFound,
  teamIdNotInRoutedUrl,
} from "./errors";
import { findMatchingRoute, type FormField, type FormRoute, readAnswers } from "./logic";
import { renderForm, renderResponse } from "./output";
import { findMembersMatchingAttributeLogic, hasAttributeLogic } from "./attribute-logic";
import { loadAttributeRoutingData } from "./store";
import type { ListQuery, SlotsQuery } from "./schemas";

// Routing forms of an organization's teams (forms are made in Cal.com's web app; the API lists them, takes and
// routes responses, and computes the routed event type's slots). Guards: src/organizations/access.ts with the
// `routingForm.read` / `routingForm.update` permissions where the org or team has PBAC.

const READ = ["routingForm.read"] as const;
const UPDATE = ["routingForm.update"] as const;

const FORM_SELECT = {
  id: true,
  name: true,
  description: true,
  position: true,
  createdAt: true,
  updatedAt: true,
  userId: true,
  teamId: true,
  disabled: true,
  routes: true,
  fields: true,
  settings: true,
} as const;

const RESPONSE_SELECT = { id: true, formId: true, formFillerId: true, routedToBookingUid: true, response: true, createdAt: true } as const;

/** The list's date filters and order (newest first unless told). */
function listArgs(query: ListQuery) {
  const createdAt = {
    ...(query.afterCreatedAt ? { gte: new Date(query.afterCreatedAt) } : {}),
    ...(query.beforeCreatedAt ? { lte: new Date(query.beforeCreatedAt) } : {}),
  };
  const updatedAt = {
    ...(query.afterUpdatedAt ? { gte: new Date(query.afterUpdatedAt) } : {}),
    ...(query.beforeUpdatedAt ? { lte: new Date(query.beforeUpdatedAt) } : {}),
  };
  const orderBy = [
    ...(query.sortCreatedAt ? [{ createdAt: query.sortCreatedAt }] : []),
    ...(query.sortUpdatedAt ? [{ updatedAt: query.sortUpdatedAt }] : []),
    { id: "asc" as const },
  ];
  return {
    where: { ...(Object.keys(createdAt).length ? { createdAt } : {}), ...(Object.keys(updatedAt).length ? { updatedAt } : {}) },
    orderBy,
    skip: query.skip ?? 0,
    take: query.take ?? 250,
  };
}

/** GET /v2/organizations/{orgId}/routing-forms: the forms of the org's teams (ORG_ADMIN). */
export async function listOrgRoutingForms(deps: Deps, actor: Actor, input: { orgId: number; query: ListQuery & { teamIds?: string } }) {
  await requireOrgAccess(deps, actor, input.orgId, { role: "ORG_ADMIN", plan: "ESSENTIALS", permissions: READ });
  const { where, orderBy, skip, take } = listArgs(input.query);
  const teamIds = input.query.teamIds?.split(",").map(Number);
  const rows = await deps.db.app_RoutingForms_Form.findMany({
    where: { ...where, team: { parentId: input.orgId }, ...(teamIds ? { teamId: { in: teamIds } } : {}) },
    select: FORM_SELECT,
    orderBy,
    skip,
    take,
  });
  return rows.map(renderForm);
}

/** GET /v2/organizations/{orgId}/teams/{teamId}/routing-forms (TEAM_ADMIN). */
export async function listTeamRoutingForms(deps: Deps, actor: Actor, input: { orgId: number; teamId: number; query: ListQuery }) {
  await requireOrgTeamAccess(deps, actor, input, { role: "TEAM_ADMIN", plan: "ESSENTIALS", permissions: READ });
  const { where, orderBy, skip, take } = listArgs(input.query);
  const rows = await deps.db.app_RoutingForms_Form.findMany({ where: { ...where, teamId: input.teamId }, select: FORM_SELECT, orderBy, skip, take });
  return rows.map(renderForm);
}

type FormScope = { orgId: number; teamId?: number };

const loadForm = (deps: Deps, formId: string) =>
  deps.db.app_RoutingForms_Form.findUnique({
    where: { id: formId },
    select: {
      id: true,
      userId: true,
      teamId: true,
      disabled: true,
      fields: true,
      routes: true,
      team: { select: { parentId: true } },
      user: { select: { profiles: { select: { organizationId: true } } } },
    },
  });
type LoadedForm = NonNullable<Awaited<ReturnType<typeof loadForm>>>;

/** Whether a form belongs to the organization: a form of one of its teams, or a member's own form. */
const formInOrg = (form: LoadedForm, orgId: number) =>
  form.team ? form.team.parentId === orgId : form.user.profiles.some((profile) => profile.organizationId === orgId);

/**
 * The form of an org route (404 when it is not one of the org's: Cal.com reads another org's form here) or of an
 * org-team route (IsRoutingFormInTeam: 403 when the team does not own it).
 */
async function formInScope(deps: Deps, scope: FormScope, formId: string): Promise<LoadedForm> {
  const form = await loadForm(deps, formId);
  if (scope.teamId !== undefined) {
    if (!form || form.teamId !== scope.teamId) throw routingFormNotInTeam(scope.teamId, formId);
    return form;
  }
  if (!form || !formInOrg(form, scope.orgId)) throw routingFormNotFound();
  return form;
}

/** The guards of a response route, then the form. */
async function guardResponses(deps: Deps, actor: Actor, scope: FormScope, formId: string, write: boolean): Promise<LoadedForm> {
  const permissions = write ? UPDATE : READ;
  if (scope.teamId !== undefined) {
    await requireOrgTeamAccess(deps, actor, { orgId: scope.orgId, teamId: scope.teamId }, { role: "TEAM_ADMIN", plan: "ESSENTIALS", permissions });
  } else {
    await requireOrgAccess(deps, actor, scope.orgId, { role: "ORG_ADMIN", plan: "ESSENTIALS", permissions });
  }
  return formInScope(deps, scope, formId);
}

/** GET …/routing-forms/{routingFormId}/responses (org: ORG_ADMIN; team: TEAM_ADMIN + IsRoutingFormInTeam). */
export async function listRoutingFormResponses(deps: Deps, actor: Actor, input: FormScope & { routingFormId: string; query: ListQuery }) {
  await guardResponses(deps, actor, input, input.routingFormId, false);
  const { where, orderBy, skip, take } = listArgs(input.query);
  const rows = await deps.db.app_RoutingForms_FormResponse.findMany({
    where: { ...where, formId: input.routingFormId, ...(input.query.routedToBookingUid ? { routedToBookingUid: input.query.routedToBookingUid } : {}) },
    select: RESPONSE_SELECT,
    orderBy,
    skip,
    take,
  });
  return rows.map(renderResponse);
}

/** PATCH …/responses/{responseId}: replaces the stored response (an object). */
export async function updateRoutingFormResponse(
  deps: Deps,
  actor: Actor,
  input: FormScope & { routingFormId: string; responseId: number; body: { response?: Record<string, unknown> } },
) {
  await guardResponses(deps, actor, input, input.routingFormId, true);
  const existing = await deps.db.app_RoutingForms_FormResponse.findFirst({
    where: { id: input.responseId, formId: input.routingFormId },
    select: { id: true },
  });
  if (!existing) throw routingFormResponseNotFound(input.responseId);
  const row = await deps.db.app_RoutingForms_FormResponse.update({
    where: { id: input.responseId },
    data: { ...(input.body.response ? { response: input.body.response as Prisma.InputJsonValue } : {}), updatedAt: new Date(deps.now()) },
    select: RESPONSE_SELECT,
  });
  return renderResponse(row);
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The event type an `eventTypeRedirectUrl` route names: the last segment of its value, among the form's team's (else its owner's) event types. */
async function routedEventType(deps: Deps, form: LoadedForm, route: FormRoute): Promise<{ id: number; hostIds: number[] }> {
  const slug = (route.action?.value ?? "").split("?")[0]?.split("/").filter(Boolean).pop() ?? "";
  const eventType = await deps.db.eventType.findFirst({
    where: form.teamId ? { teamId: form.teamId, slug } : { userId: form.userId, teamId: null, slug },
    select: { id: true, userId: true, hosts: { select: { userId: true }, orderBy: { userId: "asc" } } },
  });
  if (!slug || !eventType) throw chosenEventTypeNotFound();
  const hostIds = eventType.hosts.length > 0 ? eventType.hosts.map((h) => h.userId) : eventType.userId ? [eventType.userId] : [];
  return { id: eventType.id, hostIds };
}

/** Answers → the chosen route (400 for missing or invalid answers, 404 without any route). */
function route(form: LoadedForm, body: Record<string, unknown>) {
  const fields = asArray<FormField>(form.fields);
  const read = readAnswers(fields, body);
  if (!read.ok) throw answerProblem(read.problem);
  const chosen = findMatchingRoute(asArray<FormRoute>(form.routes), read.answers);
  if (!chosen?.action) throw noRouteFound();
  return { chosen, action: chosen.action, response: read.response, fields, answers: read.answers };
}

/**
 * The routed event type's hosts the route's attribute logic chooses (Cal.com's routedTeamMemberIds): every host
 * when the route has none or the form is not an org team's (attributes belong to organizations).
 */
async function routedHostIds(deps: Deps, form: LoadedForm, routed: ReturnType<typeof route>, hostIds: number[]): Promise<number[]> {
  const orgId = form.team?.parentId;
  if (!hasAttributeLogic(routed.chosen) || !orgId) return hostIds;
  const data = await loadAttributeRoutingData(deps.db, orgId, hostIds);
  const { userIds } = findMembersMatchingAttributeLogic(routed.chosen, { ...data, fields: routed.fields, answers: routed.answers });
  return userIds ?? hostIds;
}

function checkWindow(deps: Deps, query: SlotsQuery) {
  const start = Date.parse(query.start);
  const end = Date.parse(query.end);
  if (!Number.isNaN(start) && !Number.isNaN(end) && end < start) throw endBeforeStart();
  resolveSlotsWindow(query.start, query.end, { now: deps.now(), names: { start: "start", end: "end" }, endOfDayForMidnightEnd: true });
}

/**
 * POST …/routing-forms/{routingFormId}/responses: validates the answers, stores the response (or queues it), routes
 * it and answers the route's result; an event type comes with its slots and the routing to pass to POST /v2/bookings.
 * Org route: an org ADMIN/OWNER, or the form's own owner; team route: TEAM_MEMBER + IsRoutingFormInTeam.
 */
export async function createRoutingFormResponse(
  deps: Deps,
  actor: Actor,
  input: FormScope & { routingFormId: string; query: SlotsQuery & { queueResponse?: boolean }; body: Record<string, unknown> },
) {
  let form: LoadedForm;
  if (input.teamId !== undefined) {
    await requireOrgTeamAccess(deps, actor, { orgId: input.orgId, teamId: input.teamId }, { role: "TEAM_MEMBER", plan: "ESSENTIALS", permissions: READ });
    form = await formInScope(deps, input, input.routingFormId);
  } else {
    const access = await requireOrgAccess(deps, actor, input.orgId, { role: "ORG_MEMBER", plan: "ESSENTIALS", permissions: READ });
    const found = await loadForm(deps, input.routingFormId);
    if (!access.isOrgAdmin && (!found || found.teamId !== null || found.userId !== actor.userId)) throw notUserRoutingForm(input.routingFormId, actor.userId);
    if (!found || !formInOrg(found, input.orgId)) throw routingFormNotFound();
    form = found;
  }
  if (form.disabled) throw routingFormNotFound();
  checkWindow(deps, input.query);
  const routed = route(form, input.body);
  const { chosen, action, response } = routed;
  const eventType = action.type === "eventTypeRedirectUrl" ? await routedEventType(deps, form, chosen) : null;
  const stored = input.query.queueResponse
    ? {
        queuedResponseId: (
          await deps.db.app_RoutingForms_QueuedFormResponse.create({
            data: { formId: form.id, response: response as unknown as Prisma.InputJsonValue, chosenRouteId: chosen.id },
            select: { id: true },
          })
        ).id,
      }
    : {
        responseId: (
          await deps.db.app_RoutingForms_FormResponse.create({
            data: { formId: form.id, response: response as unknown as Prisma.InputJsonValue, chosenRouteId: chosen.id },
            select: { id: true },
          })
        ).id,
      };
  if (action.type === "customPageMessage") return { routingCustomMessage: action.value };
  if (!eventType) return { routingExternalRedirectUrl: action.value };
  const teamMemberIds = await routedHostIds(deps, form, routed, eventType.hostIds);
  // Slots of the chosen hosts only, as the booking will be (POST /v2/bookings with this `routing`).
  const slots = await slotsOfEventType(deps, { ...input.query, eventTypeId: eventType.id, routedUserIds: teamMemberIds });
  return { eventTypeId: eventType.id, routing: { ...stored, teamMemberIds }, slots };
}

/** POST /v2/routing-forms/{routingFormId}/calculate-slots: a dry run (nothing stored) to a team event type's slots. */
export async function calculateRoutingFormSlots(deps: Deps, _actor: Actor, input: { routingFormId: string; query: SlotsQuery; body: Record<string, unknown> }) {
  const form = await loadForm(deps, input.routingFormId);
  if (!form || form.disabled) throw routingFormNotFound();
  checkWindow(deps, input.query);
  const { chosen, action } = route(form, input.body);
  if (action.type !== "eventTypeRedirectUrl") throw notEventTypeRoute();
  if (!form.teamId) throw teamIdNotInRoutedUrl();
  const eventType = await routedEventType(deps, form, chosen);
  return { eventTypeId: eventType.id, slots: await slotsOfEventType(deps, { ...input.query, eventTypeId: eventType.id }) };
}

/**
 * A booking made with a routing form's `routing.responseId` (POST /v2/bookings): the response records the booking
 * (`routedToBookingUid`), when it is a response of a form of the booked event type's team (or, for a personal event
 * type, of its owner) and not yet linked to another booking; anything else is left alone.
 */
export async function linkRoutedBooking(deps: Deps, input: { responseId: number; bookingUid: string; eventTypeId: number }): Promise<void> {
  const eventType = await deps.db.eventType.findUnique({ where: { id: input.eventTypeId }, select: { teamId: true, userId: true } });
  if (!eventType) return;
  await deps.db.app_RoutingForms_FormResponse.updateMany({
    where: {
      id: input.responseId,
      routedToBookingUid: null,
      form: eventType.teamId ? { teamId: eventType.teamId } : { userId: eventType.userId ?? -1, teamId: null },
    },
    data: { routedToBookingUid: input.bookingUid },
  });
}
