import type { ApiVersion } from "../../versions/registry";

// Cal.com serves these paths from EventTypesController_2024_06_14 for 2024-06-14 only. Its legacy
// 2024-04-15/2024-06-11 controller (a different request and response shape) is not implemented here, so a
// request without the header, or with another version, gets the router's 404 "Cannot <METHOD> <path>".
// (The private links under these paths have their own controller, which answers every version.)
export const EVENT_TYPES_VERSIONS: readonly ApiVersion[] = ["2024-06-14"];
