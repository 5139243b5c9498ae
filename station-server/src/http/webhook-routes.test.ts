// The webhooks API over real HTTP on a real SQLite file, delivering to a receiver on 127.0.0.1: only
// admins (and the operator token) may use it, addresses and events are checked with one line each,
// the secret is answered once and is never listed or audited, a test ping arrives signed with it,
// the number of receivers is capped, and removing one removes it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { createLocalQueue } from '../songs/local-queue.js';
import { createJobHandler } from '../songs/make-job.js';
import type { Dedications } from '../pairing/dedications.js';
import { hashPassword } from '../operators/passwords.js';
import { createApp } from './app.js';
import { operatorConsole, type OperatorConsole } from './operator-console.js';
import { createWebhookDispatcher, type WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import { verify } from '../webhooks/webhook-body.js';
import { MAX_WEBHOOKS } from './webhook-routes.js';

const TOKEN = 'op-token-0123456789abcdefghij';
const PASSWORD = 'a long passphrase';

let dir: string;
let lib: TestParts;
let server: Server;
let receiver: Server;
let hookUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let base: string;
let ops: OperatorConsole;
let hooks: WebhookDispatcher;
let queue: ReturnType<typeof createLocalQueue>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'webhook-routes-'));
  lib = openParts(join(dir, 'data'));
  const hash = await hashPassword(PASSWORD);
  for (const [name, role] of [['ana', 'admin'], ['mo', 'moderator'], ['vi', 'viewer']] as const) await lib.store.operators.add(name, role, hash);
  queue = createLocalQueue({ concurrency: 1, log: () => undefined, handler: createJobHandler(lib) });
  hooks = createWebhookDispatcher(lib.store.webhooks, () => undefined, { retryCron: '* * * * * *' });
  ops = operatorConsole({ store: lib.store, media: lib.media, dedications: () => ({}) as Dedications, operatorToken: TOKEN, webhooks: hooks });
  server = createServer(createApp({ store: lib.store, queue, songsDir: lib.mediaDir, operatorOnly: ops.access.need('moderate'), routers: ops.routers }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
});
afterAll(async () => {
  await ops.destroy();
  await hooks.destroy();
  for (const s of [server, receiver]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  await queue.destroy();
  await lib.close();
  await rm(dir, { recursive: true, force: true });
});

const api = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${base}${path}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', ...init.headers }, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
const asAdmin = { authorization: `Bearer ${TOKEN}` };

async function login(name: string): Promise<Record<string, string>> {
  const res = await api('/api/v1/auth/login', { method: 'POST', body: { name, password: PASSWORD } });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

describe('the webhooks API', () => {
  it('is for admins: a viewer and a moderator are refused, an admin\'s session is let in', async () => {
    for (const name of ['vi', 'mo']) {
      const s = await login(name);
      expect((await api('/api/v1/webhooks', { headers: s })).status).toBe(403);
      expect((await api('/api/v1/webhooks', { method: 'POST', headers: s, body: { url: hookUrl, events: ['song.changed'] } })).status).toBe(403);
    }
    expect((await api('/api/v1/webhooks')).status).toBe(401);
    const admin = await login('ana');
    const res = await api('/api/v1/webhooks', { headers: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ events: ['song.changed', 'dedication.pending', 'dedication.aired', 'station.silent'] });
  }, 30_000);

  it('refuses a bad address, events or format with one line that says what to fix', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ url: 'ftp://example.com/x', events: ['song.changed'] }, 'bad-url', /https:\/\/ or http:\/\//],
      [{ url: 'nonsense', events: ['song.changed'] }, 'bad-url', /is not an address/],
      [{ url: hookUrl, events: [] }, 'bad-events', /one or more of song.changed/],
      [{ url: hookUrl, events: ['song.deleted'] }, 'bad-events', /one or more of/],
      [{ url: hookUrl, events: ['song.changed'], format: 'slack' }, 'bad-format', /"json" or "discord"/],
    ];
    for (const [body, code, message] of cases) {
      const res = await api('/api/v1/webhooks', { method: 'POST', headers: asAdmin, body });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    }
  });

  it('answers the secret once; lists and audits the receiver without it; a test ping arrives signed with it', async () => {
    const made = await api('/api/v1/webhooks', { method: 'POST', headers: asAdmin, body: { url: hookUrl, events: ['song.changed', 'song.changed', 'station.silent'], format: 'json' } });
    expect(made.status).toBe(201);
    const { hook, secret } = (await made.json()) as { hook: { id: string; events: string[] }; secret: string };
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hook.events).toEqual(['song.changed', 'station.silent']);
    const listed = await (await api('/api/v1/webhooks', { headers: asAdmin })).text();
    expect(listed).toContain(hook.id);
    expect(listed).not.toContain(secret);
    const audit = await (await api('/api/v1/audit', { headers: asAdmin })).text();
    expect(audit).toContain('webhook.add');
    expect(audit).not.toContain(secret);

    const ping = await api(`/api/v1/webhooks/${hook.id}/test`, { method: 'POST', headers: asAdmin });
    expect(ping.status).toBe(202);
    const deadline = Date.now() + 20_000;
    while (!received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'ping', data: { by: 'api-key' } });
    expect(verify(secret, received[0]!.body, received[0]!.headers['x-radio-optimism-signature'] as string)).toBe(true);
    let log: { status: string; event: string }[] = [];
    while (log[0]?.status !== 'delivered' && Date.now() < deadline) {
      log = (await (await api(`/api/v1/webhooks/deliveries?hook=${hook.id}`, { headers: asAdmin })).json()) as typeof log;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(log).toEqual([expect.objectContaining({ event: 'ping', channel: null, status: 'delivered', attempts: 1, lastStatus: 200 })]);
    expect((await api('/api/v1/webhooks/deliveries?limit=0', { headers: asAdmin })).status).toBe(400);
    expect((await api('/api/v1/webhooks/deliveries?hook=../x', { headers: asAdmin })).status).toBe(400);

    expect((await api(`/api/v1/webhooks/${hook.id}`, { method: 'DELETE', headers: asAdmin })).status).toBe(200);
    expect((await api(`/api/v1/webhooks/${hook.id}`, { method: 'DELETE', headers: asAdmin })).status).toBe(404);
    expect((await api(`/api/v1/webhooks/${hook.id}/test`, { method: 'POST', headers: asAdmin })).status).toBe(404);
  }, 40_000);

  it(`keeps at most ${MAX_WEBHOOKS} receivers`, async () => {
    const have = (await lib.store.webhooks.list()).length;
    for (let i = have; i < MAX_WEBHOOKS; i++) expect((await api('/api/v1/webhooks', { method: 'POST', headers: asAdmin, body: { url: `${hookUrl}/${i}`, events: ['station.silent'] } })).status).toBe(201);
    const over = await api('/api/v1/webhooks', { method: 'POST', headers: asAdmin, body: { url: hookUrl, events: ['station.silent'] } });
    expect(over.status).toBe(409);
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(`at most ${MAX_WEBHOOKS}`);
  }, 30_000);
});
