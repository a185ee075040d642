import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../lib/routes';

/** Where the console is served (Vite's `base`): `/console/`. */
export const BASE = import.meta.env.BASE_URL;

const NAVIGATED = 'console:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

const snapshot = () => `${window.location.pathname}${window.location.search}`;

/** Goes to a console path without reloading the page (the History API; the server serves the SPA). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATED));
}

/** The current route, following links, back and forward. */
export function useRoute(): Route {
  const location = useSyncExternalStore(subscribe, snapshot);
  return useMemo(() => {
    const [pathname, search] = splitLocation(location);
    return parseRoute(pathname, search, BASE);
  }, [location]);
}

function splitLocation(location: string): [string, string] {
  const at = location.indexOf('?');
  return at === -1 ? [location, ''] : [location.slice(0, at), location.slice(at)];
}

/** A click handler for in-console links: plain clicks navigate here, others open as the browser would. */
export function useLinkClick(to: string) {
  return useCallback(
    (event: React.MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      navigate(to);
    },
    [to],
  );
}
