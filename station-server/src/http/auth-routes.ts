// Console sign-in: POST /api/v1/auth/login {name, password} sets the session cookie; logout ends it;
// GET /api/v1/auth/session says who is signed in and gives the CSRF token the pages send back.
// Wrong logins are limited per account and per address (kept across restarts): past either, the
// login is refused with 429 before the password is even checked.
import { Router, type Request } from 'express';
import type { Store } from '../library/store.js';
import { createRateLimiter, type SavedWindow } from '../pairing/rate-limit.js';
import { addressKey } from '../address-key.js';
import { hashPassword, verifyPassword } from '../operators/passwords.js';
import { clearedSessionCookie, csrfTokenFor, newSessionToken, sessionCookie, sessionFromCookie, sessionHash, SESSION_IDLE_MS } from '../operators/session-token.js';
import type { OperatorAccess } from './operator-access.js';

export interface LoginLimits {
  /** Wrong passwords for one account per window (default 10). */
  perAccount: number;
  /** Login attempts from one address per window, right or wrong (default 30). */
  perAddress: number;
  /** The window (default 15 minutes). */
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 10, perAddress: 30, windowMs: 15 * 60_000 };

const WRONG = 'that name and password do not match an account';

export function authRoutes(store: Store, access: OperatorAccess, limits: LoginLimits = DEFAULT_LOGIN_LIMITS, publicUrl?: string, now: () => number = Date.now): { router: Router; destroy(): void } {
  const router = Router();
  const windowsOf = (kind: string) => ({ load: () => store.limits.load(kind), save: (changed: SavedWindow[], before: number) => store.limits.save(kind, changed, before) });
  const byAccount = createRateLimiter(limits.perAccount, limits.windowMs, { now, store: windowsOf('login-account') });
  const byAddress = createRateLimiter(limits.perAddress, limits.windowMs, { now, store: windowsOf('login-address') });
  // Compared against when the name is unknown, so an unknown name costs the same time as a wrong password.
  const decoy = hashPassword('no account has this password');
  // Behind an HTTPS proxy the station itself speaks plain HTTP: its public address says the truth.
  const behindHttps = publicUrl?.startsWith('https:') ?? false;
  const secure = (req: Request) => behindHttps || req.protocol === 'https';
  const tooMany = (what: string) => ({ error: { code: 'rate-limited', message: `too many sign-in attempts ${what}: wait ${Math.round(limits.windowMs / 60_000)} minutes and try again` } });

  router.post('/api/v1/auth/login', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body = (req.body ?? {}) as { name?: unknown; password?: unknown };
    if (typeof body.name !== 'string' || typeof body.password !== 'string' || body.name.length > 64 || body.password.length > 1024) {
      return void res.status(400).json({ error: { code: 'invalid-request', message: 'send {"name": "...", "password": "..."} as JSON' } });
    }
    const name = body.name.trim().toLowerCase();
    const address = addressKey(req.socket.remoteAddress);
    if (!byAddress.take(address)) return void res.status(429).set('Retry-After', String(Math.ceil(limits.windowMs / 1000))).json(tooMany('from this address'));
    if (byAccount.remaining(name) === 0) return void res.status(429).set('Retry-After', String(Math.ceil(limits.windowMs / 1000))).json(tooMany('for this account'));
    const account = await store.operators.get(name);
    const ok = await verifyPassword(body.password, account?.passwordHash ?? (await decoy));
    if (!account || !ok) {
      byAccount.take(name);
      if (account) await store.operators.audit({ actor: name, action: 'login.failed', target: name });
      return void res.status(401).json({ error: { code: 'wrong-login', message: WRONG } });
    }
    const token = newSessionToken();
    const at = now();
    await store.operators.openSession(account.name, sessionHash(token), at + SESSION_IDLE_MS, at);
    await store.operators.audit({ actor: account.name, action: 'login', target: account.name });
    res.set('Set-Cookie', sessionCookie(token, secure(req))).json({ name: account.name, role: account.role, csrfToken: csrfTokenFor(token) });
  });

  router.post('/api/v1/auth/logout', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const operator = await access.who(req);
    const token = sessionFromCookie(req.get('cookie'));
    // Ending a session needs its CSRF token too: another site must not sign an operator out.
    if (operator && token && req.get('x-csrf-token') === csrfTokenFor(token)) {
      await store.operators.endSession(sessionHash(token));
      await store.operators.audit({ actor: operator.name, action: 'logout', target: operator.name });
    } else if (operator) {
      return void res.status(403).json({ error: { code: 'csrf', message: 'send the X-CSRF-Token header given by GET /api/v1/auth/session' } });
    }
    res.set('Set-Cookie', clearedSessionCookie(secure(req))).status(204).end();
  });

  router.get('/api/v1/auth/session', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const operator = await access.who(req);
    if (!operator) return void res.status(401).json({ error: { code: 'sign-in', message: 'not signed in' } });
    res.json({ name: operator.name, role: operator.role, csrfToken: csrfTokenFor(operator.token!) });
  });

  return {
    router,
    destroy() {
      byAccount.destroy();
      byAddress.destroy();
    },
  };
}
