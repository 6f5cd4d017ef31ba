-- Bookings write events to the organizer's destination calendar (src/calendars/booking-events/). Cal.com's
-- BookingReference keeps its columns and meaning (uid = the provider's event id, "" while none is written,
-- deleted = true once the event is removed); these columns are ours and record the write's progress:
--   syncState        NULL for rows we did not write (Cal.com's, video); 'pending' until the event is written,
--                    'written' once it is, 'failed' when the provider refused for good or the retries ran out
--   syncEventId      the provider id chosen before the first attempt, so a retried create overwrites, never duplicates
--   syncAttempts     failed attempts so far; syncError the last failure; syncedAt the last successful write
--   syncFingerprint  digest of the event as last written (a reschedule or edit changes it: the event is updated)
--   syncLeaseUntil   a consumer working on the row holds it until then (duplicate queue messages wait)

-- AlterTable
ALTER TABLE "BookingReference" ADD COLUMN "syncState" TEXT,
ADD COLUMN "syncEventId" TEXT,
ADD COLUMN "syncAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "syncError" TEXT,
ADD COLUMN "syncFingerprint" TEXT,
ADD COLUMN "syncedAt" TIMESTAMP(3),
ADD COLUMN "syncLeaseUntil" TIMESTAMP(3);

-- One live calendar write per booking (the organizer's destination), whatever concurrent consumers do.
CREATE UNIQUE INDEX "BookingReference_one_live_calendar_write" ON "BookingReference"("bookingId")
  WHERE "syncState" IS NOT NULL AND "deleted" IS NOT TRUE;
