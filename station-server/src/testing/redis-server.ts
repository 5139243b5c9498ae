// A real redis-server for tests, from Debian (installed with apt when missing): on 127.0.0.1, on a
// free port, in a temporary folder, with no persistence unless asked. stop() always kills it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface RedisTestServer {
  /** redis://127.0.0.1:<port>; the same across restarts. */
  url: string;
  port: number;
  /** The current process's id (a new one after restart). */
  pid(): number | undefined;
  /** Stops it (SIGTERM, then SIGKILL) and deletes its folder. */
  stop(): Promise<void>;
  /** Kills it with SIGKILL, as a crash would, keeping its folder for restart(). */
  kill(): Promise<void>;
  /** Stops it if running and starts it again on the same port and folder. */
  restart(): Promise<void>;
}

function redisBinary(): string {
  const found = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p));
  if (found) return found;
  // Installing is a one-off per machine; later runs find the binary above.
  for (const args of [['update'], ['install', '-y', 'redis-server']]) {
    const result = spawnSync('apt-get', args, { stdio: 'pipe', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
    if (result.status !== 0) throw new Error(`redis-server is not installed and "apt-get ${args.join(' ')}" failed (${result.status}): install it with apt-get install redis-server`);
  }
  if (!existsSync('/usr/bin/redis-server')) throw new Error('apt-get installed redis-server, but /usr/bin/redis-server is not there');
  return '/usr/bin/redis-server';
}

/** Whether something on `port` answers PING with PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startRedis(options: { persist?: boolean; timeoutMs?: number } = {}): Promise<RedisTestServer> {
  const binary = redisBinary();
  const dir = await mkdtemp(join(tmpdir(), 'redis-test-'));
  const port = await freePort();
  const timeoutMs = options.timeoutMs ?? 30_000;
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'];
    // No persistence unless asked: a restart then starts empty, as a replaced Redis would.
    args.push(...(options.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--save', '', '--appendonly', 'no']));
    const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running.add(proc);
    proc.once('exit', () => running.delete(proc));
    proc.stdout!.on('data', (d) => (output = (output + d).slice(-4000)));
    proc.stderr!.on('data', (d) => (output = (output + d).slice(-4000)));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited (${proc.exitCode}) on port ${port}:\n${output}`);
      if (await ping(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    proc.kill('SIGKILL');
    throw new Error(`redis-server did not answer on port ${port} within ${timeoutMs} ms:\n${output}`);
  };

  const end = async (signal: NodeJS.Signals) => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await launch();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    stop: async () => {
      await end('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGTERM');
      await launch();
    },
  };
}
/** The name the song-queue tests use. */
export type TestRedis = RedisTestServer;
