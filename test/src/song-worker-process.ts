// Composer worker processes for cluster tests: the real worker process (station-server's
// testing/test-worker.js wraps it around a handler that waits TEST_JOB_MS), started with `node` so a
// test can SIGTERM or `kill -9` it like a real machine would.
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from './run.js';

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Kills every worker a test left running. */
export function killWorkers(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
}

export async function startTestWorker(env: NodeJS.ProcessEnv, script = 'station-server/dist/testing/test-worker.js', readyTimeoutMs = 30_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  // 'close', not 'exit': by then all of its output has been read.
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  const worker = { child, output: () => out, exited };
  const deadline = Date.now() + readyTimeoutMs;
  while (!out.includes('worker ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not start: ${out.trim()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return worker;
}
