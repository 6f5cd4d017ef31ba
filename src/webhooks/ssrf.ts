// Subscriber URL checks against server-side request forgery, run when a webhook is saved (400) and again
// before every delivery. Workers cannot resolve DNS, so this judges what the URL itself says: the scheme,
// credentials, IP literals (every IPv4 spelling, since WHATWG URL parsing canonicalises 0x7f.1, 2130706433,
// 017700000001… to dotted decimal) and names known to be internal or to resolve to an address embedded in
// them. A public name whose DNS answer is private (rebinding) is not detected here; see the README.

export interface SubscriberUrlPolicy {
  /** Test/development only: accept loopback addresses and localhost names (a local receiver). */
  allowLoopback: boolean;
}

export type SubscriberUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

type Verdict = { blocked: false } | { blocked: true; reason: string; loopback?: boolean };

const ALLOWED: Verdict = { blocked: false };
const blocked = (reason: string, loopback = false): Verdict => ({ blocked: true, reason, loopback });

// [first address, prefix length, why]
const BLOCKED_IPV4: ReadonlyArray<readonly [string, number, string]> = [
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local / cloud metadata"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];

const DOTTED_IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIPv4(text: string): number | undefined {
  const match = DOTTED_IPV4.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
}

const BLOCKED_IPV4_RANGES = BLOCKED_IPV4.map(([base, prefix, why]) => ({
  base: parseIPv4(base)!,
  mask: prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0,
  why,
}));

function judgeIPv4(address: number): Verdict {
  for (const range of BLOCKED_IPV4_RANGES) {
    if ((address & range.mask) >>> 0 === range.base) {
      return blocked(`Private IP address (${range.why})`, range.why === "loopback");
    }
  }
  return ALLOWED;
}

/** Eight 16-bit groups, or undefined when `text` is not an IPv6 address (a trailing dotted IPv4 is accepted). */
export function parseIPv6(text: string): number[] | undefined {
  let value = text.toLowerCase();
  const tail: number[] = [];
  if (value.includes(".")) {
    const lastColon = value.lastIndexOf(":");
    const v4 = lastColon === -1 ? undefined : parseIPv4(value.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail.push(v4 >>> 16, v4 & 0xffff);
    value = value.slice(0, lastColon + 1);
    if (!value.endsWith("::")) value = value.slice(0, -1);
  }
  const halves = value.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string) => (part === "" ? [] : part.split(":"));
  const head = groupsOf(halves[0]!);
  const rest = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (![...head, ...rest].every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  const explicit = head.length + rest.length + tail.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return undefined;
  const compressed = halves.length === 2 ? new Array<number>(8 - explicit).fill(0) : [];
  return [...head.map((g) => parseInt(g, 16)), ...compressed, ...rest.map((g) => parseInt(g, 16)), ...tail];
}

const embeddedIPv4 = (high: number, low: number) => ((high << 16) | low) >>> 0;

function judgeIPv6(groups: number[]): Verdict {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const leadingZeros = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (leadingZeros(8)) return blocked("Private IP address (unspecified)");
  if (leadingZeros(7) && g7 === 1) return blocked("Private IP address (loopback)", true);
  if (leadingZeros(5) && g5 === 0xffff) return blocked("IPv4-mapped IPv6 address");
  if (leadingZeros(6)) return blocked("IPv4-compatible IPv6 address");
  if (g0 === 0x64 && g1 === 0xff9b) {
    // NAT64: the well-known prefix embeds an IPv4 address; the local-use prefix is internal by definition.
    if (g2 === 1) return blocked("Private IP address (local NAT64)");
    if (g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
      const inner = judgeIPv4(embeddedIPv4(g6, g7));
      if (inner.blocked) return blocked(`${inner.reason} via NAT64`);
    }
    return ALLOWED;
  }
  if (g0 === 0x2002) {
    const inner = judgeIPv4(embeddedIPv4(g1, g2));
    return inner.blocked ? blocked(`${inner.reason} via 6to4`) : ALLOWED;
  }
  if (g0 === 0x2001 && g1 === 0) return blocked("Private IP address (Teredo tunnel)");
  if (g0 === 0x2001 && g1 === 0x0db8) return blocked("Private IP address (documentation)");
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return blocked("Private IP address (discard prefix)");
  if ((g0 & 0xfe00) === 0xfc00) return blocked("Private IP address (unique local / cloud metadata)");
  if ((g0 & 0xffc0) === 0xfe80) return blocked("Private IP address (link-local)");
  if ((g0 & 0xffc0) === 0xfec0) return blocked("Private IP address (site-local)");
  if ((g0 & 0xff00) === 0xff00) return blocked("Private IP address (multicast)");
  return ALLOWED;
}

const METADATA_HOSTNAMES = new Set([
  "metadata.google.internal",
  "metadata.google.com",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.azure.com",
]);
// Public names that always resolve to loopback.
const LOOPBACK_DOMAINS = ["localhost", "localtest.me", "lvh.me", "vcap.me"];
// Suffixes reserved for private networks (RFC 6761/6762/8375, and the de-facto cloud "internal").
const INTERNAL_SUFFIXES = ["internal", "local", "localdomain", "home.arpa", "intranet", "lan"];
// Wildcard DNS services that answer with the IPv4 address written in the name (10.0.0.1.nip.io, 10-0-0-1.sslip.io).
const EMBEDDED_IP_DOMAINS = ["nip.io", "sslip.io", "xip.io"];

const isUnder = (hostname: string, domain: string) => hostname === domain || hostname.endsWith(`.${domain}`);

function judgeHostname(hostname: string): Verdict {
  if (METADATA_HOSTNAMES.has(hostname)) return blocked("Blocked hostname (cloud metadata)");
  if (LOOPBACK_DOMAINS.some((domain) => isUnder(hostname, domain))) return blocked("Blocked hostname (loopback)", true);
  if (INTERNAL_SUFFIXES.some((suffix) => isUnder(hostname, suffix))) return blocked("Blocked hostname (internal network name)");
  if (!hostname.includes(".")) return blocked("Blocked hostname (not a fully qualified domain name)");
  const service = EMBEDDED_IP_DOMAINS.find((domain) => hostname.endsWith(`.${domain}`));
  if (service) {
    // The address is the last four dot- or dash-separated numbers before the service's domain.
    const embedded = /(\d{1,3}[.-]){3}\d{1,3}$/.exec(hostname.slice(0, -(service.length + 1)))?.[0].replaceAll("-", ".");
    const address = embedded ? parseIPv4(embedded) : undefined;
    const verdict = address === undefined ? ALLOWED : judgeIPv4(address);
    if (verdict.blocked) return blocked(`${verdict.reason} via ${service}`, verdict.loopback);
  }
  return ALLOWED;
}

export function checkSubscriberUrl(raw: string, policy: SubscriberUrlPolicy): SubscriberUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Invalid URL format" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: "Only HTTP and HTTPS protocols are allowed" };
  }
  if (url.username || url.password) return { ok: false, reason: "Credentials in the URL are not allowed" };

  const hostname = url.hostname.toLowerCase().replace(/\.+$/, "");
  if (!hostname) return { ok: false, reason: "Invalid URL format" };
  let verdict: Verdict;
  if (hostname.startsWith("[")) {
    const groups = parseIPv6(hostname.slice(1, -1));
    verdict = groups ? judgeIPv6(groups) : blocked("Invalid IPv6 address");
  } else {
    const v4 = parseIPv4(hostname);
    verdict = v4 !== undefined ? judgeIPv4(v4) : judgeHostname(hostname);
  }
  if (verdict.blocked && !(verdict.loopback && policy.allowLoopback)) return { ok: false, reason: verdict.reason };
  return { ok: true, url };
}
