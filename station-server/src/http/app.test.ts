import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { openLibrary } from '../library/library.js';
import { createSongJobs } from '../library/song-jobs.js';
import { createApp } from './app.js';
import { operatorGuard } from './operator-auth.js';

const TOKEN = 'op-token-0123456789abcdefghij';

describe('the TV app at /tv/', () => {
  let dir: string;
  let server: Server;
  let lib: ReturnType<typeof openLibrary>;
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    lib.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says it is being built until it is, then serves it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tv-app-'));
    lib = openLibrary(join(dir, 'data'));
    const tvAppDir = join(dir, 'tv');
    server = createServer(createApp({ library: lib, jobs: createSongJobs(lib, { concurrency: 1, log: () => undefined }), tvAppDir, operatorOnly: operatorGuard(TOKEN) }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const building = await fetch(`${base}/tv/`);
    expect(building.status).toBe(503);
    expect(building.headers.get('retry-after')).toBe('20');
    expect(await building.text()).toContain('being built');
    await mkdir(tvAppDir, { recursive: true });
    await writeFile(join(tvAppDir, 'index.html'), '<!doctype html><title>TV</title>');
    const ready = await fetch(`${base}/tv/`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toContain('<title>TV</title>');
    expect((await fetch(`${base}/tv/missing.js`)).status).toBe(404);
  });
});
