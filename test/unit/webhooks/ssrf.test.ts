import { describe, expect, it } from "vitest";
import { checkSubscriberUrl, parseIPv6 } from "../../../src/webhooks/ssrf";

const strict = { allowLoopback: false };
const testing = { allowLoopback: true };
const reason = (url: string, policy = strict) => {
  const check = checkSubscriberUrl(url, policy);
  return check.ok ? "allowed" : check.reason;
};

describe("checkSubscriberUrl", () => {
  it.each([
    "https://example.com/hook",
    "http://example.com:8080/hook?x=1",
    "https://hooks.zapier.com/hooks/catch/1/abc/",
    "http://8.8.8.8/hook",
    "http://[2606:4700:4700::1111]/hook",
    "http://[64:ff9b::808:808]/hook",
    "http://nip.io.example.com/hook",
    "http://8.8.8.8.nip.io/hook",
  ])("allows %s", (url) => {
    expect(reason(url)).toBe("allowed");
  });

  it.each([
    ["gopher://example.com/", "Only HTTP and HTTPS protocols are allowed"],
    ["javascript:alert(1)", "Only HTTP and HTTPS protocols are allowed"],
    ["https://:secret@example.com/", "Credentials in the URL are not allowed"],
    ["https://user@example.com/", "Credentials in the URL are not allowed"],
    ["http://127.0.0.1/", "Private IP address (loopback)"],
    ["http://127.1/", "Private IP address (loopback)"],
    ["http://2130706433/", "Private IP address (loopback)"],
    ["http://0x7f000001/", "Private IP address (loopback)"],
    ["http://017700000001/", "Private IP address (loopback)"],
    ["http://localhost:3000/", "Blocked hostname (loopback)"],
    ["http://LOCALHOST./", "Blocked hostname (loopback)"],
    ["http://app.localhost/", "Blocked hostname (loopback)"],
    ["http://foo.localtest.me/", "Blocked hostname (loopback)"],
    ["http://[::1]/", "Private IP address (loopback)"],
    ["http://[::]/", "Private IP address (unspecified)"],
    ["http://[::ffff:127.0.0.1]/", "IPv4-mapped IPv6 address"],
    ["http://[::ffff:8.8.8.8]/", "IPv4-mapped IPv6 address"],
    ["http://[::127.0.0.1]/", "IPv4-compatible IPv6 address"],
    ["http://[64:ff9b::a00:1]/", "Private IP address (private) via NAT64"],
    ["http://[2002:c0a8:101::1]/", "Private IP address (private) via 6to4"],
    ["http://[2001:0:4136:e378::1]/", "Private IP address (Teredo tunnel)"],
    ["http://[fc00::1]/", "Private IP address (unique local / cloud metadata)"],
    ["http://[fd00:ec2::254]/", "Private IP address (unique local / cloud metadata)"],
    ["http://[fe80::1ff:fe23:4567:890a]/", "Private IP address (link-local)"],
    ["http://[ff02::1]/", "Private IP address (multicast)"],
    ["http://169.254.169.254/", "Private IP address (link-local / cloud metadata)"],
    ["http://169.254.170.2/v2/credentials", "Private IP address (link-local / cloud metadata)"],
    ["http://100.100.100.200/", "Private IP address (carrier-grade NAT)"],
    ["http://192.0.2.1/", "Private IP address (documentation)"],
    ["http://198.18.0.1/", "Private IP address (benchmarking)"],
    ["http://224.0.0.1/", "Private IP address (multicast)"],
    ["http://255.255.255.255/", "Private IP address (reserved)"],
    ["http://metadata.google.internal./", "Blocked hostname (cloud metadata)"],
    ["http://metadata/", "Blocked hostname (cloud metadata)"],
    ["http://printer.local/", "Blocked hostname (internal network name)"],
    ["http://nas.home.arpa/", "Blocked hostname (internal network name)"],
    ["http://kubernetes/", "Blocked hostname (not a fully qualified domain name)"],
    ["http://192-168-0-1.sslip.io/", "Private IP address (private) via sslip.io"],
    ["http://app.127.0.0.1.nip.io/", "Private IP address (loopback) via nip.io"],
  ])("refuses %s (%s)", (url, expected) => {
    expect(reason(url)).toBe(expected);
  });

  it("allows loopback, and only loopback, with the test-only setting", () => {
    for (const url of ["http://127.0.0.1:8787/hooks/a", "http://localhost/", "http://[::1]:9000/", "http://127.0.0.1.nip.io/"]) {
      expect(reason(url, testing)).toBe("allowed");
    }
    for (const url of ["http://10.0.0.1/", "http://169.254.169.254/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://db.internal/"]) {
      expect(reason(url, testing)).not.toBe("allowed");
    }
  });
});

describe("parseIPv6", () => {
  it.each([
    ["::", [0, 0, 0, 0, 0, 0, 0, 0]],
    ["::1", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["fe80::1", [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ["2001:db8:0:0:1:0:0:1", [0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]],
    ["::ffff:10.0.0.1", [0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001]],
    ["1:2:3:4:5:6:1.2.3.4", [1, 2, 3, 4, 5, 6, 0x0102, 0x0304]],
  ])("parses %s", (text, groups) => {
    expect(parseIPv6(text)).toEqual(groups);
  });

  it.each(["1:2:3", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "::ffff:300.0.0.1", "g::1"])("rejects %s", (text) => {
    expect(parseIPv6(text)).toBeUndefined();
  });
});
