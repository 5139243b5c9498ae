// Station instances in their own processes on one PostgreSQL, one Redis and one media folder
// (`<dir>/shared`), for the cluster suites: start one, wait for a condition, ask who leads.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { PostgresServer } from './services/postgres.js';
import type { RedisTestServer } from './services/redis.js';
import { freePort } from './station-process.js';
import { ROOT } from './run.js';

export interface Instance {
  child: ChildProcess;
  base: string;
  dataDir: string;
  output: () => string;
}

export interface ClusterServices {
  dir: string;
  pg: PostgresServer;
  redis: RedisTestServer;
}

/** Starts instances on the services `services()` gives (read at each start); `killAll` waits until their output closed. */
export function clusterInstances(services: () => ClusterServices): { start(name: string): Promise<Instance>; killAll(): Promise<void> } {
  const children = new Set<ChildProcess>();
  return {
    async start(name) {
      const { dir, pg, redis } = services();
      const port = await freePort();
      const dataDir = join(dir, name);
      const child = spawn(process.execPath, ['station-server/dist/testing/cluster-station.js'], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PLAYLISTS_DIR: join(dir, 'playlists'), MEDIA_DIR: join(dir, 'shared'), DATABASE_URL: pg.url, REDIS_URL: redis.url, SEED_CATALOG: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let output = '';
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      const base = `http://127.0.0.1:${port}`;
      await until(async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.ok === true || child.exitCode !== null, 90_000, `instance ${name} to answer`);
      if (child.exitCode !== null) throw new Error(`instance ${name} did not start:\n${output}`);
      return { child, base, dataDir, output: () => output };
    },
    async killAll() {
      await Promise.all(
        [...children].filter((child) => child.exitCode === null && child.signalCode === null).map((child) => {
          const closed = new Promise((r) => child.once('close', r));
          child.kill('SIGKILL');
          return closed;
        }),
      );
    },
  };
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether the instance's log last said it leads `channel`. */
export const leads = (i: Instance, channel: string): boolean => (i.output().match(new RegExp(`lease ${channel} (leading|following)`, 'g')) ?? []).pop()?.endsWith('leading') ?? false;

/** The index of the item on air on `channel` as the instance serves it (-1 before it has one). */
export async function currentIndex(i: Instance, channel: string): Promise<number> {
  const now = (await (await fetch(`${i.base}/api/v1/channels/${channel}/now`)).json()) as { current?: { index: number } };
  return now.current?.index ?? -1;
}
