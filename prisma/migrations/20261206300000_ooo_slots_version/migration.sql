-- Out-of-office entries take a host's days away from their slots: every committed change to one moves the
-- host's SlotsVersion (see 20261126060000_slots_versions), so cached slot answers go stale at once.
CREATE TRIGGER "OutOfOfficeEntry_slots_version" AFTER INSERT OR UPDATE OR DELETE ON "OutOfOfficeEntry"
  FOR EACH ROW EXECUTE FUNCTION "slots_version_by_user_id"();
