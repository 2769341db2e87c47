/**
 * Secrets (S4): long and random, stored only as hashes, compared in constant time. Meeting
 * codes are short on purpose (typed on a phone); they find a meeting but grant nothing.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** No 0/O, 1/I/L: codes are read off a projector and typed on phones. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newMeetingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * A screen link's secret: it may be typed on the room's PC when the QR code cannot be scanned, so
 * it uses the code alphabet (no look-alike characters) and is shown in groups of four; 32
 * characters (about 158 bits), the length every token has on the wire (joinSchema).
 */
export const SCREEN_TOKEN_LENGTH = 32;

export function newScreenToken(): string {
  let token = '';
  for (let i = 0; i < SCREEN_TOKEN_LENGTH; i++) token += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return token;
}
