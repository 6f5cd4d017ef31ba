// Cal.com's API versions, read from the `cal-api-version` header. An exact match is used; anything else,
// or no header, is the default 2024-04-15 (never an error by itself).
export const API_VERSIONS = ["2024-04-15", "2024-06-11", "2024-06-14", "2024-08-13", "2024-09-04"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = "2024-04-15";
export const VERSION_HEADER = "cal-api-version";

const KNOWN = new Set<string>(API_VERSIONS);

export function resolveApiVersion(header: string | null | undefined): ApiVersion {
  const value = header?.trim();
  return value && KNOWN.has(value) ? (value as ApiVersion) : DEFAULT_API_VERSION;
}

/** Which versions an operation serves: a list, or every version (Cal.com's VERSION_NEUTRAL). */
export type ServedVersions = readonly ApiVersion[] | "all";

// Cal.com rewrites these prefixes to /v2 before routing.
export function canonicalPath(pathname: string): string {
  if (pathname === "/api/v2" || pathname.startsWith("/api/v2/")) pathname = pathname.slice(4);
  if (pathname === "/v2/ee" || pathname.startsWith("/v2/ee/")) pathname = "/v2" + pathname.slice(6);
  return pathname;
}

// Version dispatch happens in the router: every /v2 request is routed as /@<version>/v2/…, and each
// operation is registered under a pattern that matches only the versions it serves. Two operations on
// one path and method (legacy and 2024-08-13 bookings, say) therefore never see each other's requests.
const VERSION_SEGMENT_PREFIX = "/@";

export function routingPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf("/", url.indexOf("//") + 2);
  const queryAt = url.indexOf("?", start);
  const pathname = canonicalPath(queryAt === -1 ? url.slice(start) : url.slice(start, queryAt));
  if (!pathname.startsWith("/v2/") && pathname !== "/v2") return pathname;
  return `${VERSION_SEGMENT_PREFIX}${resolveApiVersion(request.headers.get(VERSION_HEADER))}${pathname}`;
}

/**
 * The Hono paths an operation is registered under: its public path behind each version segment it serves, as
 * static segments (`/@2024-08-13/v2/bookings`). Hono's trie router finds a static segment with one property read;
 * a pattern segment (`/:version{@(?:…)}`, as before) made it run every operation's version pattern on each request.
 */
export function versionedRoutePaths(openApiPath: string, versions: ServedVersions): string[] {
  if (!openApiPath.startsWith("/v2")) return [openApiPath];
  return (versions === "all" ? API_VERSIONS : versions).map((version) => `${VERSION_SEGMENT_PREFIX}${version}${openApiPath}`);
}

/** Strips the version segment from a matched Hono route path, for logs. */
export function publicRoutePattern(routePath: string): string {
  return routePath.startsWith(VERSION_SEGMENT_PREFIX) ? routePath.slice(routePath.indexOf("/", 1)) : routePath;
}
