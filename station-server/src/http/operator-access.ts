// Who is calling an operator route, and whether they may: a console session (cookie; every state
// change must carry X-CSRF-Token matching it, and an Origin, when sent, must be the station's) or the
// operator token as an admin API key for scripts (Authorization: Bearer; no CSRF, since a browser
// never sends it by itself). Roles are checked here, on the server, for every route (operators/roles.ts).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { OperatorRole, OperatorStore } from '../library/store.js';
import { can, type Permission } from '../operators/roles.js';
import { csrfMatches, sessionFromCookie, sessionHash, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '../operators/session-token.js';
import type { OperatorGuard } from './operator-auth.js';
import type { OriginOf } from './public-origin.js';

/** Who made this request, set on res.locals.operator by the access check. */
export interface Operator {
  name: string;
  role: OperatorRole;
  via: 'session' | 'token';
  /** The session's token (for logout and the CSRF token), absent for the API key. */
  token?: string;
}

/** The name the operator token acts under in the audit log. */
export const API_KEY_NAME = 'api-key';

export interface OperatorAccess {
  /** Lets through callers whose role grants `permission`: 401 without credentials, 403 without the right. */
  need(permission: Permission): RequestHandler;
  /** The signed-in operator, or undefined (no CSRF check: for reading the session itself). */
  who(req: Request): Promise<Operator | undefined>;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const refuse = (res: Response, status: number, code: string, message: string) => void res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message } });

export function operatorAccess(opts: { operators: OperatorStore; bearer: OperatorGuard; originOf: OriginOf; now?: () => number }): OperatorAccess {
  const now = opts.now ?? Date.now;
  const who = async (req: Request): Promise<Operator | undefined> => {
    const token = sessionFromCookie(req.get('cookie'));
    if (!token) return undefined;
    const hash = sessionHash(token);
    const at = now();
    const session = await opts.operators.session(hash, at);
    if (!session) return undefined;
    if (at - session.lastSeenMs > SESSION_TOUCH_MS) await opts.operators.touchSession(hash, at, at + SESSION_IDLE_MS);
    return { name: session.name, role: session.role, via: 'session', token };
  };
  const sameOrigin = (req: Request): boolean => {
    const origin = req.get('origin');
    if (origin === undefined) return true;
    if (origin === opts.originOf(req)) return true;
    try {
      return new URL(origin).host === req.get('host');
    } catch {
      return false;
    }
  };
  return {
    who,
    need: (permission) => async (req: Request, res: Response, next: NextFunction) => {
      try {
        if (req.get('authorization') !== undefined) {
          // The API key is the admin: it may do everything.
          opts.bearer(req, res, () => {
            res.locals.operator = { name: API_KEY_NAME, role: 'admin', via: 'token' } satisfies Operator;
            next();
          });
          return;
        }
        const operator = await who(req);
        if (!operator) return refuse(res, 401, 'sign-in', 'sign in to the console first (or send the operator token as "Authorization: Bearer <token>")');
        if (!SAFE.has(req.method)) {
          if (!sameOrigin(req)) return refuse(res, 403, 'bad-origin', 'this request came from another site: use the console at this station');
          if (!csrfMatches(operator.token!, req.get('x-csrf-token'))) return refuse(res, 403, 'csrf', 'send the X-CSRF-Token header given by GET /api/v1/auth/session');
        }
        if (!can(operator.role, permission)) return refuse(res, 403, 'forbidden', `a ${operator.role} may not do this (needs the "${permission}" right)`);
        res.locals.operator = operator;
        next();
      } catch (error) {
        next(error);
      }
    },
  };
}

/** The operator the access check let through. */
export const operatorOf = (res: Response): Operator => res.locals.operator as Operator;
