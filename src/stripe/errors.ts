// Cal.com's Stripe messages (v2/modules/stripe/stripe.service.ts, controllers/stripe.controller.ts).
import { badRequest, notFound, serviceUnavailable } from "../errors";

export const stripeAppNotFound = () => notFound("Stripe app not found");
export const stripeCredentialsNotFound = () => notFound("Credentials for stripe not found.");
export const invalidStripeCredentials = () => badRequest("Invalid stripe credentials.");
export const stripeAccountNotActive = () => badRequest("Stripe account is not an active account");
// Ours: Cal.com lets a Stripe outage through as a 500.
export const stripeUnavailable = () => serviceUnavailable("Stripe could not be reached, please try again later.");

/** Stripe refused or failed a call: `status` is Stripe's HTTP status (0 for a network failure or timeout). */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly stripeCode: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
