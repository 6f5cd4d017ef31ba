// next/link as a plain anchor.
import { forwardRef, type AnchorHTMLAttributes } from "react";

type Href = string | { pathname?: string; query?: Record<string, string> };
type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: Href; prefetch?: boolean; replace?: boolean; scroll?: boolean; shallow?: boolean; legacyBehavior?: boolean; passHref?: boolean };

const toUrl = (href: Href) =>
  typeof href === "string" ? href : `${href.pathname ?? ""}${href.query ? `?${new URLSearchParams(href.query)}` : ""}`;

const Link = forwardRef<HTMLAnchorElement, Props>(function Link({ href, prefetch: _p, replace: _r, scroll: _s, shallow: _sh, legacyBehavior: _l, passHref: _ph, ...rest }, ref) {
  return <a ref={ref} href={toUrl(href)} {...rest} />;
});

export default Link;
