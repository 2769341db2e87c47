/**
 * Tiny routing on the address (location.pathname and, for a circle's pages, the #fragment that
 * holds its key); four meeting screens, a circle's two pages and a home page need no router.
 */
import { circleMinutesPath, circlePath } from '@circlewise/shared/circles';
import { normaliseCode } from '@circlewise/shared/commands';
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'participant'; code: string }
  | { page: 'facilitate'; code: string }
  | { page: 'projector'; code: string }
  | { page: 'minutes'; code: string }
  /** S3: the member link (`/c#<key>`); the key in it is what opens the circle's records. */
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

/** `address` is the path with its #fragment, as `currentAddress()` gives it. */
export function parseRoute(address: string): Route {
  const hashAt = address.indexOf('#');
  const pathname = hashAt < 0 ? address : address.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : address.slice(hashAt + 1);
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] === 'c') return parseCircleRoute(parts.slice(1), fragment);
  if (parts[0] !== 'm' || !parts[1]) return { page: 'not-found' };
  const code = normaliseCode(safeDecode(parts[1]) ?? '');
  if (!code) return { page: 'not-found' };
  if (parts.length === 2) return { page: 'participant', code };
  const sub = parts[2] as keyof typeof SUBPAGES;
  if (parts.length === 3 && Object.hasOwn(SUBPAGES, sub)) return { page: SUBPAGES[sub], code };
  return { page: 'not-found' };
}

/**
 * S10: `/c#<key>` and `/c/m/<code>#<key>`, the key in the fragment, which the browser never
 * sends. The old forms with the key in the path (`/c/<key>`, `/c/<key>/m/<code>`) still open
 * (the server redirects them; a dev server does not, so they are read here too). Whether the key
 * opens anything is the server's to say.
 */
function parseCircleRoute(parts: string[], fragment: string): Route {
  const inFragment = fragment ? safeDecode(fragment) : undefined;
  if (parts.length === 0) return inFragment ? { page: 'circle', key: inFragment } : { page: 'not-found' };
  if (parts[0] === 'm') {
    const code = parts[1] ? normaliseCode(safeDecode(parts[1]) ?? '') : '';
    if (parts.length === 2 && code && inFragment) return { page: 'circle-minutes', key: inFragment, code };
    return { page: 'not-found' };
  }
  const key = safeDecode(parts[0] ?? '');
  if (!key) return { page: 'not-found' };
  if (parts.length === 1) return { page: 'circle', key };
  const code = parts[2] ? normaliseCode(safeDecode(parts[2]) ?? '') : '';
  if (parts.length === 3 && parts[1] === 'm' && code) return { page: 'circle-minutes', key, code };
  return { page: 'not-found' };
}

/**
 * S10: the fragment form of an old circle link (the key in the path), to put in the address bar
 * in its place; undefined for any other address.
 */
export function fragmentForm(address: string): string | undefined {
  if (!/^\/c\/(?!m(\/|$|#))[^/#]/.test(address)) return undefined;
  const route = parseRoute(address);
  if (route.page === 'circle') return circlePath(route.key);
  if (route.page === 'circle-minutes') return circleMinutesPath(route.key, route.code);
  return undefined;
}

/** A pasted link with a stray `%` must not throw during render. */
function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

export { circleMinutesPath };

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

/** The address the routes are read from: the path and its #fragment. */
export function currentAddress(): string {
  const { pathname, hash } = window.location;
  const address = `${pathname}${hash}`;
  const moved = fragmentForm(address);
  if (!moved) return address;
  // S10: an old link's key leaves the path (and so the history) before anything else runs.
  window.history.replaceState(null, '', moved);
  return moved;
}

export function useAddress(): string {
  const [address, setAddress] = useState(currentAddress);
  useEffect(() => {
    const update = () => setAddress(currentAddress());
    window.addEventListener('popstate', update);
    window.addEventListener('hashchange', update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('hashchange', update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return address;
}
