// The platform Booker calls useBookingForm({event, sessionEmail, …}), options the hook does not read, so the form
// starts from `responses: null` and the booking form crashes reading a field of it. Same hook, empty responses.
import { useBookingForm as atomsUseBookingForm } from "atoms-dist/booker/hooks/use-booking-form.js";

type Options = Parameters<typeof atomsUseBookingForm>[0] & Record<string, unknown>;

export function useBookingForm(options: Options = {}) {
  return atomsUseBookingForm({ ...options, initialValues: options.initialValues ?? { responses: {}, globalError: undefined } } as Options);
}
