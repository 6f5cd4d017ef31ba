import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { api } from "../../helpers/api";
import { bearer } from "../../helpers/platform";
import { createEventType, createPlatformOrganization, createPlatform, createTenant, type Tenant } from "../../helpers/fixtures";

// GET /v2/atoms/event-types/{eventSlug}/public is not in Cal.com's OpenAPI document, so its contract is written
// here from Cal.com's source: PublicEventType = the return of packages/features/eventtypes/lib/getPublicEvent.ts,
// sent by apps/api/v2/src/modules/atoms/controllers/atoms.event-types.controller.ts. Only what the atoms' Booker
// reads is pinned (dist/booker/**: length, metadata.multipleDuration, locations, bookingFields, schedule.timeZone,
// lockTimeZoneToggleOnBookingPage/lockedTimeZone, subsetOfUsers, profile, entity, restrictionScheduleId…).
const SystemSource = z.array(z.object({ id: z.literal("default"), type: z.literal("default"), label: z.literal("Default") }));
const UserSource = z.array(z.object({ id: z.literal("user"), type: z.literal("user"), label: z.literal("User"), fieldRequired: z.boolean().optional() }));
const InternalBookingField = z.union([
  z.looseObject({
    name: z.string(),
    type: z.string(),
    defaultLabel: z.string(),
    editable: z.enum(["system", "system-but-optional"]),
    required: z.boolean(),
    sources: SystemSource,
  }),
  z.looseObject({ name: z.string(), type: z.string(), label: z.string(), editable: z.literal("user"), required: z.boolean(), sources: UserSource }),
]);
const UserProfile = z.object({
  id: z.number().nullable(),
  upId: z.string(),
  username: z.string().nullable(),
  organizationId: z.number().nullable(),
  organization: z.looseObject({ id: z.number(), slug: z.string().nullable(), name: z.string() }).nullable(),
});
const PublicEventType = z.looseObject({
  id: z.number(),
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  eventName: z.string().nullable(),
  length: z.number(),
  hidden: z.boolean(),
  locations: z.array(z.looseObject({ type: z.string() })),
  bookingFields: z.array(InternalBookingField),
  metadata: z.looseObject({ multipleDuration: z.array(z.number()).optional() }),
  customInputs: z.array(z.unknown()),
  disableGuests: z.boolean(),
  lockTimeZoneToggleOnBookingPage: z.boolean(),
  lockedTimeZone: z.string().nullable(),
  requiresConfirmation: z.boolean(),
  requiresBookerEmailVerification: z.boolean(),
  recurringEvent: z.object({ freq: z.number(), count: z.number(), interval: z.number() }).nullable(),
  price: z.number(),
  currency: z.string(),
  seatsPerTimeSlot: z.number().nullable(),
  seatsShowAvailabilityCount: z.boolean(),
  schedulingType: z.null(),
  team: z.null(),
  teamId: z.null(),
  schedule: z.object({ id: z.number(), timeZone: z.string() }).nullable(),
  owner: z.looseObject({ id: z.number(), username: z.string().nullable(), profile: UserProfile }),
  subsetOfHosts: z.array(z.unknown()),
  subsetOfUsers: z.array(
    z.object({
      username: z.string().nullable(),
      name: z.string().nullable(),
      weekStart: z.string(),
      organizationId: z.number().nullable(),
      avatarUrl: z.string().nullable(),
      profile: UserProfile,
      bookerUrl: z.string(),
    }),
  ),
  profile: z.looseObject({
    username: z.string().nullable(),
    name: z.string().nullable(),
    weekStart: z.string(),
    image: z.string(),
    brandColor: z.string().nullable(),
    darkBrandColor: z.string().nullable(),
    bookerLayouts: z.object({ enabledLayouts: z.array(z.string()), defaultLayout: z.string() }).nullable(),
  }),
  bookerLayouts: z.object({ enabledLayouts: z.array(z.string()), defaultLayout: z.string() }).nullable(),
  entity: z.object({
    fromRedirectOfNonOrgLink: z.boolean(),
    considerUnpublished: z.boolean(),
    orgSlug: z.string().nullable(),
    teamSlug: z.string().nullable(),
    name: z.string().nullable(),
    hideProfileLink: z.boolean(),
  }),
  isDynamic: z.literal(false),
  isInstantEvent: z.boolean(),
  showInstantEventConnectNowModal: z.boolean(),
  fieldTranslations: z.array(z.unknown()),
  restrictionScheduleId: z.number().nullable(),
  useBookerTimezone: z.boolean(),
  periodType: z.enum(["UNLIMITED", "ROLLING", "ROLLING_WINDOW", "RANGE"]),
  disableCancelling: z.boolean(),
  disableRescheduling: z.boolean(),
  interfaceLanguage: z.string().nullable(),
});
const Envelope = z.object({ status: z.literal("success"), data: PublicEventType });

