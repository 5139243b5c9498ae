// Runs the project's own commands as a user would, from the repository root.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(process.cwd());

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

export const compose = (args: string[], env?: NodeJS.ProcessEnv) => run(process.execPath, ['station-server/dist/cli/compose.js', ...args], env ? { env } : {});

/** The project's song check (`npm run songcheck`), on one folder. */
export const songcheck = (args: string[]) => run(process.execPath, ['station-server/dist/cli/songcheck.js', ...args]);

/** Runs tasks two at a time: the machine has two cores. */
export async function pool<T>(items: T[], work: (item: T) => Promise<void>, size = 2): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
