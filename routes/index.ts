import type { Operation } from "../src/operation";
import { refreshApiKeyOperation } from "./api-keys/refresh";
import { checkAtomsEmailVerificationOperation } from "./atoms/check-email-verification";
import { getAtomsPublicEventTypeOperation } from "./atoms/get-public-event-type";
import { listCalendarsOperation } from "./calendars/list";
import { getConferencingOAuthUrlOperation } from "./conferencing/auth-url";
import { saveConferencingOAuthCredentialsOperation } from "./conferencing/callback";
import { connectConferencingAppOperation } from "./conferencing/connect";
import { disconnectConferencingAppOperation } from "./conferencing/disconnect";
import { getDefaultConferencingAppOperation } from "./conferencing/get-default";
import { listConferencingAppsOperation } from "./conferencing/list";
import { setDefaultConferencingAppOperation } from "./conferencing/set-default";
import { getTeamConferencingOAuthUrlOperation } from "./organizations/teams/conferencing/auth-url";
import { saveTeamConferencingOAuthCredentialsOperation } from "./organizations/teams/conferencing/callback";
import { connectTeamConferencingAppOperation } from "./organizations/teams/conferencing/connect";
import { disconnectTeamConferencingAppOperation } from "./organizations/teams/conferencing/disconnect";
import { getDefaultTeamConferencingAppOperation } from "./organizations/teams/conferencing/get-default";
import { listTeamConferencingAppsOperation } from "./organizations/teams/conferencing/list";
import { setDefaultTeamConferencingAppOperation } from "./organizations/teams/conferencing/set-default";
import { checkTeamStripeConnectionOperation } from "./organizations/teams/stripe/check";
import { getTeamStripeConnectUrlOperation } from "./organizations/teams/stripe/connect";
import { saveTeamStripeCredentialsOperation } from "./organizations/teams/stripe/save";
import { checkStripeConnectionOperation } from "./stripe/check";
import { getStripeConnectUrlOperation } from "./stripe/connect";
import { saveStripeCredentialsOperation } from "./stripe/save";
import { receiveStripeWebhookOperation } from "./stripe/webhook";
import { getBusyTimesOperation } from "./calendars/busy-times";
import { checkCalendarOperation } from "./calendars/check";
import { calendarConnectOperation } from "./calendars/connect";
import { disconnectCalendarOperation } from "./calendars/disconnect";
import { checkIcsFeedOperation } from "./calendars/ics-feed-check";
import { saveIcsFeedOperation } from "./calendars/ics-feed-save";
import { saveCalendarCredentialsOperation } from "./calendars/save-credentials";
import { saveCalendarOAuthOperation } from "./calendars/save-oauth";
import { updateDestinationCalendarOperation } from "./destination-calendars/update";
import { addSelectedCalendarOperation } from "./selected-calendars/add";
import { removeSelectedCalendarOperation } from "./selected-calendars/remove";
import { getUnifiedCalendarEventOperation } from "./unified-calendars/get";
import { updateUnifiedCalendarEventOperation } from "./unified-calendars/update";
import { cancelBookingLegacyOperation } from "./bookings/2024-04-15/cancel";
import { createBookingLegacyOperation } from "./bookings/2024-04-15/create";
import { getBookingForRescheduleLegacyOperation } from "./bookings/2024-04-15/get-for-reschedule";
import { createInstantBookingLegacyOperation } from "./bookings/2024-04-15/instant";
import { createRecurringBookingLegacyOperation } from "./bookings/2024-04-15/recurring";
import { addGuestsOperation } from "./bookings/2024-08-13/add-guests";
import { getCalendarLinksOperation } from "./bookings/2024-08-13/calendar-links";
import { cancelBookingOperation } from "./bookings/2024-08-13/cancel";
import { confirmBookingOperation } from "./bookings/2024-08-13/confirm";
import { createBookingOperation } from "./bookings/2024-08-13/create";
import { declineBookingOperation } from "./bookings/2024-08-13/decline";
import { getBookingOperation } from "./bookings/2024-08-13/get";
import { listBookingsOperation } from "./bookings/2024-08-13/list";
import { markAbsentOperation } from "./bookings/2024-08-13/mark-absent";
import { reassignBookingOperation } from "./bookings/2024-08-13/reassign";
import { reassignBookingToUserOperation } from "./bookings/2024-08-13/reassign-to-user";
import { getBookingReferencesOperation } from "./bookings/2024-08-13/references";
import { rescheduleBookingOperation } from "./bookings/2024-08-13/reschedule";
import { updateBookingLocationOperation } from "./bookings/2024-08-13/update-location";
import { getRecordingsOperation } from "./bookings/2024-08-13/recordings";
import { getTranscriptsOperation } from "./bookings/2024-08-13/transcripts";
import { getVideoSessionsOperation } from "./bookings/2024-08-13/conferencing-sessions";
import { getHealthOperation } from "./health/get";
import { receiveGoogleCalendarNotificationOperation } from "./internal/calendar-notifications/google";
import { receiveOffice365CalendarNotificationOperation } from "./internal/calendar-notifications/office365";
import { createEventTypeOperation } from "./event-types/create";
import { deleteEventTypeOperation } from "./event-types/delete";
import { getEventTypeOperation } from "./event-types/get";
import { listEventTypesOperation } from "./event-types/list";
import { createPrivateLinkOperation } from "./event-types/private-links/create";
import { deletePrivateLinkOperation } from "./event-types/private-links/delete";
import { listPrivateLinksOperation } from "./event-types/private-links/list";
import { updatePrivateLinkOperation } from "./event-types/private-links/update";
import { updateEventTypeOperation } from "./event-types/update";
import { eventTypeWebhookOperations } from "./event-types/webhooks";
import { getMeOperation } from "./me/get";
import { updateMeOperation } from "./me/update";
import { createScheduleOperation } from "./schedules/create";
import { deleteScheduleOperation } from "./schedules/delete";
import { getScheduleOperation } from "./schedules/get";
import { getDefaultScheduleOperation } from "./schedules/get-default";
import { listSchedulesOperation } from "./schedules/list";
import { updateScheduleOperation } from "./schedules/update";
import { createManagedUserOperation } from "./oauth-client-users/create";
import { deleteManagedUserOperation } from "./oauth-client-users/delete";
import { forceRefreshManagedUserOperation } from "./oauth-client-users/force-refresh";
import { getManagedUserOperation } from "./oauth-client-users/get";
import { listManagedUsersOperation } from "./oauth-client-users/list";
import { updateManagedUserOperation } from "./oauth-client-users/update";
import { createOAuthClientOperation } from "./oauth-clients/create";
import { deleteOAuthClientOperation } from "./oauth-clients/delete";
import { getOAuthClientOperation } from "./oauth-clients/get";
import { listOAuthClientsOperation } from "./oauth-clients/list";
import { updateOAuthClientOperation } from "./oauth-clients/update";
import { oAuthClientWebhookOperations } from "./oauth-clients/webhooks";
import { refreshTokensOperation } from "./oauth/refresh";
import { verifyProviderAccessTokenOperation } from "./provider/verify-access-token";
import { verifyProviderClientOperation } from "./provider/get-client";
import { listTimeZonesOperation } from "./timezones/list";
import { listWebhookDeliveriesOperation } from "./webhooks/list-deliveries";
import { userWebhookOperations } from "./webhooks/owners/user";
import { redeliverWebhookDeliveryOperation } from "./webhooks/redeliver";
import { getSlotsOperation } from "./slots/2024-09-04/get";
import { deleteSelectedSlotLegacyOperation } from "./slots/2024-04-15/delete-selected-slot";
import { getAvailableSlotsLegacyOperation } from "./slots/2024-04-15/available";
import { reserveSlotLegacyOperation } from "./slots/2024-04-15/reserve";
import { reserveSlotOperation } from "./slots/2024-09-04/reservations/create";
import { deleteReservedSlotOperation } from "./slots/2024-09-04/reservations/delete";
import { getReservedSlotOperation } from "./slots/2024-09-04/reservations/get";
import { updateReservedSlotOperation } from "./slots/2024-09-04/reservations/update";
// Teams / Event Types (and their webhooks).
import { createTeamEventTypeOperation } from "./teams/event-types/create";
import { createTeamEventTypePhoneCallOperation } from "./teams/event-types/create-phone-call";
import { deleteTeamEventTypeOperation } from "./teams/event-types/delete";
import { getTeamEventTypeOperation } from "./teams/event-types/get";
import { listTeamEventTypesOperation } from "./teams/event-types/list";
import { updateTeamEventTypeOperation } from "./teams/event-types/update";
import { teamEventTypeWebhookOperations } from "./teams/event-types/webhooks";

