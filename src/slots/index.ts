export { computeSlots } from "./engine";
export { formatInZone, groupSlotsByDate, isValidTimeZone, localDateKey, zonedWallTimeToEpoch } from "./format";
export type * from "./types";
