import type { ApiVersion } from "../../../versions/registry";

// BookingsController_2024_08_13 serves these paths for 2024-08-13 only; the legacy controller (2024-04-15,
// 2024-06-11, 2024-06-14) has another body and output and is registered separately.
export const BOOKINGS_2024_08_13: readonly ApiVersion[] = ["2024-08-13"];
