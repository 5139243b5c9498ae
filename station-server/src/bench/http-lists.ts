// The lists as a client sees them at a million songs: GET /feed (the page, with filters) and
// GET /api/v1/songs (JSON, with cursors), through the station's own express app over loopback, on the
// store the bench filled. What this adds to the store's own time is routing, views and HTML.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../library/store.js';
import { createApp } from '../http/app.js';
import { pagesRoutes } from '../http/pages-routes.js';
import { operatorGuard } from '../http/operator-auth.js';
import { createLocalMediaStore } from '../media/local-media.js';
import { createLocalQueue } from '../songs/local-queue.js';

export type Timer = (what: string, n: number, run: (i: number) => Promise<unknown>) => Promise<void>;

export async function timeHttpLists(store: Store, time: Timer): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-http-'));
  const media = createLocalMediaStore(dir);
  const queue = createLocalQueue({ concurrency: 1, log: () => undefined, handler: async () => Promise.reject(new Error('the bench makes no songs')) });
  const app = createApp({
    store,
    queue,
    songsDir: join(dir, 'media', 'songs'),
    operatorOnly: operatorGuard('bench-token-that-nobody-sends-0123456789'),
    requestsPerMinute: 10_000_000,
    log: () => undefined,
    routers: [pagesRoutes({ store, media, publicDir: fileURLToPath(new URL('../public', import.meta.url)) })],
  });
  const server = createServer(app);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string): Promise<Response> => {
    const res = await fetch(`${base}${path}`);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    await res.arrayBuffer();
    return res;
  };
  const nextOf = (res: Response) => /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
  try {
    await time('HTTP GET /feed (first page)', 300, () => get('/feed'));
    await time('HTTP GET /feed?language=ko&theme=pride&relation=pet', 300, () => get('/feed?language=ko&theme=pride&relation=pet'));
    await time('HTTP GET /api/v1/songs?limit=50', 300, () => get('/api/v1/songs?limit=50'));
    let next: string | undefined;
    await time('HTTP GET /api/v1/songs, following cursors', 300, async () => {
      const res = await get(next ? new URL(next, base).pathname + new URL(next, base).search : '/api/v1/songs?limit=50');
      next = nextOf(res);
    });
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await queue.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