import { createTeamOperation } from "./teams/create";
import { deleteTeamOperation } from "./teams/delete";
import { getTeamOperation } from "./teams/get";
import { listTeamsOperation } from "./teams/list";
import { createTeamMembershipOperation } from "./teams/memberships/create";
import { deleteTeamMembershipOperation } from "./teams/memberships/delete";
import { getTeamMembershipOperation } from "./teams/memberships/get";
import { listTeamMembershipsOperation } from "./teams/memberships/list";
import { updateTeamMembershipOperation } from "./teams/memberships/update";
import { listTeamSchedulesOperation } from "./teams/schedules/list";
import { teamVerifiedResourceOperations } from "./teams/verified-resources";
import { userVerifiedResourceOperations } from "./verified-resources";
import { orgTeamVerifiedResourceOperations } from "./organizations/teams/verified-resources";
import { updateTeamOperation } from "./teams/update";
// org org-event-types: Orgs / Teams / Event Types and their private links.
import { createOrgTeamEventTypeOperation } from "./organizations/teams/event-types/create";
import { createOrgTeamEventTypePhoneCallOperation } from "./organizations/teams/event-types/create-phone-call";
import { deleteOrgTeamEventTypeOperation } from "./organizations/teams/event-types/delete";
import { getOrgTeamEventTypeOperation } from "./organizations/teams/event-types/get";
import { listOrgTeamEventTypesOperation } from "./organizations/teams/event-types/list";
import { listOrganizationTeamsEventTypesOperation } from "./organizations/teams/event-types/list-all";
import { updateOrgTeamEventTypeOperation } from "./organizations/teams/event-types/update";
import { createOrgTeamPrivateLinkOperation } from "./organizations/teams/event-types/private-links/create";
import { deleteOrgTeamPrivateLinkOperation } from "./organizations/teams/event-types/private-links/delete";
import { listOrgTeamPrivateLinksOperation } from "./organizations/teams/event-types/private-links/list";
import { updateOrgTeamPrivateLinkOperation } from "./organizations/teams/event-types/private-links/update";

