/**
 * Tiny routing on location.pathname; four meeting screens, a circle's two pages and a home page
 * need no router.
 */
import { circlePath } from '@circlewise/shared/circles';
import { normaliseCode } from '@circlewise/shared/commands';
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'participant'; code: string }
  | { page: 'facilitate'; code: string }
  | { page: 'projector'; code: string }
  | { page: 'minutes'; code: string }
  /** S3: the member link; the key in it is what opens the circle's records. */
  | { page: 'circle'; key: string }
  | { page: 'circle-minutes'; key: string; code: string }
  | { page: 'not-found' }
  /** The projector on the room's PC, opened by a screen link (its secret is in the #fragment). */
  | { page: 'screen'; code: string };

const SUBPAGES = {
  facilitate: 'facilitate',
  projector: 'projector',
  minutes: 'minutes',
  screen: 'screen',
} as const;

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] === 'c') return parseCircleRoute(parts.slice(1));
  if (parts[0] !== 'm' || !parts[1]) return { page: 'not-found' };
  const code = normaliseCode(safeDecode(parts[1]) ?? '');
  if (!code) return { page: 'not-found' };
  if (parts.length === 2) return { page: 'participant', code };
  const sub = parts[2] as keyof typeof SUBPAGES;
  if (parts.length === 3 && Object.hasOwn(SUBPAGES, sub)) return { page: SUBPAGES[sub], code };
  return { page: 'not-found' };
}

/** `/c/<key>` and `/c/<key>/m/<code>`; whether the key opens anything is the server's to say. */
function parseCircleRoute(parts: string[]): Route {
  const key = parts[0] ? safeDecode(parts[0]) : undefined;
  if (!key) return { page: 'not-found' };
  if (parts.length === 1) return { page: 'circle', key };
  const code = parts[2] ? normaliseCode(safeDecode(parts[2]) ?? '') : '';
  if (parts.length === 3 && parts[1] === 'm' && code) return { page: 'circle-minutes', key, code };
  return { page: 'not-found' };
}

/** A pasted link with a stray `%` must not throw during render. */
function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

export function circleMinutesPath(key: string, code: string): string {
  return `${circlePath(key)}/m/${encodeURIComponent(code)}`;
}

export function meetingPath(code: string, sub?: keyof typeof SUBPAGES): string {
  return `/m/${encodeURIComponent(code)}${sub ? `/${sub}` : ''}`;
}

const NAVIGATE = 'circlewise:navigate';

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

/**
 * Changes the address shown without moving to another page, so a page that must stay on screen
 * (the new link after a rotation) does not remount; the next navigation reads the new address.
 */
export function replaceAddress(path: string): void {
  window.history.replaceState(null, '', path);
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
