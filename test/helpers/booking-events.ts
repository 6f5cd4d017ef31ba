// Helpers of the booking → calendar event tests (test/http/calendars/booking-events*.test.ts): a host with a
// CalDAV (Apple) connection on the local Radicale, the BookingReference rows of a booking, and polling for what
// the background queue consumer does.
import { createBookableEventType, createHost, type Host } from "./bookings";
import { connectApple, createDavCalendar, createDavUser, type DavUser } from "./calendars";
import { withDb } from "./fixtures";

export interface Writer<N extends string> {
  host: Host;
  dav: DavUser;
  eventTypeId: number;
  calendars: Record<N, string>;
}

/** Connects a host (new unless given) to a new Radicale account holding the named calendars. */
export async function connectCalendars<N extends string>(calendarNames: N[], host?: Host): Promise<{ host: Host; dav: DavUser; calendars: Record<N, string> }> {
  const owner = host ?? (await createHost());
  const dav = await createDavUser();
  const calendars = {} as Record<N, string>;
  for (const name of calendarNames) calendars[name] = await createDavCalendar(dav, name, name);
  await connectApple(owner.apiKey, dav);
  return { host: owner, dav, calendars };
}

/** A host with an Apple (CalDAV) connection holding the named calendars, and a bookable event type. */
export async function writer<N extends string>(calendarNames: N[], eventType: Record<string, unknown> = {}): Promise<Writer<N>> {
  const connected = await connectCalendars(calendarNames);
  const { id } = await createBookableEventType(connected.host, { title: "Strategy call", ...eventType });
  return { ...connected, eventTypeId: id };
}

export const referencesOf = (uid: string) => withDb((db) => db.bookingReference.findMany({ where: { booking: { uid } }, orderBy: { id: "asc" } }));

export async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The booking's reference once its event is written. */
export const writtenReference = (uid: string) =>
  waitFor(
    `the event of ${uid}`,
    () => referencesOf(uid),
    (refs) => refs.some((r) => r.syncState === "written"),
  ).then((refs) => refs.find((r) => r.syncState === "written")!);

/** iCalendar's UTC form of an ISO instant. */
export const utcStamp = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** iCalendar text with folded lines unfolded. */
export const unfold = (ics: string | null) => (ics ?? "").replace(/\r\n[ \t]/g, "");
