/**
 * The pseudo-locales, made from English when the catalogues load (never committed by hand):
 * every letter accented, each text lengthened by about 35% and wrapped in ⟦ ⟧, so an
 * untranslated string (plain English) and a layout that breaks with longer words both show.
 * Placeholders (`{{name}}`) and nesting (`$t(…)`) stay as they are.
 */
const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ď',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ü',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ď',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ü',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** One English text, pseudo-localised. */
export function pseudoText(text: string): string {
  // Split off placeholders and nestings so they survive untouched.
  const parts = text.split(/(\{\{[^}]*\}\}|\$t\([^)]*\))/);
  let letters = 0;
  const body = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(/[A-Za-z]/g, (ch) => {
        letters += 1;
        return ACCENTED[ch] ?? ch;
      });
    })
    .join('');
  const padding = '~'.repeat(Math.max(1, Math.round(letters * 0.35)));
  return `${PSEUDO_OPEN}${body}${padding}${PSEUDO_CLOSE}`;
}

type Catalogue = { [key: string]: string | Catalogue };

/** A whole catalogue, pseudo-localised; `_notes` (translators' notes) are dropped. */
export function pseudoCatalogue(catalogue: Catalogue): Catalogue {
  const out: Catalogue = {};
  for (const [key, value] of Object.entries(catalogue)) {
    if (key === '_notes') continue;
    out[key] = typeof value === 'string' ? pseudoText(value) : pseudoCatalogue(value);
  }
  return out;
}
