// A Request's url is already serialised by the URL parser, so its path and query can be sliced out of the
// string: the same values as `new URL(url).pathname` and `.search`, without parsing the URL again on every request.

function pathStart(url: string): number {
  return url.indexOf("/", url.indexOf("//") + 2);
}

function pathEnd(url: string, start: number): number {
  for (let i = start; i < url.length; i++) {
    const char = url.charCodeAt(i);
    if (char === 0x3f /* ? */ || char === 0x23 /* # */) return i;
  }
  return url.length;
}

/** `new URL(url).pathname` of a serialised http(s) URL. */
export function pathnameOf(url: string): string {
  const start = pathStart(url);
  return url.slice(start, pathEnd(url, start));
}

/** `new URL(url).pathname + new URL(url).search` of a serialised http(s) URL (an empty query gives no "?"). */
export function pathWithQueryOf(url: string): string {
  const start = pathStart(url);
  const end = pathEnd(url, start);
  if (url.charCodeAt(end) !== 0x3f /* ? */) return url.slice(start, end);
  const fragmentAt = url.indexOf("#", end);
  const queryEnd = fragmentAt === -1 ? url.length : fragmentAt;
  return queryEnd === end + 1 ? url.slice(start, end) : url.slice(start, queryEnd);
}
