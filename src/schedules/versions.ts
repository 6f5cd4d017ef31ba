import type { ApiVersion } from "../../versions/registry";

// Cal.com's SchedulesController_2024_06_11 answers these versions; other versions reach its 2024-04-15
// controller, which this service does not implement (the router answers 404 there).
export const SCHEDULES_VERSIONS: readonly ApiVersion[] = ["2024-06-11", "2024-06-14"];
