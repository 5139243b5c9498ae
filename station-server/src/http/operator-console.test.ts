// The console's access rules over real HTTP on a real SQLite file: sign-in and its cookie, the same
// 401 for an unknown name and a wrong password, CSRF and Origin on every state change, the operator
// token as an admin key, the login limits per account and per address, and route × role → status.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { openParts, type TestParts } from '../testing/test-parts.js';
import { createLocalQueue } from '../songs/local-queue.js';
import { createJobHandler } from '../songs/make-job.js';
import type { Dedications } from '../pairing/dedications.js';
import { hashPassword } from '../operators/passwords.js';
import { createApp } from './app.js';
import express from 'express';
import { authRoutes } from './auth-routes.js';
import { operatorConsole, type OperatorConsole } from './operator-console.js';

const TOKEN = 'op-token-0123456789abcdefghij';
const PASSWORD = 'a long passphrase';
const request = { message: 'm', to: 'A', genre: 'pop', vibe: 'calm', language: 'en' } as const;

let dir: string;
let lib: TestParts;
let server: Server;
let base: string;
let ops: OperatorConsole;
let queue: ReturnType<typeof createLocalQueue>;
let pending = 0;

/** A radio dedication waiting for a decision. */
async function waitingDedication(): Promise<string> {
  const id = `d_wait${pending++}`;
  await lib.store.dedications.add({ id, phoneId: 'ph_x', tvId: 'tv_x', target: 'radio', request });
  await lib.store.dedications.update(id, { status: 'ready', moderation: 'pending', songId: null });
  return id;
}

// The moderation flow itself (song made public, phone told) is tested in pairing/; here only who may call it.
const decide = (moderation: 'approved' | 'rejected') => async (id: string) => {
  const d = await lib.store.dedications.get(id);
  return d?.moderation === 'pending' ? lib.store.dedications.update(id, { moderation }) : undefined;
};
const dedications = { approve: decide('approved'), reject: decide('rejected') } as unknown as Dedications;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'console-'));
  lib = openParts(join(dir, 'data'));
  const hash = await hashPassword(PASSWORD);
  for (const [name, role] of [['ana', 'admin'], ['mo', 'moderator'], ['vi', 'viewer'], ['lim', 'viewer']] as const) await lib.store.operators.add(name, role, hash);
  queue = createLocalQueue({ concurrency: 1, log: () => undefined, handler: createJobHandler(lib) });
  ops = operatorConsole({ store: lib.store, media: lib.media, dedications: () => dedications, operatorToken: TOKEN, loginLimits: { perAccount: 3, perAddress: 1000, windowMs: 60_000 } });
  server = createServer(createApp({ store: lib.store, queue, songsDir: lib.mediaDir, operatorOnly: ops.access.need('moderate'), routers: ops.routers }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  ops.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await queue.destroy();
  await lib.close();
  await rm(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

interface Signed {
  cookie: string;
  csrf: string;
}

async function login(name: string, password = PASSWORD): Promise<Signed> {
  const res = await post('/api/v1/auth/login', { name, password });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and says who is signed in', async () => {
    const res = await post('/api/v1/auth/login', { name: 'mo', password: PASSWORD });
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^ro_operator=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(set).not.toMatch(/Secure/); // plain http here; https requests get Secure
    const body = (await res.json()) as { name: string; role: string; csrfToken: string };
    expect(body).toMatchObject({ name: 'mo', role: 'moderator' });
    const cookie = set.split(';')[0]!;
    const session = await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } });
    expect(await session.json()).toEqual({ name: 'mo', role: 'moderator', csrfToken: body.csrfToken });
    expect((await fetch(`${base}/api/v1/auth/session`)).status).toBe(401);
  }, 30_000);

  it('marks the cookie Secure when the station is reached over HTTPS through a proxy (PUBLIC_URL https)', async () => {
    const auth = authRoutes(lib.store, ops.access, { perAccount: 3, perAddress: 1000, windowMs: 60_000 }, 'https://radio.example');
    const behind = createServer(express().use(express.json()).use(auth.router));
    await new Promise<void>((r) => behind.listen(0, '127.0.0.1', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(behind.address() as AddressInfo).port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'mo', password: PASSWORD }) });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
    } finally {
      auth.destroy();
      behind.closeAllConnections();
      await new Promise((r) => behind.close(r));
    }
  }, 30_000);

  it('answers an unknown name and a wrong password alike', async () => {
    const unknown = await post('/api/v1/auth/login', { name: 'nobody', password: PASSWORD });
    const wrong = await post('/api/v1/auth/login', { name: 'ana', password: 'not the password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect((await post('/api/v1/auth/login', { name: 'ana' })).status).toBe(400);
  }, 30_000);

  it('ends a session on logout (with its CSRF token), after which the cookie opens nothing', async () => {
    const s = await login('vi');
    expect((await post('/api/v1/auth/logout', {}, { cookie: s.cookie })).status).toBe(403);
    const out = await post('/api/v1/auth/logout', {}, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await fetch(`${base}/api/v1/auth/session`, { headers: { cookie: s.cookie } })).status).toBe(401);
    expect((await fetch(`${base}/api/v1/moderation`, { headers: { cookie: s.cookie } })).status).toBe(401);
  }, 30_000);

  it('limits wrong passwords per account: past the limit even the right one waits', async () => {
    for (let i = 0; i < 3; i++) expect((await post('/api/v1/auth/login', { name: 'lim', password: 'wrong password' })).status).toBe(401);
    const limited = await post('/api/v1/auth/login', { name: 'lim', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/for this account/);
    // Another account from the same address is not held up.
    expect((await post('/api/v1/auth/login', { name: 'vi', password: PASSWORD })).status).toBe(200);
  }, 30_000);
});

