// Cal.com's OAuth client permissions: one bit each, stored as an integer (packages/platform/constants).
export const PERMISSION_MAP = {
  EVENT_TYPE_READ: 1,
  EVENT_TYPE_WRITE: 2,
  BOOKING_READ: 4,
  BOOKING_WRITE: 8,
  SCHEDULE_READ: 16,
  SCHEDULE_WRITE: 32,
  APPS_READ: 64,
  APPS_WRITE: 128,
  PROFILE_READ: 256,
  PROFILE_WRITE: 512,
} as const;

export type Permission = keyof typeof PERMISSION_MAP;
export const PERMISSION_NAMES = [
  "EVENT_TYPE_READ",
  "EVENT_TYPE_WRITE",
  "BOOKING_READ",
  "BOOKING_WRITE",
  "SCHEDULE_READ",
  "SCHEDULE_WRITE",
  "APPS_READ",
  "APPS_WRITE",
  "PROFILE_READ",
  "PROFILE_WRITE",
] as const satisfies readonly Permission[];
export const ALL_PERMISSIONS = "*";

export function permissionsToBits(permissions: readonly (Permission | typeof ALL_PERMISSIONS)[]): number {
  const names: readonly Permission[] = permissions.includes(ALL_PERMISSIONS) ? PERMISSION_NAMES : (permissions as Permission[]);
  return names.reduce<number>((bits, name) => bits | PERMISSION_MAP[name], 0);
}

export function bitsToPermissions(bits: number): Permission[] {
  return PERMISSION_NAMES.filter((name) => (bits & PERMISSION_MAP[name]) === PERMISSION_MAP[name]);
}

export function hasPermissions(bits: number, required: readonly Permission[]): boolean {
  return required.every((name) => (bits & PERMISSION_MAP[name]) === PERMISSION_MAP[name]);
}
