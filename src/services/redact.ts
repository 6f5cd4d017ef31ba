// The last line of defence for log lines: callers never pass secrets on purpose, but error messages quote what
// they failed on (a driver quoting its connection string, a client its Authorization header). Whatever looks like
// a credential is masked before a line is written.

const PATTERNS: [RegExp, string][] = [
  // user:password@ in any URL (DATABASE_URL, a CalDAV server, a webhook target).
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s:/@]+:[^\s/@]+@/gi, "$1***:***@"],
  // Authorization header values.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, "$1 ***"],
  // Our API keys (cal_, cal_live_, cal_test_) and JWTs (access and refresh tokens).
  [/\bcal_(?:live_|test_)?[A-Za-z0-9]{8,}/g, "cal_***"],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, "***jwt***"],
  // key=value pairs of secrets in query strings or messages.
  [/\b(password|secret|token|api[_-]?key|client_secret|refresh_token|access_token|code)=([^\s&"']+)/gi, "$1=***"],
];

export function redactSecrets(text: string): string {
  let redacted = text;
  for (const [pattern, replacement] of PATTERNS) redacted = redacted.replace(pattern, replacement);
  return redacted;
}
