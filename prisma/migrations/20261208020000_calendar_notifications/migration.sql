-- Change notifications of connected calendars (src/calendars/notifications/): a Google Calendar push channel
-- (events.watch) is recorded in Cal.com's googleChannel* columns of the SelectedCalendar it watches; a Microsoft
-- Graph subscription on me/calendars/{id}/events in these two columns of ours (Graph's id and its expiry, epoch ms
-- as text like googleChannelExpiration), plus when the last attempt to subscribe failed (the cron retries later).
ALTER TABLE "SelectedCalendar" ADD COLUMN "office365SubscriptionId" TEXT,
ADD COLUMN "office365SubscriptionExpiration" TEXT,
ADD COLUMN "notificationsFailedAt" TIMESTAMP(3);

CREATE INDEX "SelectedCalendar_googleChannelId_idx" ON "SelectedCalendar"("googleChannelId");
CREATE INDEX "SelectedCalendar_office365SubscriptionId_idx" ON "SelectedCalendar"("office365SubscriptionId");

-- Recording or renewing a channel is not a change of the host's calendars: the calendarsVersion trigger now fires
-- only when a row is added or removed or a column that says which calendar is selected changes.
DROP TRIGGER "SelectedCalendar_calendars_version" ON "SelectedCalendar";
CREATE TRIGGER "SelectedCalendar_calendars_version" AFTER INSERT OR DELETE ON "SelectedCalendar"
  FOR EACH ROW EXECUTE FUNCTION "calendars_version_by_user_id"();
CREATE TRIGGER "SelectedCalendar_calendars_version_update"
  AFTER UPDATE OF "userId", "integration", "externalId", "credentialId", "eventTypeId", "delegationCredentialId" ON "SelectedCalendar"
  FOR EACH ROW EXECUTE FUNCTION "calendars_version_by_user_id"();
