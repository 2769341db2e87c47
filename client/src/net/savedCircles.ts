/**
 * The circles opened in this browser, so Home can list them ("Your circles"). No accounts (S3):
 * the member link is the key, so this browser keeps the links themselves, as identity.ts keeps a
 * facilitator key. A rotated link is replaced; a link the server refuses is forgotten.
 */

export interface SavedCircle {
  key: string;
  name: string;
  openedAt: number;
}

const STORAGE_KEY = 'circlewise:circles';
/** Enough for anyone's circles; an old entry falls off rather than the list growing forever. */
const MAX_SAVED = 50;

export function loadSavedCircles(): SavedCircle[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return [];
  }
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    // A damaged entry is dropped; the others still open their circles.
    return parsed.filter(
      (c): c is SavedCircle =>
        typeof c === 'object' &&
        c !== null &&
        typeof c.key === 'string' &&
        c.key !== '' &&
        typeof c.name === 'string' &&
        typeof c.openedAt === 'number',
    );
  } catch {
    return [];
  }
}

/** Remembers (or refreshes) a circle as just opened: the most recent comes first. */
export function rememberCircle(key: string, name: string, now = Date.now()): void {
  const others = loadSavedCircles().filter((c) => c.key !== key);
  save([{ key, name, openedAt: now }, ...others].slice(0, MAX_SAVED));
}

/** After a rotation: the old link opens nothing any more, so only the new one is kept. */
export function replaceCircleKey(oldKey: string, newKey: string): void {
  save(loadSavedCircles().map((c) => (c.key === oldKey ? { ...c, key: newKey } : c)));
}

export function forgetCircle(key: string): void {
  save(loadSavedCircles().filter((c) => c.key !== key));
}

function save(circles: SavedCircle[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(circles));
  } catch {
    // Private browsing may refuse storage; the link still works, it is just not listed on Home.
  }
}