describe('state changes', () => {
  it('need the session\'s CSRF token, and a same-site Origin when one is sent', async () => {
    const s = await login('mo');
    const id = await waitingDedication();
    expect((await post(`/api/v1/moderation/${id}/approve`, {}, { cookie: s.cookie })).status).toBe(403);
    expect((await post(`/api/v1/moderation/${id}/approve`, {}, { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
    const other = await login('ana');
    expect((await post(`/api/v1/moderation/${id}/approve`, {}, { cookie: s.cookie, 'x-csrf-token': other.csrf })).status).toBe(403);
    expect((await post(`/api/v1/moderation/${id}/approve`, {}, { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://evil.example' })).status).toBe(403);
    expect((await lib.store.dedications.get(id))!.moderation).toBe('pending');
    const ok = await post(`/api/v1/moderation/${id}/approve`, {}, { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: base });
    expect(ok.status).toBe(200);
  }, 30_000);

  it('take the operator token as an admin key, without CSRF', async () => {
    const id = await waitingDedication();
    expect((await post(`/api/v1/moderation/${id}/reject`, { reason: 'spam' }, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await fetch(`${base}/api/v1/audit`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await post(`/api/v1/moderation/${id}/reject`, {}, { authorization: 'Bearer wrong' })).status).toBe(401);
  }, 30_000);
});

describe('roles, enforced on the server', () => {
  type Who = 'none' | 'viewer' | 'moderator' | 'admin';
  // route × role → status: 401 without credentials, 403 without the right; 200 (or 409 when the
  // dedication was decided already) once let through.
  const table: { route: string; call: (h: Record<string, string>) => Promise<Response>; want: Record<Who, number> }[] = [
    { route: 'GET /api/v1/moderation', call: (h) => fetch(`${base}/api/v1/moderation`, { headers: h }), want: { none: 401, viewer: 200, moderator: 200, admin: 200 } },
    { route: 'POST /api/v1/moderation/:id/approve', call: async (h) => post(`/api/v1/moderation/${await waitingDedication()}/approve`, {}, h), want: { none: 401, viewer: 403, moderator: 200, admin: 200 } },
    { route: 'POST /api/v1/moderation/:id/reject', call: async (h) => post(`/api/v1/moderation/${await waitingDedication()}/reject`, { reason: 'off-topic' }, h), want: { none: 401, viewer: 403, moderator: 200, admin: 200 } },
    { route: 'GET /api/v1/library', call: (h) => fetch(`${base}/api/v1/library`, { headers: h }), want: { none: 401, viewer: 200, moderator: 200, admin: 200 } },
    { route: 'POST /api/v1/songs/:id/takedown', call: async (h) => post(`/api/v1/songs/${await librarySong()}/takedown`, {}, h), want: { none: 401, viewer: 403, moderator: 200, admin: 200 } },
    { route: 'POST /api/v1/songs/:id/restore', call: async (h) => post(`/api/v1/songs/${await librarySong()}/restore`, {}, h), want: { none: 401, viewer: 403, moderator: 409, admin: 409 } },
    { route: 'GET /api/v1/operators', call: (h) => fetch(`${base}/api/v1/operators`, { headers: h }), want: { none: 401, viewer: 403, moderator: 403, admin: 200 } },
    { route: 'POST /api/v1/operators', call: (h) => post('/api/v1/operators', { name: 'Bad Name', role: 'viewer', password: PASSWORD }, h), want: { none: 401, viewer: 403, moderator: 403, admin: 400 } },
    { route: 'POST /api/v1/operators/:name/role', call: (h) => post('/api/v1/operators/nobody/role', { role: 'viewer' }, h), want: { none: 401, viewer: 403, moderator: 403, admin: 404 } },
    { route: 'POST /api/v1/operators/:name/remove', call: (h) => post('/api/v1/operators/nobody/remove', {}, h), want: { none: 401, viewer: 403, moderator: 403, admin: 404 } },
    { route: 'GET /api/v1/audit', call: (h) => fetch(`${base}/api/v1/audit`, { headers: h }), want: { none: 401, viewer: 403, moderator: 403, admin: 200 } },
    { route: 'POST /api/v1/songs', call: (h) => post('/api/v1/songs', { nonsense: true }, h), want: { none: 401, viewer: 403, moderator: 400, admin: 400 } },
  ];
  it.each(table.map((t) => [t.route, t] as const))('%s', async (_route, t) => {
    const sessions: Record<Exclude<Who, 'none'>, Signed> = { viewer: await login('vi'), moderator: await login('mo'), admin: await login('ana') };
    const got: Record<Who, number> = { none: 0, viewer: 0, moderator: 0, admin: 0 };
    got.none = (await t.call({})).status;
    for (const who of ['viewer', 'moderator', 'admin'] as const) got[who] = (await t.call({ cookie: sessions[who].cookie, 'x-csrf-token': sessions[who].csrf })).status;
    expect(got).toEqual(t.want);
  }, 60_000);
});

/** A public song in the library (no files needed to take it down). */
async function librarySong(): Promise<string> {
  const id = await lib.store.songs.newId();
  await lib.store.songs.add(id, { title: 't', language: 'ko', genre: 'pop', vibe: 'calm', theme: 'love', durationSec: 30, seed: 1, request: { ...request, language: 'ko' } }, 'song');
  return id;
}

describe('takedowns', () => {
  it('take a song out (410, listed as removed) and bring it back, audited; a viewer may only look', async () => {
    const id = await librarySong();
    const vi = await login('vi');
    const mo = await login('mo');
    expect((await post(`/api/v1/songs/${id}/takedown`, {}, { cookie: vi.cookie, 'x-csrf-token': vi.csrf })).status).toBe(403);
    const down = await post(`/api/v1/songs/${id}/takedown`, {}, { cookie: mo.cookie, 'x-csrf-token': mo.csrf });
    expect(down.status).toBe(200);
    expect(await down.json()).toMatchObject({ id, kind: 'removed', takedown: { by: 'mo', restorable: true } });
    expect((await fetch(`${base}/api/v1/songs/${id}`)).status).toBe(410);
    expect((await post(`/api/v1/songs/${id}/takedown`, {}, { cookie: mo.cookie, 'x-csrf-token': mo.csrf })).status).toBe(409);
    const removed = (await (await fetch(`${base}/api/v1/library?kind=removed&language=ko`, { headers: { cookie: vi.cookie } })).json()) as { id: string }[];
    expect(removed.map((s) => s.id)).toContain(id);
    const live = (await (await fetch(`${base}/api/v1/library?language=ko`, { headers: { cookie: vi.cookie } })).json()) as { id: string }[];
    expect(live.map((s) => s.id)).not.toContain(id);
    expect((await fetch(`${base}/api/v1/library?kind=secret`, { headers: { cookie: vi.cookie } })).status).toBe(400);
    expect((await post(`/api/v1/songs/${id}/restore`, {}, { cookie: mo.cookie, 'x-csrf-token': mo.csrf })).status).toBe(200);
    expect((await fetch(`${base}/api/v1/songs/${id}`)).status).toBe(200);
    expect((await post(`/api/v1/songs/${id}/restore`, {}, { cookie: mo.cookie, 'x-csrf-token': mo.csrf })).status).toBe(409);
    const audit = (await (await fetch(`${base}/api/v1/audit?limit=2`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as unknown[];
    expect(audit).toMatchObject([
      { actor: 'mo', action: 'song.restore', target: id, before: { kind: 'removed' }, after: { kind: 'song' } },
      { actor: 'mo', action: 'song.takedown', target: id, before: { kind: 'song' }, after: { kind: 'removed' } },
    ]);
  }, 30_000);
});

describe('the library\'s search', () => {
  it('filters by when a song was made and whether it aired, shows where and when it last aired, and refuses a bad filter', async () => {
    const vi = await login('vi');
    const id = await librarySong();
    const made = (await lib.store.songs.get(id))!.createdAt;
    await lib.store.songs.aired(id, 'radio-optimism', Date.parse('2026-11-30T09:15:00.000Z'));
    const list = async (query: string) => {
      const res = await fetch(`${base}/api/v1/library?${query}`, { headers: { cookie: vi.cookie } });
      expect(res.status).toBe(200);
      return (await res.json()) as { id: string; lastAired: unknown }[];
    };
    const aired = await list(`aired=yes&since=${encodeURIComponent(made)}`);
    expect(aired).toEqual([expect.objectContaining({ id, lastAired: { at: '2026-11-30T09:15:00.000Z', channel: 'radio-optimism' } })]);
    expect((await list('aired=no')).map((s) => s.id)).not.toContain(id);
    expect((await list(`before=${encodeURIComponent(made)}`)).map((s) => s.id)).not.toContain(id);
    for (const bad of ['aired=maybe', 'since=yesterday', 'before=2026-13-45T00:00:00Z']) {
      const res = await fetch(`${base}/api/v1/library?${bad}`, { headers: { cookie: vi.cookie } });
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/aired must be yes or no|ISO 8601 instant/);
    }
  }, 30_000);
});

describe('accounts over the API', () => {
  it('lets an admin add, change and remove an account, audited without the password, but not their own', async () => {
    const admin = await login('ana');
    const h = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    expect((await post('/api/v1/operators', { name: 'newbie', role: 'viewer', password: PASSWORD }, h)).status).toBe(201);
    expect((await post('/api/v1/operators', { name: 'newbie', role: 'viewer', password: PASSWORD }, h)).status).toBe(409);
    expect((await post('/api/v1/operators', { name: 'weak', role: 'viewer', password: 'short' }, h)).status).toBe(400);
    await login('newbie');
    expect((await post('/api/v1/operators/newbie/role', { role: 'moderator' }, h)).status).toBe(200);
    expect((await post('/api/v1/operators/ana/role', { role: 'viewer' }, h)).status).toBe(409);
    expect((await post('/api/v1/operators/ana/remove', {}, h)).status).toBe(409);
    const list = (await (await fetch(`${base}/api/v1/operators`, { headers: h })).json()) as { name: string; role: string }[];
    expect(list.find((o) => o.name === 'newbie')).toMatchObject({ role: 'moderator' });
    expect(JSON.stringify(list)).not.toMatch(/scrypt/);
    expect((await post('/api/v1/operators/newbie/remove', {}, h)).status).toBe(204);
    const audit = (await (await fetch(`${base}/api/v1/audit?limit=3`, { headers: h })).json()) as { action: string; before: unknown; after: unknown }[];
    expect(audit.map((a) => a.action)).toEqual(['account.remove', 'account.role', 'login']);
    expect(audit[1]).toMatchObject({ before: { role: 'viewer' }, after: { role: 'moderator' } });
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|passphrase/);
    // No password sent: one is generated and answered once; it signs in.
    const made = await post('/api/v1/operators', { name: 'gen', role: 'viewer' }, h);
    expect(made.status).toBe(201);
    const { password } = (await made.json()) as { password: string };
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    await login('gen', password);
    expect((await post('/api/v1/operators/gen/remove', {}, h)).status).toBe(204);
  }, 30_000);
});

describe('the audit log', () => {
  it('records sign-ins and decisions with before, after and the reason, newest first, for admins', async () => {
    const s = await login('mo');
    const id = await waitingDedication();
    expect((await post(`/api/v1/moderation/${id}/reject`, { reason: 'not kind' }, { cookie: s.cookie, 'x-csrf-token': s.csrf })).status).toBe(200);
    const res = await fetch(`${base}/api/v1/audit?limit=2`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const entries = (await res.json()) as { actor: string; action: string; target: string; before: unknown; after: unknown }[];
    expect(entries[0]).toMatchObject({ actor: 'mo', action: 'dedication.reject', target: id, before: { moderation: 'pending' }, after: { moderation: 'rejected', reason: 'not kind' } });
    expect(entries[1]).toMatchObject({ actor: 'mo', action: 'login' });
    expect(res.headers.get('link')).toMatch(/rel="next"/);
  }, 30_000);
});

describe('the login limit per address', () => {
  it('refuses every login from an address past its attempts, whatever the account', async () => {
    // Its own data folder: the first suite's windows (kept in the store) would count here too.
    const own = openParts(join(dir, 'strict'));
    const hash = await hashPassword(PASSWORD);
    for (const name of ['ana', 'mo', 'vi']) await own.store.operators.add(name, 'viewer', hash);
    const strict = operatorConsole({ store: own.store, media: own.media, dedications: () => dedications, operatorToken: TOKEN, loginLimits: { perAccount: 100, perAddress: 3, windowMs: 60_000 } });
    const other = createServer(createApp({ store: own.store, queue, songsDir: own.mediaDir, operatorOnly: strict.access.need('moderate'), routers: strict.routers }));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/api/v1/auth/login`;
    const tryLogin = (name: string, password: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
    try {
      expect((await tryLogin('ana', 'wrong password')).status).toBe(401);
      expect((await tryLogin('mo', 'wrong password')).status).toBe(401);
      expect((await tryLogin('vi', PASSWORD)).status).toBe(200);
      const limited = await tryLogin('ana', PASSWORD);
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/from this address/);
    } finally {
      await strict.destroy();
      other.closeAllConnections();
      await new Promise((r) => other.close(r));
      await own.close();
    }
  }, 30_000);
});
