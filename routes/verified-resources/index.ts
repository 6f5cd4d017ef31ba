import { verifiedResourceOperations } from "../../src/verified-resources/operations";

// Cal.com's UserVerifiedResourcesController: the caller's own verified emails and phone numbers (ApiAuthGuard).
export const userVerifiedResourceOperations = verifiedResourceOperations({
  prefix: "/v2/verified-resources",
  tag: "Verified Resources",
  controller: "UserVerifiedResourcesController",
  scope: "user",
  scopeOf: () => ({ kind: "user" }),
  // Cal.com names the email-verify throttle "…_phones_verify"; the phone verify has none.
  throttles: {
    requestEmailCode: { name: "users_verified_resources_emails_requests", limit: 5 },
    requestPhoneCode: { name: "users_verified_resources_phones_requests", limit: 3 },
    verifyEmail: { name: "users_verified_resources_phones_verify", limit: 3 },
  },
  guards: "Any authenticated caller, for their own resources.",
});
