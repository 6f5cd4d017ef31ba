import { z } from "zod";

// A queue message (on the webhook queue, src/queues/index.ts): bring the calendar event of booking `bookingUid`
// in line with the booking as it is now (written, updated, moved or deleted). `series`: every booking of its
// recurring series too (a cancelled series). Carries no booking data: a redelivered or late message reads the
// current state, so it can never undo a later change.
export const CalendarEventMessageSchema = z.object({
  kind: z.literal("calendar-event"),
  bookingUid: z.string().min(1),
  series: z.boolean().optional(),
});

export type CalendarEventMessage = z.infer<typeof CalendarEventMessageSchema>;

export const calendarEventMessage = (bookingUid: string, series = false): MessageSendRequest<CalendarEventMessage> => ({
  body: { kind: "calendar-event", bookingUid, ...(series ? { series } : {}) },
  contentType: "json",
});
