import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { addressLimit } from './address-limit.js';

describe('addressLimit', () => {
  let server: Server;
  let port: number;
  let clock = 0;
  beforeAll(async () => {
    const app = express();
    app.use(addressLimit(5, () => clock));
    app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
    app.get('/api/x', (_req, res) => void res.json({ ok: true }));
    server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const get = (path: string, host = '127.0.0.1') => fetch(`http://${host}:${port}${path}`);

  it('answers 429 with a reason and Retry-After past the budget, and lets the address back after a minute', async () => {
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push((await get('/api/x')).status);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await get('/api/x');
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toEqual({ error: { code: 'rate-limited', message: 'more than 5 requests a minute from this address: wait a minute' } });
    // Health checks are never refused.
    expect((await get('/healthz')).status).toBe(200);
    clock += 60_000;
    expect((await get('/api/x')).status).toBe(200);
  });

  it('counts each address on its own', async () => {
    clock += 60_000;
    for (let i = 0; i < 5; i++) await get('/api/x');
    expect((await get('/api/x')).status).toBe(429);
    // Another loopback address is another client (the server listens on 127.0.0.1 only, so connect there
    // from a different source address).
    const other = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/x', localAddress: '127.0.0.2' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      }, reject);
    });
    expect(other).toBe(200);
  });
});
