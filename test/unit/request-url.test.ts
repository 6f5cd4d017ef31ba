import { describe, expect, it } from "vitest";
import { pathnameOf, pathWithQueryOf } from "../../src/request-url";

// The helpers must give exactly what the URL parser gives, for any URL a Request can carry.
describe("pathnameOf / pathWithQueryOf", () => {
  const urls = [
    "http://a.example/",
    "http://a.example",
    "https://a.example:8080/v2/slots?eventTypeId=1&start=2026-01-01",
    "http://a.example/x?",
    "http://a.example/x?#f",
    "http://a.example/x#f?g",
    "http://a.example/x?q#f",
    "http://a.example/x/../y/./z?%20 a",
    "http://a.example/x//y?a?b#c#d",
    "http://a.example/%7e/é?ü=1",
    "http://a.example?x",
    "http://[::1]:80/api/v2/ee/bookings?x=1",
  ];

  it.each(urls)("%s", (raw) => {
    const href = new Request(raw).url;
    const parsed = new URL(href);
    expect(pathnameOf(href)).toBe(parsed.pathname);
    expect(pathWithQueryOf(href)).toBe(parsed.pathname + parsed.search);
  });
});
