import type { ApiVersion } from "../../versions/registry";

// Cal.com serves two slots controllers on /v2/slots: SlotsController_2024_09_04 (GET /v2/slots and
// /reservations) for 2024-09-04 only, and the legacy SlotsController_2024_04_15 (/available, /reserve,
// /selected-slot) for every other version, which is what the atoms call (they send no version header).
// So GET /v2/slots without `cal-api-version: 2024-09-04` is the router's 404, as in Cal.com.
export const SLOTS_VERSIONS: readonly ApiVersion[] = ["2024-09-04"];
export const LEGACY_SLOTS_VERSIONS: readonly ApiVersion[] = ["2024-04-15", "2024-06-11", "2024-06-14", "2024-08-13"];