const publicPath = (slug: string, query: Record<string, string | number | boolean>) =>
  `/v2/atoms/event-types/${encodeURIComponent(slug)}/public?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;

let host: Tenant;
let defaultScheduleId: number;
let ownScheduleId: number;

beforeAll(async () => {
  host = await createTenant({ timeZone: "Europe/Riga" });
  const schedules = async (body: object) => (await api("/v2/schedules", { key: host.apiKey, version: "2024-06-11", body })).body.data.id as number;
  defaultScheduleId = await schedules({ name: "Working hours", timeZone: "America/New_York", isDefault: true });
  ownScheduleId = await schedules({ name: "Mornings", timeZone: "Asia/Tokyo", isDefault: false });
  const create = (body: Record<string, unknown>) => createEventType(host, body);
  await create({
    title: "Intro call",
    slug: "intro",
    lengthInMinutes: 30,
    lengthInMinutesOptions: [15, 30, 60],
    description: "Let's talk <b>plans</b>\n\nBring questions",
    locations: [
      { type: "address", address: "1 Main St", public: true },
      { type: "link", link: "https://meet.example.com/secret", public: false },
      { type: "integration", integration: "cal-video" },
      { type: "attendeePhone" },
    ],
    bookingFields: [
      { type: "name", label: "Full name", placeholder: "Jane Doe" },
      { type: "select", slug: "topic", label: "Topic", required: true, placeholder: "Pick one", options: ["Sales", "Support"] },
      { slug: "notes", required: true, label: "Anything else?" },
    ],
    bookerLayouts: { defaultLayout: "week", enabledLayouts: ["month", "week"] },
    lockTimeZoneToggleOnBookingPage: true,
    recurrence: { frequency: "weekly", interval: 2, occurrences: 4 },
  });
  await create({ title: "Deep dive", slug: "deep-dive", lengthInMinutes: 90, scheduleId: ownScheduleId });
});

describe("GET /v2/atoms/event-types/{eventSlug}/public", () => {
  it("answers anonymously, for every version, in Cal.com's PublicEventType shape", async () => {
    for (const version of [undefined, "2024-04-15", "2024-06-14", "2024-08-13", "2024-09-04"]) {
      const res = await api(publicPath("intro", { isTeamEvent: false, username: host.username }), { version });
      expect(res.status, version).toBe(200);
      expect(Envelope.safeParse(res.body).error).toBeUndefined();
    }
  });

  it("carries what the Booker renders: length, duration options, layouts, recurrence and the schedule's zone", async () => {
    const { body } = await api(publicPath("intro", { isTeamEvent: false, username: host.username }), { version: "2024-06-14" });
    const event = body.data;
    expect(event).toMatchObject({
      slug: "intro",
      title: "Intro call",
      length: 30,
      metadata: { multipleDuration: [15, 30, 60], bookerLayouts: { defaultLayout: "week_view", enabledLayouts: ["month_view", "week_view"] } },
      bookerLayouts: { defaultLayout: "week_view", enabledLayouts: ["month_view", "week_view"] },
      lockTimeZoneToggleOnBookingPage: true,
      lockedTimeZone: null,
      recurringEvent: { freq: 2, interval: 2, count: 4 },
      // No schedule of its own: the owner's default schedule, whose zone the Booker shows.
      schedule: { id: defaultScheduleId, timeZone: "America/New_York" },
      price: 0,
      currency: "usd",
      hidden: false,
      isDynamic: false,
    });
    // Markdown rendered to safe HTML, as Cal.com's markdownToSafeHTML does for plain text.
    expect(event.description).toBe("<p>Let&#39;s talk &lt;b&gt;plans&lt;/b&gt;</p>\n<p>Bring questions</p>\n");
    expect(event.profile).toMatchObject({ username: host.username, name: expect.any(String), weekStart: "Sunday", image: "https://cal.com/avatar.svg" });
    expect(event.subsetOfUsers).toEqual([
      expect.objectContaining({
        username: host.username,
        organizationId: null,
        profile: expect.objectContaining({ upId: `usr-${host.userId}`, organization: null }),
      }),
    ]);
    expect(event.entity).toEqual({
      fromRedirectOfNonOrgLink: true,
      considerUnpublished: false,
      orgSlug: null,
      teamSlug: null,
      name: null,
      hideProfileLink: false,
    });
    expect(event.owner).toMatchObject({ id: host.userId, username: host.username, defaultScheduleId });
  });

  it("gives locations in Cal.com's internal shape, hiding what the host did not make public", async () => {
    const { body } = await api(publicPath("intro", { username: host.username }));
    expect(body.data.locations).toEqual([
      { type: "inPerson", address: "1 Main St", displayLocationPublicly: true },
      { type: "link", displayLocationPublicly: false },
      { type: "integrations:daily" },
      { type: "phone" },
    ]);
    expect(JSON.stringify(body.data)).not.toContain("meet.example.com/secret");
  });

  it("gives the booking form in Cal.com's internal shape, system fields included and in order", async () => {
    const { body } = await api(publicPath("intro", { username: host.username }));
    const fields = body.data.bookingFields as any[];
    expect(fields.map((f) => f.name)).toEqual(["name", "email", "location", "topic", "title", "notes", "guests", "rescheduleReason"]);
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.name).toMatchObject({ type: "name", editable: "system", required: true, variant: "fullName", label: "Full name", placeholder: "Jane Doe" });
    expect(byName.name.variantsConfig.variants.fullName.fields[0]).toMatchObject({
      name: "fullName",
      label: "Full name",
      placeholder: "Jane Doe",
      required: true,
    });
    // Untouched system fields keep Cal.com's i18n key in defaultLabel and no label, so the Booker translates them.
    expect(byName.email).toMatchObject({ type: "email", defaultLabel: "email_address", required: true, editable: "system-but-optional" });
    expect(byName.email.label).toBeUndefined();
    expect(byName.location).toMatchObject({ type: "radioInput", getOptionsAt: "locations", hideWhenJustOneOption: true, editable: "system" });
    expect(byName.topic).toMatchObject({
      type: "select",
      editable: "user",
      label: "Topic",
      required: true,
      placeholder: "Pick one",
      options: [
        { label: "Sales", value: "Sales" },
        { label: "Support", value: "Support" },
      ],
    });
    expect(byName.title).toMatchObject({ hidden: true, defaultLabel: "what_is_this_meeting_about" });
    expect(byName.notes).toMatchObject({ required: true, label: "Anything else?", defaultPlaceholder: "share_additional_notes" });
    expect(byName.rescheduleReason).toMatchObject({ views: [{ id: "reschedule", label: "Reschedule View" }] });
  });

  it("uses the event type's own schedule when it has one", async () => {
    const { body } = await api(publicPath("deep-dive", { isTeamEvent: false, username: host.username }));
    expect(body.data).toMatchObject({
      length: 90,
      schedule: { id: ownScheduleId, timeZone: "Asia/Tokyo" },
      metadata: {},
      recurringEvent: null,
      bookerLayouts: null,
    });
    expect(body.data.locations).toEqual([{ type: "integrations:daily" }]);
  });

  it("matches the username case-insensitively, as Cal.com lower-cases it", async () => {
    const res = await api(publicPath("intro", { username: host.username.toUpperCase() }));
    expect(res.status).toBe(200);
    expect(res.body.data.id).toBeTypeOf("number");
  });

  it("ignores credentials: the Booker books anonymously, and a stale token must not break it", async () => {
    const res = await api(publicPath("intro", { username: host.username }), { headers: bearer("not-a-valid-token") });
    expect(res.status).toBe(200);
  });

  it("finds a managed user's event inside its platform organisation (orgId), as the atoms ask", async () => {
    const { org, user: managed } = await createPlatform({}, { timeZone: "Europe/Paris" });
    const username = managed.response.body.data.user.username as string;
    const created = await api("/v2/event-types", {
      headers: bearer(managed.accessToken),
      version: "2024-06-14",
      body: { title: "Managed call", slug: "managed-call", lengthInMinutes: 20 },
    });
    expect(created.status).toBe(201);

    const inOrg = await api(publicPath("managed-call", { isTeamEvent: false, username, orgId: org.organizationId }), { version: "2024-06-14" });
    expect(inOrg.status).toBe(200);
    expect(Envelope.safeParse(inOrg.body).error).toBeUndefined();
    expect(inOrg.body.data.entity).toMatchObject({ orgSlug: expect.stringMatching(/^platform-/), name: expect.stringMatching(/^Platform /) });
    expect(inOrg.body.data.subsetOfUsers[0]).toMatchObject({ username, organizationId: org.organizationId });
    expect(inOrg.body.data.subsetOfUsers[0].profile.organization).toMatchObject({ id: org.organizationId, isPlatform: true });

    // Without the organisation Cal.com looks among users outside organisations (and platform owners' own users).
    const outside = await api(publicPath("managed-call", { username }));
    expect(outside.status).toBe(404);
  });
});

describe("GET /v2/atoms/event-types/{eventSlug}/public: errors as Cal.com words them", () => {
  it("404 for an unknown slug, or a slug of another user", async () => {
    const other = await createTenant();
    for (const [slug, username] of [
      ["no-such-event", host.username],
      ["intro", other.username],
      ["intro", "nobody-at-all"],
    ]) {
      const res = await api(publicPath(slug!, { username: username! }));
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: "NotFoundException", message: `Event type with slug ${slug} not found` });
    }
  });

  it("400 without a username for a user event", async () => {
    const res = await api(publicPath("intro", { isTeamEvent: false }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "BadRequestException", message: "username is required for non-team events, please provide a valid username" });
  });

  it("400 for a team event without teamId, 404 for an unknown team or organisation", async () => {
    const noTeam = await api(publicPath("intro", { isTeamEvent: true }));
    expect(noTeam.status).toBe(400);
    expect(noTeam.body.error.message).toBe("teamId is required for team events, please provide a valid teamId");

    const unknownTeam = await api(publicPath("intro", { isTeamEvent: true, teamId: 987654321 }));
    expect(unknownTeam.status).toBe(404);
    expect(unknownTeam.body.error.message).toBe("Team with id 987654321 not found");

    const unknownOrg = await api(publicPath("intro", { username: host.username, orgId: 987654321 }));
    expect(unknownOrg.status).toBe(404);
    expect(unknownOrg.body.error.message).toBe("Team with id 987654321 not found");
  });

  it("404 for a team's event: event types belong to users here", async () => {
    const org = await createPlatformOrganization();
    const res = await api(publicPath("intro", { isTeamEvent: true, teamId: org.organizationId }));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("Event type with slug intro not found");
  });

  it("400 naming a non-numeric teamId or orgId", async () => {
    const res = await api(`/v2/atoms/event-types/intro/public?username=${host.username}&teamId=abc&orgId=x1`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("teamId");
    expect(res.body.error.message).toContain("orgId");
  });
});

describe("CORS for the atoms", () => {
  it("answers the preflight of a cross-origin atoms call with every header the atoms send", async () => {
    const res = await api("/v2/atoms/event-types/intro/public?username=x", {
      method: "OPTIONS",
      headers: {
        origin: "https://partner.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization,cal-api-version,x-cal-client-id,x-cal-secret-key,x-cal-platform-embed,content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(/\s*,\s*/);
    for (const header of ["authorization", "cal-api-version", "x-cal-client-id", "x-cal-secret-key", "x-cal-platform-embed", "content-type"]) {
      expect(allowed).toContain(header);
    }
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("the actual cross-origin response allows any origin", async () => {
    const res = await api(publicPath("intro", { username: host.username }), {
      headers: { origin: "https://partner.example", "x-cal-platform-embed": "true" },
      version: "2024-06-14",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});
