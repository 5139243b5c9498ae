// Console sessions: a random token in an HttpOnly cookie. The store keeps only its SHA-256 (a copy of
// the database signs nobody in); the CSRF token is an HMAC of the session token, so the server
// recomputes it from the cookie and stores nothing more, and a page on another site cannot know it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'ro_operator';
/** A session lasts this long after its last use. */
export const SESSION_IDLE_MS = 12 * 3600_000;
/** Its last use is written at most this often (one write a minute, not one a request). */
export const SESSION_TOUCH_MS = 60_000;

export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const sessionHash = (token: string): string => createHash('sha256').update(token).digest('hex');
export const csrfTokenFor = (token: string): string => createHmac('sha256', token).update('radio-optimism csrf').digest('base64url');

export function csrfMatches(token: string, given: string | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(token));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The session token in a Cookie header, if it has one of the right shape. */
export function sessionFromCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const token = value.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
    }
  }
  return undefined;
}

export function sessionCookie(token: string, secure: boolean, maxAgeMs = SESSION_IDLE_MS): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(maxAgeMs / 1000)}${secure ? '; Secure' : ''}`;
}

export const clearedSessionCookie = (secure: boolean): string => `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
