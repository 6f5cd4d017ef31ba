-- GET /v2/bookings finds the bookings a caller attends by their email, case-insensitively (src/bookings/list.ts:
-- lower("email"), as Cal.com compares attendee emails). "Attendee_email_idx" cannot serve lower(), so Postgres read
-- every attendee on every list: with 1 000 000 attendees, 140 ms of a 153 ms statement (README "Bookings lists").
-- Prisma's schema cannot declare an expression index; the drift test checks only the indexes the schema declares.
CREATE INDEX "Attendee_email_lower_idx" ON "Attendee" (lower("email"));