// org org-teams
import { createOrgTeamOperation } from "./organizations/teams/create";
import { deleteOrgTeamOperation } from "./organizations/teams/delete";
import { getOrgTeamOperation } from "./organizations/teams/get";
import { createOrgTeamInviteOperation } from "./organizations/teams/invite";
import { listOrgTeamsOperation } from "./organizations/teams/list";
import { listMyOrgTeamsOperation } from "./organizations/teams/me";
import { createOrgTeamMembershipOperation } from "./organizations/teams/memberships/create";
import { deleteOrgTeamMembershipOperation } from "./organizations/teams/memberships/delete";
import { getOrgTeamMembershipOperation } from "./organizations/teams/memberships/get";
import { listOrgTeamMembershipsOperation } from "./organizations/teams/memberships/list";
import { updateOrgTeamMembershipOperation } from "./organizations/teams/memberships/update";
import { listOrgTeamSchedulesOperation } from "./organizations/teams/schedules/list";
import { updateOrgTeamOperation } from "./organizations/teams/update";
import { listOrgTeamUserSchedulesOperation } from "./organizations/teams/users/schedules/list";
// org org-teams end
// org managed-orgs
import { createDelegationCredentialOperation } from "./organizations/delegation-credentials/create";
import { updateDelegationCredentialOperation } from "./organizations/delegation-credentials/update";
import { createManagedOrganizationOperation } from "./organizations/managed-organizations/create";
import { deleteManagedOrganizationOperation } from "./organizations/managed-organizations/delete";
import { getManagedOrganizationOperation } from "./organizations/managed-organizations/get";
import { listManagedOrganizationsOperation } from "./organizations/managed-organizations/list";
import { updateManagedOrganizationOperation } from "./organizations/managed-organizations/update";

