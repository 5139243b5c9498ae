// Requests per address per minute on every route node:http answers (the API, the pages, the TV app's
// files). Live playlists and segments never come here: the front door answers them. A client over its
// budget gets 429 with Retry-After, so one address cannot keep the event loop from the listeners.
import type { NextFunction, Request, Response } from 'express';
import { addressKey } from '../address-key.js';
import { createRateLimiter } from '../pairing/rate-limit.js';

export function addressLimit(perMinute: number, now?: () => number): (req: Request, res: Response, next: NextFunction) => void {
  const limiter = createRateLimiter(perMinute, 60_000, now ? { now } : {});
  return (req, res, next) => {
    // Load balancers and monitors ask for health from one address, often.
    if (req.path === '/healthz' || limiter.take(addressKey(req.socket.remoteAddress))) return next();
    res.status(429).set('Retry-After', '60').json({ error: { code: 'rate-limited', message: `more than ${perMinute} requests a minute from this address: wait a minute` } });
  };
}
