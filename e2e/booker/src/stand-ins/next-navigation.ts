// next/navigation for a page that is not a Next.js app: the URL is the browser's.
import { useMemo, useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
};
const currentSearch = () => window.location.search;

export function useSearchParams(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, currentSearch);
  return useMemo(() => new URLSearchParams(search), [search]);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

const router = {
  push: (href: string) => window.history.pushState(null, "", href),
  replace: (href: string) => window.history.replaceState(null, "", href),
  refresh: () => {},
  back: () => window.history.back(),
  forward: () => window.history.forward(),
  prefetch: () => {},
};

export function useRouter() {
  return router;
}
