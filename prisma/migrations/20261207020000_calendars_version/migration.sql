-- Connected calendars in availability (src/calendars/availability.ts): a host's busy time from their selected
-- calendars is cached per connection under the host's "calendarsVersion", read in the same statement as the
-- host list (src/event-types/slots-loader.ts). Every committed change to a host's selected calendars or
-- calendar credentials moves it, and moves the host's slots "version" too, so cached slot answers go stale at
-- once (see 20261126060000_slots_versions). The API also moves it after writing to a host's calendar.
ALTER TABLE "SlotsVersion" ADD COLUMN "calendarsVersion" BIGINT NOT NULL DEFAULT 1;

CREATE FUNCTION "bump_calendars_version"(host INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SlotsVersion" ("userId") VALUES (host)
  ON CONFLICT ("userId") DO UPDATE SET "version" = "SlotsVersion"."version" + 1,
    "calendarsVersion" = "SlotsVersion"."calendarsVersion" + 1, "updatedAt" = CURRENT_TIMESTAMP;
$$;

CREATE FUNCTION "calendars_version_by_user_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."userId" IS NOT NULL THEN PERFORM "bump_calendars_version"(OLD."userId"); END IF;
  IF TG_OP <> 'DELETE' AND NEW."userId" IS NOT NULL AND (TG_OP = 'INSERT' OR NEW."userId" IS DISTINCT FROM OLD."userId") THEN
    PERFORM "bump_calendars_version"(NEW."userId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "SelectedCalendar_calendars_version" AFTER INSERT OR UPDATE OR DELETE ON "SelectedCalendar"
  FOR EACH ROW EXECUTE FUNCTION "calendars_version_by_user_id"();
CREATE TRIGGER "Credential_calendars_version" AFTER INSERT OR UPDATE OR DELETE ON "Credential"
  FOR EACH ROW EXECUTE FUNCTION "calendars_version_by_user_id"();