// org org-users
import { createOrgMembershipOperation } from "./organizations/memberships/create";
import { deleteOrgMembershipOperation } from "./organizations/memberships/delete";
import { getOrgMembershipOperation } from "./organizations/memberships/get";
import { listOrgMembershipsOperation } from "./organizations/memberships/list";
import { updateOrgMembershipOperation } from "./organizations/memberships/update";
import { listOrganizationSchedulesOperation } from "./organizations/schedules/list";
import { createOrganizationUserOperation } from "./organizations/users/create";
import { deleteOrganizationUserOperation } from "./organizations/users/delete";
import { listOrganizationUsersOperation } from "./organizations/users/list";
import { createOrgUserScheduleOperation } from "./organizations/users/schedules/create";
import { deleteOrgUserScheduleOperation } from "./organizations/users/schedules/delete";
import { getOrgUserScheduleOperation } from "./organizations/users/schedules/get";
import { listOrgUserSchedulesOperation } from "./organizations/users/schedules/list";
import { updateOrgUserScheduleOperation } from "./organizations/users/schedules/update";
import { updateOrganizationUserOperation } from "./organizations/users/update";
// end org org-users
// org ooo
import { listOrgOooOperation } from "./organizations/ooo/list";
import { createOrgUserOooOperation } from "./organizations/users/ooo/create";
import { deleteOrgUserOooOperation } from "./organizations/users/ooo/delete";
import { listOrgUserOooOperation } from "./organizations/users/ooo/list";
import { updateOrgUserOooOperation } from "./organizations/users/ooo/update";
// org org-bookings
import { listOrganizationBookingsOperation } from "./organizations/bookings/list";
import { listOrganizationTeamBookingsOperation } from "./organizations/teams/bookings/list";
import { getOrganizationTeamBookingReferencesOperation } from "./organizations/teams/bookings/references";
import { listOrganizationUserBookingsOperation } from "./organizations/users/bookings/list";
import { organizationWebhookOperations } from "./organizations/webhooks";
// org roles
import { createOrgRoleOperation } from "./organizations/roles/create";
import { deleteOrgRoleOperation } from "./organizations/roles/delete";
import { getOrgRoleOperation } from "./organizations/roles/get";
import { listOrgRolesOperation } from "./organizations/roles/list";
import { updateOrgRoleOperation } from "./organizations/roles/update";
import { createOrgTeamRoleOperation } from "./organizations/teams/roles/create";
import { deleteOrgTeamRoleOperation } from "./organizations/teams/roles/delete";
import { getOrgTeamRoleOperation } from "./organizations/teams/roles/get";
import { listOrgTeamRolesOperation } from "./organizations/teams/roles/list";
import { updateOrgTeamRoleOperation } from "./organizations/teams/roles/update";
// org routing-forms
import { listOrgRoutingFormsOperation } from "./organizations/routing-forms/list";
import { createOrgRoutingFormResponseOperation } from "./organizations/routing-forms/responses/create";
import { listOrgRoutingFormResponsesOperation } from "./organizations/routing-forms/responses/list";
import { updateOrgRoutingFormResponseOperation } from "./organizations/routing-forms/responses/update";
import { listTeamRoutingFormsOperation } from "./organizations/teams/routing-forms/list";
import { createTeamRoutingFormResponseOperation } from "./organizations/teams/routing-forms/responses/create";
import { listTeamRoutingFormResponsesOperation } from "./organizations/teams/routing-forms/responses/list";
import { updateTeamRoutingFormResponseOperation } from "./organizations/teams/routing-forms/responses/update";
import { calculateRoutingFormSlotsOperation } from "./routing-forms/calculate-slots";
// org routing-forms end
// org attributes
import { createOrganizationAttributeOperation } from "./organizations/attributes/create";
import { deleteOrganizationAttributeOperation } from "./organizations/attributes/delete";
import { getOrganizationAttributeOperation } from "./organizations/attributes/get";
import { listOrganizationAttributesOperation } from "./organizations/attributes/list";
import { assignOrganizationAttributeOptionToUserOperation } from "./organizations/attributes/options/assign";
import { listOrganizationAttributeAssignedOptionsOperation } from "./organizations/attributes/options/assigned";
import { listOrganizationAttributeAssignedOptionsBySlugOperation } from "./organizations/attributes/options/assigned-by-slug";
import { createOrganizationAttributeOptionOperation } from "./organizations/attributes/options/create";
import { deleteOrganizationAttributeOptionOperation } from "./organizations/attributes/options/delete";
import { listOrganizationAttributeOptionsOperation } from "./organizations/attributes/options/list";
import { listOrganizationAttributeOptionsForUserOperation } from "./organizations/attributes/options/list-for-user";
import { unassignOrganizationAttributeOptionFromUserOperation } from "./organizations/attributes/options/unassign";
import { updateOrganizationAttributeOptionOperation } from "./organizations/attributes/options/update";
import { updateOrganizationAttributeOperation } from "./organizations/attributes/update";
// org pbac
import { addOrgRolePermissionsOperation } from "./organizations/roles/permissions/add";
import { listOrgRolePermissionsOperation } from "./organizations/roles/permissions/list";
import { removeOrgRolePermissionOperation } from "./organizations/roles/permissions/remove";
import { removeManyOrgRolePermissionsOperation } from "./organizations/roles/permissions/remove-many";
import { setOrgRolePermissionsOperation } from "./organizations/roles/permissions/set";
import { addOrgTeamRolePermissionsOperation } from "./organizations/teams/roles/permissions/add";
import { listOrgTeamRolePermissionsOperation } from "./organizations/teams/roles/permissions/list";
import { removeOrgTeamRolePermissionOperation } from "./organizations/teams/roles/permissions/remove";
import { removeManyOrgTeamRolePermissionsOperation } from "./organizations/teams/roles/permissions/remove-many";
import { setOrgTeamRolePermissionsOperation } from "./organizations/teams/roles/permissions/set";
import { listWorkflowRemindersOperation } from "./organizations/teams/workflows/list-reminders";
import { listOrgTeamWorkflowsOperation } from "./organizations/teams/workflows/list";
import { createOrgTeamWorkflowOperation } from "./organizations/teams/workflows/create";
import { listOrgTeamRoutingFormWorkflowsOperation } from "./organizations/teams/workflows/list-routing-form";
import { createOrgTeamRoutingFormWorkflowOperation } from "./organizations/teams/workflows/create-routing-form";
import { getOrgTeamWorkflowOperation } from "./organizations/teams/workflows/get";
import { updateOrgTeamWorkflowOperation } from "./organizations/teams/workflows/update";
import { deleteOrgTeamWorkflowOperation } from "./organizations/teams/workflows/delete";
import { getOrgTeamRoutingFormWorkflowOperation } from "./organizations/teams/workflows/get-routing-form";
import { updateOrgTeamRoutingFormWorkflowOperation } from "./organizations/teams/workflows/update-routing-form";
import { deleteOrgTeamRoutingFormWorkflowOperation } from "./organizations/teams/workflows/delete-routing-form";

