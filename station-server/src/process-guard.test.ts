import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { EXIT_UNSOUND, installProcessGuard } from './process-guard.js';

describe('the process guard', () => {
  it('logs each stray error once and keeps going; a burst of uncaught exceptions exits for a clean restart', () => {
    const target = new EventEmitter();
    const lines: string[] = [];
    const exits: number[] = [];
    let clock = 0;
    const remove = installProcessGuard({ log: (l) => lines.push(l), exit: (c) => exits.push(c), maxUncaughtPerMinute: 2, now: () => clock }, target as unknown as NodeJS.Process);
    target.emit('unhandledRejection', new RangeError('boom'));
    target.emit('uncaughtException', new TypeError('one'));
    clock += 61_000; // the first one has aged out of the minute
    target.emit('uncaughtException', new TypeError('two'));
    target.emit('uncaughtException', 'three');
    expect(exits).toEqual([]);
    target.emit('uncaughtException', new TypeError('four'));
    expect(exits).toEqual([EXIT_UNSOUND]);
    expect(lines).toEqual([
      expect.stringMatching(/^unhandled rejection, the station keeps serving: RangeError: boom \(at .*process-guard\.test\.[jt]s/),
      expect.stringMatching(/^uncaught exception, the station keeps serving: TypeError: one/),
      expect.stringMatching(/^uncaught exception, the station keeps serving: TypeError: two/),
      'uncaught exception, the station keeps serving: three',
      expect.stringMatching(/^uncaught exception, 3 in a minute; exiting so a clean process can take over: TypeError: four/),
    ]);
    remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
  });

  it('keeps a real process alive and answering after a stray throw and a stray rejection', async () => {
    const guard = fileURLToPath(new URL('./process-guard.js', import.meta.url));
    const script = `
      const { installProcessGuard } = await import(${JSON.stringify(guard)});
      installProcessGuard({ log: (l) => console.log(l) });
      setTimeout(() => { throw new Error('from a timer'); }, 10);
      setTimeout(() => { Promise.reject(new Error('from a promise')); }, 20);
      setTimeout(() => { console.log('still serving'); process.exit(0); }, 300);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^uncaught exception, the station keeps serving: Error: from a timer \(at /),
      expect.stringMatching(/^unhandled rejection, the station keeps serving: Error: from a promise \(at /),
      'still serving',
    ]);
  });
});
