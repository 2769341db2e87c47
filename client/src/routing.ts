/** Tiny routing on location.pathname; four meeting screens and a home page need no router. */
import { normaliseCode } from '@circlewise/shared/commands';
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'participant'; code: string }
  | { page: 'facilitate'; code: string }
  | { page: 'projector'; code: string }
  | { page: 'minutes'; code: string }
  | { page: 'not-found' };

const SUBPAGES = { facilitate: 'facilitate', projector: 'projector', minutes: 'minutes' } as const;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] !== 'm' || !parts[1]) return { page: 'not-found' };
  const code = normaliseCode(decodeURIComponent(parts[1]));
  if (!code) return { page: 'not-found' };
  if (parts.length === 2) return { page: 'participant', code };
  const sub = parts[2] as keyof typeof SUBPAGES;
  if (parts.length === 3 && sub in SUBPAGES) return { page: SUBPAGES[sub], code };
  return { page: 'not-found' };
}

export function meetingPath(code: string, sub?: keyof typeof SUBPAGES): string {
  return `/m/${encodeURIComponent(code)}${sub ? `/${sub}` : ''}`;
}

const NAVIGATE = 'circlewise:navigate';

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

export function usePathname(): string {
  const [pathname, setPathname] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return pathname;
}
