// The operator credential: `Authorization: Bearer <operator token>`, compared in constant time. An
// address that keeps sending wrong tokens is told to wait (429) before its next try is even checked.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { createRateLimiter } from '../pairing/rate-limit.js';
import { addressKey } from '../address-key.js';

/** Wrong tokens an address may send per minute before it must wait. */
export const WRONG_TOKENS_PER_MINUTE = 20;

export type OperatorGuard = (req: Request, res: Response, next: NextFunction) => void;

export function operatorGuard(operatorToken: string, wrongPerMinute = WRONG_TOKENS_PER_MINUTE): OperatorGuard {
  const expected = Buffer.from(operatorToken);
  const wrong = createRateLimiter(wrongPerMinute, 60_000);
  return (req, res, next) => {
    const key = addressKey(req.socket.remoteAddress);
    if (wrong.remaining(key) === 0) {
      res.status(429).set('Retry-After', '60').json({ error: { code: 'rate-limited', message: 'too many wrong operator tokens from this address: wait a minute' } });
      return;
    }
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      wrong.take(key);
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: { code: 'operator-only', message: 'send the operator token as "Authorization: Bearer <token>"' } });
      return;
    }
    next();
  };
}
