-- CreateTable
-- One row per host whose slots ever changed: "version" moves on every committed change to what the host's
-- slots are computed from (bookings, their attendees, holds, event types, schedules and their rules, the user
-- row). Slot answers cached by the API carry the version they were computed at (src/availability/answer-cache.ts).
CREATE TABLE "SlotsVersion" (
    "userId" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlotsVersion_pkey" PRIMARY KEY ("userId")
);

-- Triggers, so that no code path (API, scripts, hand-written SQL) can change a host's slots without moving
-- its version. No foreign key: a deleted user's row is harmless and the delete must not fail on it.
CREATE FUNCTION "bump_slots_version"(host INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SlotsVersion" ("userId") VALUES (host)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "SlotsVersion"."version" + 1, "updatedAt" = CURRENT_TIMESTAMP;
$$;

-- For tables that name the host in a "userId" column.
CREATE FUNCTION "slots_version_by_user_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."userId" IS NOT NULL THEN PERFORM "bump_slots_version"(OLD."userId"); END IF;
  IF TG_OP <> 'DELETE' AND NEW."userId" IS NOT NULL AND (TG_OP = 'INSERT' OR NEW."userId" IS DISTINCT FROM OLD."userId") THEN
    PERFORM "bump_slots_version"(NEW."userId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "slots_version_by_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_slots_version"(COALESCE(NEW."id", OLD."id"));
  RETURN NULL;
END;
$$;

CREATE FUNCTION "slots_version_by_attendee"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_slots_version"(b."userId") FROM "Booking" b
  WHERE b."userId" IS NOT NULL AND b."id" IN (
    CASE WHEN TG_OP <> 'INSERT' THEN OLD."bookingId" END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW."bookingId" END);
  RETURN NULL;
END;
$$;

CREATE FUNCTION "slots_version_by_availability"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_slots_version"(s."userId") FROM "Schedule" s
  WHERE s."id" IN (
    CASE WHEN TG_OP <> 'INSERT' THEN OLD."scheduleId" END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW."scheduleId" END);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Booking_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_user_id"();
CREATE TRIGGER "SelectedSlots_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "SelectedSlots"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_user_id"();
CREATE TRIGGER "EventType_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "EventType"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_user_id"();
CREATE TRIGGER "Schedule_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "Schedule"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_user_id"();
CREATE TRIGGER "Attendee_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "Attendee"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_attendee"();
CREATE TRIGGER "Availability_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "Availability"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_availability"();
CREATE TRIGGER "users_slots_version" AFTER UPDATE OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_user"();
