-- CreateEnum
CREATE TYPE "PeriodType" AS ENUM ('unlimited', 'rolling', 'rolling_window', 'range');

-- CreateTable
CREATE TABLE "EventType" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "length" INTEGER NOT NULL,
    "multipleDuration" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "slotInterval" INTEGER,
    "offsetStart" INTEGER NOT NULL DEFAULT 0,
    "minimumBookingNotice" INTEGER NOT NULL DEFAULT 120,
    "beforeEventBuffer" INTEGER NOT NULL DEFAULT 0,
    "afterEventBuffer" INTEGER NOT NULL DEFAULT 0,
    "scheduleId" INTEGER,
    "periodType" "PeriodType" NOT NULL DEFAULT 'unlimited',
    "periodDays" INTEGER,
    "periodCountCalendarDays" BOOLEAN,
    "periodStartDate" DATE,
    "periodEndDate" DATE,
    "bookingLimitPerDay" INTEGER,
    "bookingLimitPerWeek" INTEGER,
    "bookingLimitPerMonth" INTEGER,
    "bookingLimitPerYear" INTEGER,
    "durationLimitPerDay" INTEGER,
    "durationLimitPerWeek" INTEGER,
    "durationLimitPerMonth" INTEGER,
    "durationLimitPerYear" INTEGER,
    "seatsPerTimeSlot" INTEGER,
    "seatsShowAttendees" BOOLEAN NOT NULL DEFAULT false,
    "seatsShowAvailabilityCount" BOOLEAN NOT NULL DEFAULT true,
    "requiresConfirmation" BOOLEAN NOT NULL DEFAULT false,
    "requiresConfirmationWillBlockSlot" BOOLEAN NOT NULL DEFAULT false,
    "requiresConfirmationThresholdTime" INTEGER,
    "requiresConfirmationThresholdUnit" TEXT,
    "recurrenceFrequency" TEXT,
    "recurrenceInterval" INTEGER,
    "recurrenceOccurrences" INTEGER,
    "maxActiveBookingsPerBooker" INTEGER,
    "maxActiveBookingPerBookerOfferReschedule" BOOLEAN NOT NULL DEFAULT false,
    "onlyShowFirstAvailableSlot" BOOLEAN NOT NULL DEFAULT false,
    "lockTimeZoneToggleOnBookingPage" BOOLEAN NOT NULL DEFAULT false,
    "disableGuests" BOOLEAN NOT NULL DEFAULT false,
    "requiresBookerEmailVerification" BOOLEAN NOT NULL DEFAULT false,
    "hideCalendarNotes" BOOLEAN NOT NULL DEFAULT false,
    "hideCalendarEventDetails" BOOLEAN NOT NULL DEFAULT false,
    "hideOrganizerEmail" BOOLEAN NOT NULL DEFAULT false,
    "bookingRequiresAuthentication" BOOLEAN NOT NULL DEFAULT false,
    "useEventTypeDestinationCalendarEmail" BOOLEAN NOT NULL DEFAULT false,
    "canSendCalVideoTranscriptionEmails" BOOLEAN NOT NULL DEFAULT true,
    "disableCancelling" BOOLEAN NOT NULL DEFAULT false,
    "disableRescheduling" BOOLEAN NOT NULL DEFAULT false,
    "minimumRescheduleNotice" INTEGER,
    "allowReschedulingPastBookings" BOOLEAN NOT NULL DEFAULT false,
    "allowReschedulingCancelledBookings" BOOLEAN NOT NULL DEFAULT false,
    "showOptimizedSlots" BOOLEAN NOT NULL DEFAULT false,
    "isInstantEvent" BOOLEAN NOT NULL DEFAULT false,
    "interfaceLanguage" TEXT,
    "eventName" TEXT,
    "successRedirectUrl" TEXT,
    "forwardParamsSuccessRedirect" BOOLEAN NOT NULL DEFAULT true,
    "price" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'usd',
    "locations" JSONB,
    "bookingFields" JSONB,
    "bookerLayouts" JSONB,
    "eventTypeColor" JSONB,
    "calVideoSettings" JSONB,
    "metadata" JSONB,

    CONSTRAINT "EventType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HashedLink" (
    "id" SERIAL NOT NULL,
    "link" TEXT NOT NULL,
    "eventTypeId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "maxUsageCount" INTEGER,
    "usageCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HashedLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Availability" (
    "id" SERIAL NOT NULL,
    "scheduleId" INTEGER NOT NULL,
    "days" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "date" DATE,

    CONSTRAINT "Availability_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventType_scheduleId_idx" ON "EventType"("scheduleId");

-- CreateIndex
CREATE UNIQUE INDEX "EventType_userId_slug_key" ON "EventType"("userId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "HashedLink_link_key" ON "HashedLink"("link");

-- CreateIndex
CREATE INDEX "HashedLink_eventTypeId_idx" ON "HashedLink"("eventTypeId");

-- CreateIndex
CREATE INDEX "Schedule_userId_idx" ON "Schedule"("userId");

-- CreateIndex
CREATE INDEX "Availability_scheduleId_idx" ON "Availability"("scheduleId");

-- AddForeignKey
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HashedLink" ADD CONSTRAINT "HashedLink_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Beyond Prisma's schema language: availability rows hold wall-clock minutes of one day, weekday numbers 0 (Sunday)
-- to 6, and are either a weekly rule (days, no date) or a date override (date, no days).
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_minutes_check"
    CHECK ("startMinute" >= 0 AND "startMinute" < 1440 AND "endMinute" >= "startMinute" AND "endMinute" < 1440);
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_days_check"
    CHECK ("days" <@ ARRAY[0, 1, 2, 3, 4, 5, 6]);
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_rule_or_override_check"
    CHECK (("date" IS NULL) = (cardinality("days") > 0));
