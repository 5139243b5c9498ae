// A station killed (SIGKILL) while its composer makes a song: the composer's next stage report meets a
// closed channel (EPIPE). It must take its process group (its ffmpeg encoders) with it at once, as on
// a disconnect, not die of an unhandled 'error' with a stack trace while its encoders go on writing
// and holding the station's output open (which kept test runs from exiting).
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A parent that makes a song on a composer process, printing the composer's pid at its first stage. */
async function parentScript(dir: string): Promise<string> {
  const thread = fileURLToPath(new URL('./composer-thread.js', import.meta.url));
  const file = join(dir, 'parent.mjs');
  await writeFile(
    file,
    `import { startComposerThread } from ${JSON.stringify(thread)};
const thread = startComposerThread();
let told = false;
thread.composeSong({ message: 'Thank you for every walk in the park.', to: 'Mia', genre: 'pop', vibe: 'upbeat', language: 'en' }, 5, ${JSON.stringify(join(dir, 'song'))}, {
  onStage: () => { if (!told) { told = true; console.log('composer ' + thread.pid()); } },
}).catch(() => undefined);
`,
  );
  return file;
}

describe('the composer process when its station is killed', () => {
  it('goes with its whole process group, quietly, whenever the kill lands', async () => {
    for (const pause of [0, 300, 1500]) {
      const dir = await mkdtemp(join(tmpdir(), 'composer-orphan-'));
      dirs.push(dir);
      const parent = spawn(process.execPath, [await parentScript(dir)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      parent.stdout!.on('data', (d) => (out += d));
      parent.stderr!.on('data', (d) => (err += d));
      const closed = new Promise<void>((done) => parent.once('close', () => done()));
      const deadline = Date.now() + 120_000;
      while (!/composer (\d+)/.test(out) && Date.now() < deadline && parent.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      const composer = Number(/composer (\d+)/.exec(out)?.[1]);
      expect(composer).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, pause));
      parent.kill('SIGKILL');
      // The composer and its encoders hold the parent's output: it closes once they are all gone.
      await closed;
      const gone = Date.now() + 30_000;
      while (groupAlive(composer) && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
      expect(groupAlive(composer)).toBe(false);
      expect(err).not.toMatch(/EPIPE|Unhandled 'error'|ERR_IPC/);
    }
  }, 300_000);

  it('holds none of its station\'s output open, even while too busy to notice the station went', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'composer-orphan-'));
    dirs.push(dir);
    const parent = spawn(process.execPath, [await parentScript(dir)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    parent.stdout!.on('data', (d) => (out += d));
    let closed = false;
    parent.once('close', () => (closed = true));
    const deadline = Date.now() + 120_000;
    while (!/composer (\d+)/.test(out) && Date.now() < deadline && parent.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    const composer = Number(/composer (\d+)/.exec(out)?.[1]);
    expect(composer).toBeGreaterThan(0);
    // Stopped: like a composer in a long synchronous step, it cannot see its station go.
    process.kill(-composer, 'SIGSTOP');
    try {
      parent.kill('SIGKILL');
      const until = Date.now() + 60_000;
      while (!closed && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(closed).toBe(true);
      expect(groupAlive(composer)).toBe(true);
    } finally {
      process.kill(-composer, 'SIGCONT');
    }
    const gone = Date.now() + 30_000;
    while (groupAlive(composer) && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
    expect(groupAlive(composer)).toBe(false);
  }, 300_000);
});
