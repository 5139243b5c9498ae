// A throwaway PostgreSQL server for tests and benchmarks: Debian's binaries (apt-get installs
// `postgresql` when they are missing), a fresh cluster in a temp folder on a free port, listening on
// 127.0.0.1 only with its socket in that folder. PostgreSQL refuses to run as root, so as root it runs
// as the `postgres` user, which owns the folder. stop() always kills it and removes the folder; a
// process that exits without calling stop() kills it too.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.js';

const run = promisify(execFile);

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/DATABASE (trust authentication, loopback only). */
  url: string;
  port: number;
  /** The temp folder holding the cluster, its socket and its log (removed by stop()). */
  dir: string;
  /** The server's process id (the postmaster); a restart changes it. */
  pid: number;
  /** SIGKILLs the server (a crash); its data stays, for start(). */
  kill(): Promise<void>;
  /** Starts it again, on the same port and data, after kill(). */
  start(): Promise<void>;
  /** Shuts it down (fast) and starts it again, on the same port and data. */
  restart(): Promise<void>;
  /** A URL to a new, empty database on the same server. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface PostgresServerOptions {
  /** Give up starting after this long (default 90 s: the machine may be busy). */
  startTimeoutMs?: number;
  /** fsync every commit, like a production server (default false: tests need no power-cut safety). */
  durable?: boolean;
  /** Server settings, as `-c name=value`. */
  settings?: Record<string, string>;
}

/** The newest /usr/lib/postgresql/N/bin holding initdb and postgres; installs the package if none. */
export async function postgresBinaries(): Promise<string> {
  const find = () => {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return undefined;
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'postgres')));
    versions.sort((a, b) => Number(b) - Number(a));
    return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
  };
  const found = find();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `sudo apt-get install -y postgresql`");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env, maxBuffer: 64 << 20 });
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], { env, maxBuffer: 64 << 20 });
  const installed = find();
  if (!installed) throw new Error('apt-get installed postgresql but /usr/lib/postgresql/*/bin/initdb is still missing');
  return installed;
}

export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = await postgresBinaries();
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  const logFile = join(dir, 'postgres.log');
  let child: ChildProcess | undefined;
  let stopped = false;
  // Runs a PostgreSQL binary as the postgres user when we are root.
  const command = (program: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args]);
  const postmasterPid = (): number | undefined => {
    try {
      return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  };
  const killNow = () => {
    for (const pid of [postmasterPid(), child?.pid]) {
      if (!pid) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const onExit = () => {
    killNow();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  /** Ends the server (fast shutdown, then SIGKILL after 10 s) and waits for it to be gone. */
  const halt = async (signal: NodeJS.Signals) => {
    const running = child;
    const pid = postmasterPid();
    const exited = running && running.exitCode === null && running.signalCode === null ? new Promise((done) => running.once('exit', done)) : Promise.resolve();
    try {
      // SIGINT is PostgreSQL's fast shutdown: sessions are ended and it exits at once.
      if (pid) process.kill(pid, signal);
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000).unref())]);
    killNow();
  };
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    await halt('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  };
  let port = 0;
  const adminUrl = () => `postgres://postgres@127.0.0.1:${port}/postgres`;
  const timeoutMs = options.startTimeoutMs ?? 90_000;
  /** Starts the server on `port` and waits until it takes connections. */
  const launch = async () => {
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: socketDir,
      max_connections: '100',
      ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
      ...options.settings,
    };
    const [program, args] = command('postgres', ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]);
    const out = openSync(logFile, 'a');
    const started = spawn(program, args, { stdio: ['ignore', out, out] });
    child = started;
    closeSync(out);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (started.exitCode !== null || started.signalCode !== null) throw new Error(`PostgreSQL exited while starting (${started.exitCode ?? started.signalCode}): ${await logTail(logFile)}`);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections on 127.0.0.1:${port} within ${timeoutMs / 1000} s: ${await logTail(logFile)}`);
      const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2000 });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        await new Promise((done) => setTimeout(done, 200));
      }
    }
  };
  try {
    await mkdir(socketDir);
    if (asRoot) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      for (const path of [dir, socketDir]) await chown(path, uid, gid);
    }
    const [initProgram, initArgs] = command('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await run(initProgram, initArgs, { maxBuffer: 16 << 20 }).catch((error: Error & { stderr?: string }) => {
      throw new Error(`initdb failed in ${dataDir}: ${(error.stderr ?? error.message).trim().split('\n').slice(-3).join(' ')}`);
    });
    port = await freePort();
    await launch();
    let databases = 0;
    const createDatabase = async (name = `radio_${++databases}`) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    };
    const url = await createDatabase('radio');
    const server: PostgresServer = {
      url,
      port,
      dir,
      pid: postmasterPid() ?? child!.pid!,
      createDatabase,
      stop,
      async kill() {
        await halt('SIGKILL');
      },
      async restart() {
        await halt('SIGINT');
        await launch();
        server.pid = postmasterPid() ?? child!.pid!;
      },
      async start() {
        await launch();
        server.pid = postmasterPid() ?? child!.pid!;
      },
    };
    return server;
  } catch (error) {
    await stop();
    throw error;
  }
}

async function logTail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '(no log)');
  return text.trim().split('\n').slice(-5).join(' | ');
}
