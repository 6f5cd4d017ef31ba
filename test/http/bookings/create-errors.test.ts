import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../../helpers/api";
import { at, attendee, book, createBookableEventType, createHost, futureMonday, uniqueSlug, V, type Host } from "../../helpers/bookings";

let host: Host;
let eventTypeId: number;
const monday = futureMonday(7);

beforeAll(async () => {
  host = await createHost();
  eventTypeId = (await createBookableEventType(host, { afterEventBuffer: 30 })).id;
});

const expectError = (res: { status: number; body: any }, status: number, message: string | RegExp) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.status).toBe("error");
  if (typeof message === "string") expect(res.body.error.message).toBe(message);
  else expect(res.body.error.message).toMatch(message);
};

describe("POST /v2/bookings: bad input is a 400 naming the field, never a 500", () => {
  it.each([
    ["no start", { attendee: attendee() }, /^start - /],
    ["start not ISO", { start: "next tuesday", attendee: attendee() }, /^start - must be an ISO 8601 date-time/],
    ["no attendee", { start: "2030-01-07T09:00:00Z" }, /^attendee - /],
    ["attendee without name", { start: "2030-01-07T09:00:00Z", attendee: { email: "a@example.com", timeZone: "UTC" } }, /attendee\.name - /],
    ["bad attendee email", { start: "2030-01-07T09:00:00Z", attendee: { name: "A", email: "nope", timeZone: "UTC" } }, /attendee\.email - /],
    [
      "neither email nor phone",
      { start: "2030-01-07T09:00:00Z", attendee: { name: "A", timeZone: "UTC" } },
      /attendee\.email - attendee\.email or attendee\.phoneNumber must be provided/,
    ],
    ["bad time zone", { start: "2030-01-07T09:00:00Z", attendee: { name: "A", email: "a@example.com", timeZone: "Mars/Olympus" } }, /attendee\.timeZone - /],
    [
      "bad language",
      { start: "2030-01-07T09:00:00Z", attendee: { name: "A", email: "a@example.com", timeZone: "UTC", language: "xx" } },
      /attendee\.language - /,
    ],
    ["unknown key (Cal.com's pipe forbids them)", { start: "2030-01-07T09:00:00Z", attendee: attendee(), colour: "red" }, /colour/],
    ["bad guest email", { start: "2030-01-07T09:00:00Z", attendee: attendee(), guests: ["not-an-email"] }, /guests\.0 - /],
    ["bad metadata", { start: "2030-01-07T09:00:00Z", attendee: attendee(), metadata: { ["k".repeat(41)]: "v" } }, /metadata/],
    ["unknown location type", { start: "2030-01-07T09:00:00Z", attendee: attendee(), location: { type: "teleport" } }, /location/],
    ["negative lengthInMinutes", { start: "2030-01-07T09:00:00Z", attendee: attendee(), lengthInMinutes: -5 }, /lengthInMinutes - /],
  ])("%s", async (_name, body, message) => {
    const res = await book({ eventTypeId: 1, ...body });
    expectError(res, 400, message);
    expect(res.body.error.code).toBe("BadRequestException");
  });

  it("no event type named: 400 naming eventTypeId", async () => {
    expectError(await book({ start: at(monday, 0, 9), attendee: attendee() }), 400, /^eventTypeId - provide eventTypeId, or eventTypeSlug/);
  });

  it("malformed JSON is a 400", async () => {
    const res = await api("/v2/bookings", { method: "POST", version: V, rawBody: "{", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
  });
});

describe("POST /v2/bookings: unknown event types are Cal.com's 404s", () => {
  it("by id, by username + slug, by unknown user, by team slug", async () => {
    expectError(await book({ start: at(monday, 0, 9), eventTypeId: 2_000_000_000, attendee: attendee() }), 404, "Event type with id 2000000000 not found.");
    expectError(
      await book({ start: at(monday, 0, 9), eventTypeSlug: "nope", username: host.username, attendee: attendee() }),
      404,
      `Event type with slug nope belonging to user ${host.username} not found.`,
    );
    expectError(
      await book({ start: at(monday, 0, 9), eventTypeSlug: "x", username: uniqueSlug("ghost"), attendee: attendee() }),
      404,
      /^User with username ghost-.* not found$/,
    );
    expectError(
      await book({ start: at(monday, 0, 9), eventTypeSlug: "x", teamSlug: uniqueSlug("team"), attendee: attendee() }),
      404,
      /^Team with slug team-.* not found$/,
    );
  });
});

describe("POST /v2/bookings: the slot must be offered by the slots engine", () => {
  it("a taken slot, and a slot inside the booking's after-buffer, are 409s", async () => {
    expect((await book({ start: at(monday, 0, 9), eventTypeId, attendee: attendee() })).status).toBe(201);
    expectError(
      await book({ start: at(monday, 0, 9), eventTypeId, attendee: attendee() }),
      409,
      "User either already has booking at this time or is not available",
    );
    // 09:00-09:30 booked + 30 min buffer: 09:30 is not offered.
    expectError(
      await book({ start: at(monday, 0, 9, 30), eventTypeId, attendee: attendee() }),
      409,
      "User either already has booking at this time or is not available",
    );
    expect((await book({ start: at(monday, 0, 10), eventTypeId, attendee: attendee() })).status).toBe(201);
  });

  it("outside the schedule (a Saturday, 20:00) and off the slot grid are 409s", async () => {
    expectError(
      await book({ start: at(monday, 5, 10), eventTypeId, attendee: attendee() }),
      409,
      "User either already has booking at this time or is not available",
    );
    expectError(
      await book({ start: at(monday, 0, 20), eventTypeId, attendee: attendee() }),
      409,
      "User either already has booking at this time or is not available",
    );
    expectError(
      await book({ start: at(monday, 0, 11, 7), eventTypeId, attendee: attendee() }),
      409,
      "User either already has booking at this time or is not available",
    );
  });

  it("the past is a 400", async () => {
    expectError(await book({ start: "2020-01-06T09:00:00Z", eventTypeId, attendee: attendee() }), 400, "Attempting to book a meeting in the past.");
  });

  it("minimum notice and the booking window are enforced at creation (400, Cal.com's message)", async () => {
    const notice = await createBookableEventType(host, { minimumBookingNotice: 525_600 });
    expectError(
      await book({ start: at(monday, 1, 9), eventTypeId: notice.id, attendee: attendee() }),
      400,
      /^The event type can't be booked at the "start" time provided\./,
    );
    const window = await createBookableEventType(host, { bookingWindow: { type: "calendarDays", value: 5, rolling: false } });
    expectError(
      await book({ start: at(monday, 1, 9), eventTypeId: window.id, attendee: attendee() }),
      400,
      /^The event type can't be booked at the "start" time provided\./,
    );
  });

  it("booking limits are enforced at creation: one per day, the second that day is a 409", async () => {
    const limited = await createBookableEventType(host, { bookingLimitsCount: { day: 1 } });
    expect((await book({ start: at(monday, 2, 9), eventTypeId: limited.id, attendee: attendee() })).status).toBe(201);
    expectError(
      await book({ start: at(monday, 2, 14), eventTypeId: limited.id, attendee: attendee() }),
      409,
      "User either already has booking at this time or is not available",
    );
    expect((await book({ start: at(monday, 3, 14), eventTypeId: limited.id, attendee: attendee() })).status).toBe(201);
  });

  it("the booker's active bookings limit", async () => {
    const limited = await createBookableEventType(host, { bookerActiveBookingsLimit: { maximumActiveBookings: 1 } });
    const booker = attendee();
    expect((await book({ start: at(monday, 3, 9), eventTypeId: limited.id, attendee: booker })).status).toBe(201);
    expectError(
      await book({ start: at(monday, 3, 10), eventTypeId: limited.id, attendee: booker }),
      400,
      "Attendee with this email can't book because the maximum number of active bookings has been reached.",
    );
  });
});

describe("POST /v2/bookings: the event type's own rules", () => {
  it("a required custom booking field must be answered, with the right type and a known option", async () => {
    const { id } = await createBookableEventType(host, {
      bookingFields: [
        { type: "text", slug: "company", label: "Company", required: true },
        { type: "select", slug: "size", label: "Size", required: false, options: ["S", "M"] },
      ],
    });
    expectError(await book({ start: at(monday, 4, 9), eventTypeId: id, attendee: attendee() }), 400, /^Missing required booking field response: company - /);
    expectError(
      await book({ start: at(monday, 4, 9), eventTypeId: id, attendee: attendee(), bookingFieldsResponses: { company: 42 } }),
      400,
      "Invalid type for booking field 'company'. Expected type string (compatible with field type 'text'), but received number.",
    );
    expectError(
      await book({ start: at(monday, 4, 9), eventTypeId: id, attendee: attendee(), bookingFieldsResponses: { company: "A", size: "XL" } }),
      400,
      "Invalid option 'XL' for booking field 'size'. Allowed options are: S, M.",
    );
  });

  it("instant bookings are for team event types only", async () => {
    expectError(
      await book({ start: at(monday, 4, 10), eventTypeId, attendee: attendee(), instant: true }),
      400,
      "Instant bookings are only supported for team event types, not individual user event types.",
    );
  });

  it("bookingRequiresAuthentication: anonymous 401, another user 403, the owner books", async () => {
    const { id } = await createBookableEventType(host, { bookingRequiresAuthentication: true });
    expectError(
      await book({ start: at(monday, 4, 11), eventTypeId: id, attendee: attendee() }),
      401,
      /^checkBookingRequiresAuthentication - request must be authenticated/,
    );
    const stranger = await createHost();
    expectError(
      await book({ start: at(monday, 4, 11), eventTypeId: id, attendee: attendee() }, { key: stranger.apiKey }),
      403,
      /^checkBookingRequiresAuthentication - user is not authorized/,
    );
    expect((await book({ start: at(monday, 4, 11), eventTypeId: id, attendee: attendee() }, { key: host.apiKey })).status).toBe(201);
  });

  it("invalid credentials are a 401 even though the route accepts anonymous bookers", async () => {
    const res = await book({ start: at(monday, 4, 12), eventTypeId, attendee: attendee() }, { key: "cal_00000000000000000000000000000000" });
    expect(res.status).toBe(401);
  });
});
