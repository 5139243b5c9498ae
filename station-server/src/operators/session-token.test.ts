import { describe, expect, it } from '@jest/globals';
import { clearedSessionCookie, csrfMatches, csrfTokenFor, newSessionToken, sessionCookie, sessionFromCookie, sessionHash } from './session-token.js';

describe('console session tokens', () => {
  it('are random, stored as a SHA-256, and read back from a Cookie header among others', () => {
    const a = newSessionToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(a);
    expect(sessionHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionFromCookie(`theme=dark; ro_operator=${a}; other=1`)).toBe(a);
    expect(sessionFromCookie('ro_operator=short')).toBeUndefined();
    expect(sessionFromCookie(undefined)).toBeUndefined();
  });

  it('go in an HttpOnly, SameSite=Strict cookie, Secure on https', () => {
    const token = newSessionToken();
    expect(sessionCookie(token, false)).toBe(`ro_operator=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200`);
    expect(sessionCookie(token, true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(true)).toBe('ro_operator=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure');
  });

  it('give each session its own CSRF token, checked exactly', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(csrfTokenFor(a)).not.toBe(csrfTokenFor(b));
    expect(csrfMatches(a, csrfTokenFor(a))).toBe(true);
    expect(csrfMatches(a, csrfTokenFor(b))).toBe(false);
    expect(csrfMatches(a, undefined)).toBe(false);
    expect(csrfMatches(a, '')).toBe(false);
  });
});
