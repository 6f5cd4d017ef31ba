-- Teams: team profile columns, membership impersonation flag, team event types (team, scheduling type,
-- managed parent) with their hosts, and the hosts every booking holds.

-- CreateEnum
CREATE TYPE "SchedulingType" AS ENUM ('roundRobin', 'collective', 'managed');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN "logoUrl" TEXT,
    ADD COLUMN "calVideoLogo" TEXT,
    ADD COLUMN "appLogo" TEXT,
    ADD COLUMN "appIconLogo" TEXT,
    ADD COLUMN "bio" TEXT,
    ADD COLUMN "hideBranding" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "isPrivate" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "hideBookATeamMember" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "theme" TEXT,
    ADD COLUMN "brandColor" TEXT,
    ADD COLUMN "darkBrandColor" TEXT,
    ADD COLUMN "bannerUrl" TEXT,
    ADD COLUMN "timeFormat" INTEGER,
    ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    ADD COLUMN "weekStart" TEXT NOT NULL DEFAULT 'Sunday',
    ADD COLUMN "bookingLimits" JSONB,
    ADD COLUMN "includeManagedEventsInLimits" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "createdByOAuthClientId" TEXT,
    ADD COLUMN "pendingPayment" BOOLEAN NOT NULL DEFAULT false;

-- Standalone teams (and organizations) share one slug space: (slug, parentId) alone lets NULL parents repeat.
CREATE UNIQUE INDEX "Team_slug_standalone_key" ON "Team"("slug") WHERE "parentId" IS NULL;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN "disableImpersonation" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "EventType" ALTER COLUMN "userId" DROP NOT NULL,
    ADD COLUMN "teamId" INTEGER,
    ADD COLUMN "schedulingType" "SchedulingType",
    ADD COLUMN "parentId" INTEGER,
    ADD COLUMN "assignAllTeamMembers" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "rescheduleWithSameRoundRobinHost" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "isRRWeightsEnabled" BOOLEAN NOT NULL DEFAULT false;

CREATE UNIQUE INDEX "EventType_teamId_slug_key" ON "EventType"("teamId", "slug");
CREATE INDEX "EventType_parentId_idx" ON "EventType"("parentId");

ALTER TABLE "EventType" ADD CONSTRAINT "EventType_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- An event type belongs to a user or to a team.
ALTER TABLE "EventType" ADD CONSTRAINT "EventType_owner_check" CHECK ("userId" IS NOT NULL OR "teamId" IS NOT NULL);

-- CreateTable
CREATE TABLE "Host" (
    "userId" INTEGER NOT NULL,
    "eventTypeId" INTEGER NOT NULL,
    "isFixed" BOOLEAN NOT NULL DEFAULT false,
    "priority" INTEGER,
    "weight" INTEGER,
    "scheduleId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Host_pkey" PRIMARY KEY ("userId", "eventTypeId")
);
CREATE INDEX "Host_eventTypeId_idx" ON "Host"("eventTypeId");
CREATE INDEX "Host_scheduleId_idx" ON "Host"("scheduleId");
ALTER TABLE "Host" ADD CONSTRAINT "Host_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Host" ADD CONSTRAINT "Host_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Host" ADD CONSTRAINT "Host_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "BookingHost" (
    "bookingId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "isOrganizer" BOOLEAN NOT NULL DEFAULT false,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "status" "BookingStatus" NOT NULL,

    CONSTRAINT "BookingHost_pkey" PRIMARY KEY ("bookingId", "userId")
);
CREATE INDEX "BookingHost_userId_startTime_idx" ON "BookingHost"("userId", "startTime");
ALTER TABLE "BookingHost" ADD CONSTRAINT "BookingHost_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BookingHost" ADD CONSTRAINT "BookingHost_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- No host is ever in two accepted bookings at once, organizer or co-host.
ALTER TABLE "BookingHost" ADD CONSTRAINT "BookingHost_accepted_no_overlap"
    EXCLUDE USING gist ("userId" WITH =, tsrange("startTime", "endTime") WITH &&)
    WHERE ("status" = 'accepted');

-- The organizer's row follows Booking.userId; every row follows the booking's times and status. Co-hosts'
-- rows are inserted by the booking code (src/bookings/), in the same transaction as the booking.
CREATE FUNCTION "booking_hosts_follow_booking"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW."userId" IS DISTINCT FROM OLD."userId" THEN
      DELETE FROM "BookingHost" WHERE "bookingId" = NEW."id" AND "isOrganizer";
    END IF;
    IF NEW."startTime" IS DISTINCT FROM OLD."startTime" OR NEW."endTime" IS DISTINCT FROM OLD."endTime" OR NEW."status" IS DISTINCT FROM OLD."status" THEN
      UPDATE "BookingHost" SET "startTime" = NEW."startTime", "endTime" = NEW."endTime", "status" = NEW."status"
      WHERE "bookingId" = NEW."id";
    END IF;
  END IF;
  IF NEW."userId" IS NOT NULL AND (TG_OP = 'INSERT' OR NEW."userId" IS DISTINCT FROM OLD."userId") THEN
    INSERT INTO "BookingHost" ("bookingId", "userId", "isOrganizer", "startTime", "endTime", "status")
    VALUES (NEW."id", NEW."userId", true, NEW."startTime", NEW."endTime", NEW."status")
    ON CONFLICT ("bookingId", "userId") DO UPDATE SET "isOrganizer" = true;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Booking_hosts" AFTER INSERT OR UPDATE ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION "booking_hosts_follow_booking"();

-- Existing bookings: their organizer.
INSERT INTO "BookingHost" ("bookingId", "userId", "isOrganizer", "startTime", "endTime", "status")
SELECT "id", "userId", true, "startTime", "endTime", "status" FROM "Booking" WHERE "userId" IS NOT NULL;

-- Slot answer versions (migration 20261126060000): a host's slots change with the bookings it holds and with
-- the team event types it hosts. A team event type's change moves every host's version; a host added to or
-- removed from an event type moves the versions of all its hosts, so answers cached for the old host list
-- are stale at once.
CREATE TRIGGER "BookingHost_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "BookingHost"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_user_id"();

CREATE FUNCTION "slots_version_by_event_type_hosts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_slots_version"(h."userId") FROM "Host" h
  WHERE h."eventTypeId" IN (
    CASE WHEN TG_OP <> 'INSERT' THEN OLD."id" END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW."id" END);
  RETURN NULL;
END;
$$;
CREATE TRIGGER "EventType_hosts_slots_version" AFTER UPDATE OR DELETE ON "EventType"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_event_type_hosts"();

CREATE FUNCTION "slots_version_by_host"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_slots_version"(h."userId") FROM "Host" h
  WHERE h."eventTypeId" IN (
    CASE WHEN TG_OP <> 'INSERT' THEN OLD."eventTypeId" END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW."eventTypeId" END);
  IF TG_OP <> 'INSERT' THEN PERFORM "bump_slots_version"(OLD."userId"); END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Host_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "Host"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_host"();
