// What the caller presented, before anything is verified. Rate limiting keys on the first one, and
// authentication tries them in Cal.com's order: OAuth client credentials, Bearer, session cookie.
export type PresentedCredential =
  | { kind: "OAUTH_CLIENT_CREDENTIALS"; clientId: string; secret: string }
  | { kind: "API_KEY"; key: string }
  | { kind: "ACCESS_TOKEN"; token: string }
  | { kind: "NEXT_AUTH"; cookie: string }
  | { kind: "ONLY_CLIENT_ID"; clientId: string }
  | { kind: "ONLY_SECRET" }
  | { kind: "NONE" };

export type UsableCredential = Extract<PresentedCredential, { kind: "OAUTH_CLIENT_CREDENTIALS" | "API_KEY" | "ACCESS_TOKEN" | "NEXT_AUTH" }>;

const API_KEY_MARKER = "cal_";
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

// NextAuth splits session tokens larger than a cookie can hold into `<name>.0`, `<name>.1`, …
function readSessionCookie(header: string | null): string | undefined {
  const cookies = parseCookies(header);
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    let joined = "";
    for (let chunk = 0; cookies.has(`${name}.${chunk}`); chunk++) joined += cookies.get(`${name}.${chunk}`);
    if (joined) return joined;
  }
  return undefined;
}

/**
 * Every usable credential on the request, in Cal.com's order. A `:clientId` path parameter counts as the
 * client id and wins over the `x-cal-client-id` header, as in Cal.com's ApiAuthStrategy.
 */
export function presentedCredentials(headers: Headers, pathClientId?: string): UsableCredential[] {
  const found: UsableCredential[] = [];
  const clientId = pathClientId || headers.get("x-cal-client-id") || undefined;
  const secret = headers.get("x-cal-secret-key") || undefined;
  if (clientId && secret) found.push({ kind: "OAUTH_CLIENT_CREDENTIALS", clientId, secret });

  const authorization = headers.get("authorization");
  if (authorization) {
    const token = authorization.replace(/^Bearer\s+/i, "").trim();
    if (token) found.push(token.startsWith(API_KEY_MARKER) ? { kind: "API_KEY", key: token } : { kind: "ACCESS_TOKEN", token });
  }

  const cookie = readSessionCookie(headers.get("cookie"));
  if (cookie) found.push({ kind: "NEXT_AUTH", cookie });
  return found;
}

export function readPresentedCredential(headers: Headers, pathClientId?: string): PresentedCredential {
  const [first] = presentedCredentials(headers, pathClientId);
  if (first) return first;
  const clientId = pathClientId || headers.get("x-cal-client-id");
  if (clientId && !headers.get("x-cal-secret-key")) return { kind: "ONLY_CLIENT_ID", clientId };
  if (headers.get("x-cal-secret-key")) return { kind: "ONLY_SECRET" };
  return { kind: "NONE" };
}
