// What the caller presented, before anything is verified. Rate limiting keys on this, and authentication
// picks its strategy from it, in Cal.com's order: OAuth client credentials, Bearer, session cookie.
export type PresentedCredential =
  | { kind: "OAUTH_CLIENT_CREDENTIALS"; clientId: string; secret: string }
  | { kind: "API_KEY"; key: string }
  | { kind: "ACCESS_TOKEN"; token: string }
  | { kind: "NEXT_AUTH"; cookie: string }
  | { kind: "ONLY_CLIENT_ID"; clientId: string }
  | { kind: "ONLY_SECRET" }
  | { kind: "NONE" };

const API_KEY_MARKER = "cal_";
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(header: string | null, names: string[]): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (names.includes(part.slice(0, eq).trim())) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function readPresentedCredential(headers: Headers, pathClientId?: string): PresentedCredential {
  const clientId = headers.get("x-cal-client-id") ?? pathClientId ?? undefined;
  const secret = headers.get("x-cal-secret-key") ?? undefined;
  if (clientId && secret) return { kind: "OAUTH_CLIENT_CREDENTIALS", clientId, secret };

  const authorization = headers.get("authorization");
  if (authorization) {
    const token = authorization.replace(/^Bearer\s+/i, "").trim();
    if (token) return token.startsWith(API_KEY_MARKER) ? { kind: "API_KEY", key: token } : { kind: "ACCESS_TOKEN", token };
  }

  const cookie = readCookie(headers.get("cookie"), SESSION_COOKIES);
  if (cookie) return { kind: "NEXT_AUTH", cookie };
  if (secret) return { kind: "ONLY_SECRET" };
  if (headers.get("x-cal-client-id")) return { kind: "ONLY_CLIENT_ID", clientId: headers.get("x-cal-client-id")! };
  return { kind: "NONE" };
}