// Every operation the API serves, in one visible list. Static paths come before parameterised siblings
// (/v2/schedules/default before /v2/schedules/{scheduleId}).
export const operations: readonly Operation<any>[] = [
  getHealthOperation,
  getMeOperation,
  updateMeOperation,
  refreshApiKeyOperation,
  createScheduleOperation,
  listSchedulesOperation,
  getDefaultScheduleOperation,
  getScheduleOperation,
  updateScheduleOperation,
  deleteScheduleOperation,
  createEventTypeOperation,
  listEventTypesOperation,
  getEventTypeOperation,
  updateEventTypeOperation,
  deleteEventTypeOperation,
  createPrivateLinkOperation,
  listPrivateLinksOperation,
  updatePrivateLinkOperation,
  deletePrivateLinkOperation,
  // Platform: OAuth clients, managed users and their tokens, and the atoms' provider checks.
  createOAuthClientOperation,
  listOAuthClientsOperation,
  getOAuthClientOperation,
  updateOAuthClientOperation,
  deleteOAuthClientOperation,
  createManagedUserOperation,
  listManagedUsersOperation,
  getManagedUserOperation,
  updateManagedUserOperation,
  deleteManagedUserOperation,
  forceRefreshManagedUserOperation,
  refreshTokensOperation,
  verifyProviderClientOperation,
  verifyProviderAccessTokenOperation,
  ...userWebhookOperations,
  ...eventTypeWebhookOperations,
  ...oAuthClientWebhookOperations,
  // Ours (not in Cal.com): the delivery log of any webhook the caller owns, and redelivery.
  listWebhookDeliveriesOperation,
  redeliverWebhookDeliveryOperation,
  // What Cal.com's React atoms (the Booker) call beyond the documented API.
  getAtomsPublicEventTypeOperation,
  checkAtomsEmailVerificationOperation,
  listTimeZonesOperation,
  listCalendarsOperation,
  // Calendars: the static ics-feed paths before the /{calendar}/… ones (Cal.com's order).
  saveIcsFeedOperation,
  checkIcsFeedOperation,
  getBusyTimesOperation,
  saveCalendarCredentialsOperation,
  checkCalendarOperation,
  calendarConnectOperation,
  saveCalendarOAuthOperation,
  disconnectCalendarOperation,
  getUnifiedCalendarEventOperation,
  updateUnifiedCalendarEventOperation,
  addSelectedCalendarOperation,
  removeSelectedCalendarOperation,
  updateDestinationCalendarOperation,
  // Conferencing: the static /default before the /{app}/… paths.
  listConferencingAppsOperation,
  getDefaultConferencingAppOperation,
  connectConferencingAppOperation,
  getConferencingOAuthUrlOperation,
  saveConferencingOAuthCredentialsOperation,
  setDefaultConferencingAppOperation,
  disconnectConferencingAppOperation,
  // Stripe Connect (tag Stripe).
  getStripeConnectUrlOperation,
  saveStripeCredentialsOperation,
  checkStripeConnectionOperation,
  // Ours (not in Cal.com's API): Stripe's webhook events for paid bookings.
  receiveStripeWebhookOperation,
  // Slots: 2024-09-04 (public lookups and reservations), and the legacy endpoints the atoms call.
  getSlotsOperation,
  reserveSlotOperation,
  getReservedSlotOperation,
  updateReservedSlotOperation,
  deleteReservedSlotOperation,
  getAvailableSlotsLegacyOperation,
  reserveSlotLegacyOperation,
  deleteSelectedSlotLegacyOperation,
  // Bookings 2024-08-13 (static paths before /v2/bookings/{bookingUid}).
  createBookingOperation,
  listBookingsOperation,
  getBookingOperation,
  cancelBookingOperation,
  rescheduleBookingOperation,
  confirmBookingOperation,
  declineBookingOperation,
  markAbsentOperation,
  reassignBookingOperation,
  reassignBookingToUserOperation,
  addGuestsOperation,
  updateBookingLocationOperation,
  getBookingReferencesOperation,
  getCalendarLinksOperation,
  getRecordingsOperation,
  getTranscriptsOperation,
  getVideoSessionsOperation,
  // Bookings, legacy controller (2024-04-15, 2024-06-11, 2024-06-14): what the atoms Booker calls.
  createBookingLegacyOperation,
  createRecurringBookingLegacyOperation,
  createInstantBookingLegacyOperation,
  getBookingForRescheduleLegacyOperation,
  cancelBookingLegacyOperation,
  // Teams, their memberships and their members' schedules (/v2/teams before /v2/teams/{teamId}).
  createTeamOperation,
  listTeamsOperation,
  getTeamOperation,
  updateTeamOperation,
  deleteTeamOperation,
  createTeamMembershipOperation,
  listTeamMembershipsOperation,
  getTeamMembershipOperation,
  updateTeamMembershipOperation,
  deleteTeamMembershipOperation,
  listTeamSchedulesOperation,
  // Teams / Event Types: collective, round-robin and managed event types of a team, and their webhooks.
  createTeamEventTypeOperation,
  listTeamEventTypesOperation,
  getTeamEventTypeOperation,
  updateTeamEventTypeOperation,
  deleteTeamEventTypeOperation,
  createTeamEventTypePhoneCallOperation,
  ...teamEventTypeWebhookOperations,
  // org org-event-types: /v2/organizations/{orgId}/teams/event-types is static, so it must precede any
  // /v2/organizations/{orgId}/teams/{teamId} operation.
  listOrganizationTeamsEventTypesOperation,
  createOrgTeamEventTypeOperation,
  listOrgTeamEventTypesOperation,
  getOrgTeamEventTypeOperation,
  updateOrgTeamEventTypeOperation,
  deleteOrgTeamEventTypeOperation,
  createOrgTeamEventTypePhoneCallOperation,
  createOrgTeamPrivateLinkOperation,
  listOrgTeamPrivateLinksOperation,
  updateOrgTeamPrivateLinkOperation,
  deleteOrgTeamPrivateLinkOperation,
  // org org-teams: Orgs / Teams (/teams/me before /teams/{teamId}), their memberships, invite links and schedules.
  listOrgTeamsOperation,
  createOrgTeamOperation,
  listMyOrgTeamsOperation,
  getOrgTeamOperation,
  updateOrgTeamOperation,
  deleteOrgTeamOperation,
  listOrgTeamMembershipsOperation,
  createOrgTeamMembershipOperation,
  getOrgTeamMembershipOperation,
  updateOrgTeamMembershipOperation,
  deleteOrgTeamMembershipOperation,
  createOrgTeamInviteOperation,
  listOrgTeamSchedulesOperation,
  listOrgTeamUserSchedulesOperation,
  // org org-teams end
  // org managed-orgs: Managed Orgs (a platform organization's own platform organizations).
  createManagedOrganizationOperation,
  listManagedOrganizationsOperation,
  getManagedOrganizationOperation,
  updateManagedOrganizationOperation,
  deleteManagedOrganizationOperation,
  createDelegationCredentialOperation,
  updateDelegationCredentialOperation,
  // org org-users: Orgs / Users, Orgs / Memberships, Orgs / Schedules, Orgs / Users / Schedules.
  listOrganizationUsersOperation,
  createOrganizationUserOperation,
  updateOrganizationUserOperation,
  deleteOrganizationUserOperation,
  listOrgMembershipsOperation,
  createOrgMembershipOperation,
  getOrgMembershipOperation,
  updateOrgMembershipOperation,
  deleteOrgMembershipOperation,
  listOrganizationSchedulesOperation,
  createOrgUserScheduleOperation,
  listOrgUserSchedulesOperation,
  getOrgUserScheduleOperation,
  updateOrgUserScheduleOperation,
  deleteOrgUserScheduleOperation,
  // end org org-users
  // org ooo: Orgs / Users / OOO.
  listOrgUserOooOperation,
  createOrgUserOooOperation,
  updateOrgUserOooOperation,
  deleteOrgUserOooOperation,
  listOrgOooOperation,
  // org org-bookings: organization, org team and org user bookings, and organization webhooks.
  listOrganizationTeamBookingsOperation,
  getOrganizationTeamBookingReferencesOperation,
  // org conferencing: Orgs / Teams / Conferencing (static /default before /{app}/…).
  listTeamConferencingAppsOperation,
  getDefaultTeamConferencingAppOperation,
  connectTeamConferencingAppOperation,
  getTeamConferencingOAuthUrlOperation,
  saveTeamConferencingOAuthCredentialsOperation,
  setDefaultTeamConferencingAppOperation,
  disconnectTeamConferencingAppOperation,
  // org stripe: Orgs / Teams / Stripe.
  getTeamStripeConnectUrlOperation,
  saveTeamStripeCredentialsOperation,
  checkTeamStripeConnectionOperation,
  listOrganizationUserBookingsOperation,
  listOrganizationBookingsOperation,
  ...organizationWebhookOperations,
  // org roles: Orgs / Roles and Orgs / Teams / Roles.
  createOrgRoleOperation,
  listOrgRolesOperation,
  getOrgRoleOperation,
  updateOrgRoleOperation,
  deleteOrgRoleOperation,
  createOrgTeamRoleOperation,
  listOrgTeamRolesOperation,
  getOrgTeamRoleOperation,
  updateOrgTeamRoleOperation,
  deleteOrgTeamRoleOperation,
  // org routing-forms: Orgs / Routing forms, Orgs / Teams / Routing forms (+ Responses), Routing forms.
  listOrgRoutingFormsOperation,
  listOrgRoutingFormResponsesOperation,
  createOrgRoutingFormResponseOperation,
  updateOrgRoutingFormResponseOperation,
  listTeamRoutingFormsOperation,
  listTeamRoutingFormResponsesOperation,
  createTeamRoutingFormResponseOperation,
  updateTeamRoutingFormResponseOperation,
  calculateRoutingFormSlotsOperation,
  // org routing-forms end
  // org attributes: static /attributes/options/… and /attributes/slugs/… before any /attributes/{attributeId} route.
  listOrganizationAttributeOptionsForUserOperation,
  assignOrganizationAttributeOptionToUserOperation,
  unassignOrganizationAttributeOptionFromUserOperation,
  listOrganizationAttributeAssignedOptionsBySlugOperation,
  listOrganizationAttributesOperation,
  createOrganizationAttributeOperation,
  listOrganizationAttributeAssignedOptionsOperation,
  listOrganizationAttributeOptionsOperation,
  createOrganizationAttributeOptionOperation,
  updateOrganizationAttributeOptionOperation,
  deleteOrganizationAttributeOptionOperation,
  getOrganizationAttributeOperation,
  updateOrganizationAttributeOperation,
  deleteOrganizationAttributeOperation,
  // org attributes end
  // org pbac: Orgs / Roles / Permissions and Orgs / Teams / Roles / Permissions.
  listOrgRolePermissionsOperation,
  addOrgRolePermissionsOperation,
  setOrgRolePermissionsOperation,
  removeManyOrgRolePermissionsOperation,
  removeOrgRolePermissionOperation,
  listOrgTeamRolePermissionsOperation,
  addOrgTeamRolePermissionsOperation,
  setOrgTeamRolePermissionsOperation,
  removeManyOrgTeamRolePermissionsOperation,
  removeOrgTeamRolePermissionOperation,
  // Orgs / Teams / Workflows (static `routing-form` paths before `{workflowId}`).
  listOrgTeamWorkflowsOperation,
  createOrgTeamWorkflowOperation,
  listOrgTeamRoutingFormWorkflowsOperation,
  createOrgTeamRoutingFormWorkflowOperation,
  getOrgTeamWorkflowOperation,
  updateOrgTeamWorkflowOperation,
  deleteOrgTeamWorkflowOperation,
  getOrgTeamRoutingFormWorkflowOperation,
  updateOrgTeamRoutingFormWorkflowOperation,
  deleteOrgTeamRoutingFormWorkflowOperation,
  // workflow execution: a workflow's reminders (our extension).
  listWorkflowRemindersOperation,
  // Verified resources: the caller's, a team's and an org team's emails and phone numbers (static before {id}).
  ...userVerifiedResourceOperations,
  ...teamVerifiedResourceOperations,
  ...orgTeamVerifiedResourceOperations,
  // Calendar change notifications from Google / Microsoft (not in the contract; README "Calendars").
  receiveGoogleCalendarNotificationOperation,
  receiveOffice365CalendarNotificationOperation,
];
