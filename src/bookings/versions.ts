import type { ApiVersion } from "../../versions/registry";

// Cal.com's legacy BookingsController_2024_04_15 serves these versions (a missing or unknown header is 2024-04-15):
// the @calcom/atoms Booker books through it. It shares POST /v2/bookings and POST /v2/bookings/{uid}/cancel with
// the documented 2024-08-13 controller.
export const LEGACY_BOOKINGS_VERSIONS: readonly ApiVersion[] = ["2024-04-15", "2024-06-11", "2024-06-14"];

// BookingsController_2024_08_13 serves these paths for 2024-08-13 only; the legacy controller (2024-04-15,
// 2024-06-11, 2024-06-14) has another body and output and is registered separately.
export const BOOKINGS_2024_08_13: readonly ApiVersion[] = ["2024-08-13"];
