// Debian's Chromium with one page and a bare DevTools connection, for measuring a page's memory as
// a TV would hold it. Playwright turns on DevTools' Network domain for every page it drives, and
// Chromium then keeps a record of every request (NetworkResourcesData, XHRReplayData) inside the
// page's heap: over 30 minutes of hls.js fragment loads that alone looked like a leak. Here only
// the domains the measurement needs are used, and Network is never enabled.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { BrowserMissingError, CHROMIUM, CHROMIUM_FLAGS } from '../browser.js';

export interface BarePage {
  /** One DevTools command on the page's own session. */
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** `expression`'s value, awaited if it is a promise; page errors come back as thrown Errors. */
  evaluate<T>(expression: string): Promise<T>;
  /** Events of a domain the caller enabled (or that a command streams, as heap snapshots do). */
  on(method: string, listener: (params: Record<string, unknown>) => void): () => void;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  result?: unknown;
  error?: { message: string };
  method?: string;
  params?: Record<string, unknown>;
}

function devtoolsAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open DevTools within 30 s: ${seen.slice(-500)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before DevTools opened: ${seen.slice(-500)}`)));
  });
}

export async function openBarePage(url: string, viewport = { width: 1920, height: 1080 }): Promise<BarePage> {
  if (!CHROMIUM) throw new BrowserMissingError();
  const profile = await mkdtemp(join(tmpdir(), 'chromium-bare-'));
  const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, '--headless', `--user-data-dir=${profile}`, `--window-size=${viewport.width},${viewport.height}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const browserWs = new URL(await devtoolsAddress(child));
    const targets = (await (await fetch(`http://${browserWs.host}/json/list`)).json()) as { type: string; webSocketDebuggerUrl: string }[];
    const target = targets.find((t) => t.type === 'page');
    if (!target) throw new Error('Chromium opened no page');
    const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
    const listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
    let nextId = 1;
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Message;
      if (message.method) {
        for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
        return;
      }
      const waiting = pending.get(message.id!);
      if (!waiting) return;
      pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
    socket.on('close', () => {
      for (const waiting of pending.values()) waiting.reject(new Error('the DevTools connection closed'));
      pending.clear();
    });
    const send = <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      });
    const evaluate = async <T>(expression: string): Promise<T> => {
      const { result, exceptionDetails } = await send<{ result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    };
    // The window's size leaves room for browser UI even when headless; the viewport is set exactly.
    await send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
    await send('Page.navigate', { url });
    return {
      send,
      evaluate,
      on(method, listener) {
        const set = listeners.get(method) ?? new Set();
        listeners.set(method, set.add(listener));
        return () => set.delete(listener);
      },
      async close() {
        socket.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
