// The BullMQ song queue against a real Redis, with in-process workers running a stand-in JobHandler
// (the handler is the unit's edge): priorities, the queue bound, positions, events heard by another
// station instance (a song's first part playable too), retries with backoff, final failures, idempotent ids and a graceful hand-back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { Stage } from '../composer/pipeline.js';
import { startRedis, type TestRedis } from '../testing/redis-server.js';
import { createBullmqQueue, type BullmqQueueOptions } from './bullmq-queue.js';
import { SongJobError } from './bullmq-settings.js';
import { startWorker, type SongWorker } from './bullmq-worker.js';
import type { JobHandler, JobPriority, JobResult, SongJobSpec, SongQueue } from './song-queue.js';

let redis: TestRedis;
const opened: { destroy(): Promise<void> }[] = [];
const workers: SongWorker[] = [];
const lines: string[] = [];
const log = (line: string) => void lines.push(line);

beforeAll(async () => {
  redis = await startRedis();
}, 60_000);

afterEach(async () => {
  await Promise.allSettled(workers.splice(0).map((w) => w.close(0)));
  await Promise.allSettled(opened.splice(0).map((q) => q.destroy()));
});

afterAll(async () => {
  await redis?.stop();
});

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const queueName = () => `t-${randomBytes(4).toString('hex')}`;

async function openQueue(name: string, options: Partial<BullmqQueueOptions> = {}): Promise<SongQueue> {
  const queue = await createBullmqQueue({ connection: redis.url, name, queueLimit: 100, log, backoffMs: 200, ...options });
  opened.push(queue);
  return queue;
}

async function runWorker(name: string, handler: JobHandler, concurrency = 1): Promise<SongWorker> {
  const worker = await startWorker({ connection: redis.url, name, handler, concurrency, log });
  workers.push(worker);
  return worker;
}

const announcement = (priority: JobPriority, id?: string): SongJobSpec => ({ type: 'announcement', as: 'intro', text: 'For Sam', language: 'en', tonic: 0, priority, ...(id ? { id } : {}) });
const done = (id: string): JobResult => ({ type: 'announcement', id, durationSec: 2 });

/** A handler whose jobs each wait for their own release; it records the order they started in. */
function gatedHandler(stages: Stage[] = ['lyrics']) {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  const handler: JobHandler = async (_spec, context) => {
    started.push(context.id);
    for (const stage of stages) context.stage(stage);
    await new Promise<void>((r) => gates.set(context.id, r));
    return done(context.id);
  };
  const release = async (id: string) => {
    await until(`job ${id} to start`, () => gates.has(id));
    gates.get(id)!();
  };
  return { handler, started, release };
}

describe('BullMQ song queue', () => {
  it('runs a dedication submitted after catalog filler first', async () => {
    const name = queueName();
    const queue = await openQueue(name);
    for (const id of ['f1', 'f2', 'f3']) await queue.submit(announcement('filler', id));
    await queue.submit(announcement('starter', 's1'));
    await queue.submit(announcement('dedication', 'd1'));
    const order: string[] = [];
    await runWorker(name, async (_spec, context) => {
      order.push(context.id);
      return done(context.id);
    });
    await Promise.all(['f1', 'f2', 'f3', 's1', 'd1'].map((id) => queue.wait(id)));
    expect(order).toEqual(['d1', 'f1', 'f2', 'f3', 's1']);
  }, 60_000);

  it('refuses a class once queueLimit jobs of it and higher wait, and says when to retry', async () => {
    const queue = await openQueue(queueName(), { queueLimit: 2 });
    expect(await queue.full('filler')).toBeUndefined();
    await queue.submit(announcement('filler'));
    expect(await queue.full('filler')).toBeUndefined();
    await queue.submit(announcement('filler'));
    const full = await queue.full('filler');
    expect(full).toMatchObject({ code: 'queue-full' });
    expect(full!.message).toMatch(/2 songs are waiting/);
    expect(full!.retryAfterSec).toBeGreaterThanOrEqual(30);
    // Lower classes count what is ahead of them; a dedication only counts dedications.
    expect(await queue.full('starter')).toMatchObject({ code: 'queue-full' });
    expect(await queue.full('operator')).toBeUndefined();
    expect(await queue.full('dedication')).toBeUndefined();
    await queue.submit(announcement('dedication'));
    await queue.submit(announcement('dedication'));
    expect(await queue.full('dedication')).toMatchObject({ code: 'queue-full' });
    expect(await queue.full('operator')).toMatchObject({ code: 'queue-full' });
  }, 30_000);

  it('reports each job’s position, stage and outcome', async () => {
    const name = queueName();
    const queue = await openQueue(name);
    for (const id of ['f1', 'f2']) await queue.submit(announcement('filler', id));
    await queue.submit(announcement('dedication', 'd1'));
    expect(await queue.state('d1')).toEqual({ id: 'd1', type: 'announcement', status: 'queued', priority: 'dedication', position: 0 });
    expect(await queue.state('f1')).toMatchObject({ status: 'queued', position: 1 });
    expect(await queue.state('f2')).toMatchObject({ status: 'queued', position: 2 });
    expect(await queue.state('nope')).toBeUndefined();

    const gated = gatedHandler(['understand', 'lyrics']);
    await runWorker(name, gated.handler);
    await until('d1 to report its stage', async () => (await queue.state('d1'))?.stage === 'lyrics');
    expect(await queue.state('d1')).toMatchObject({ status: 'composing', position: 0 });
    expect(await queue.state('f1')).toMatchObject({ status: 'queued', position: 0 });
    expect(await queue.state('f2')).toMatchObject({ status: 'queued', position: 1 });
    for (const id of ['d1', 'f1', 'f2']) await gated.release(id);
    await queue.wait('f2');
    expect(await queue.state('d1')).toEqual({ id: 'd1', type: 'announcement', status: 'ready', priority: 'dedication', position: 0 });
  }, 60_000);

  it('tells every station instance about every job: A submits, B hears it start, progress and finish', async () => {
    const name = queueName();
    const a = await openQueue(name);
    const b = await openQueue(name);
    const heard: string[] = [];
    b.listen({
      started: (id) => heard.push(`started ${id}`),
      stage: (id, stage) => heard.push(`stage ${id} ${stage}`),
      playable: (id, song) => heard.push(`playable ${id} ${song.title} ${song.durationSec}`),
      ready: (id, result) => heard.push(`ready ${id} ${JSON.stringify(result)}`),
      failed: (id) => heard.push(`failed ${id}`),
    });
    let stateWhilePlayable: unknown;
    await runWorker(name, async (_spec, context) => {
      context.stage('understand');
      context.stage('sing');
      context.playable?.({ title: 'Morning', durationSec: 61.5 });
      // The stage is still what state() reports after the playable progress.
      await until('the playable progress', () => heard.some((h) => h.startsWith('playable')));
      stateWhilePlayable = await a.state(context.id);
      return done(context.id);
    });
    const { id } = await a.submit(announcement('dedication'));
    expect(await a.wait(id)).toEqual(done(id));
    await until('B to hear the job ready', () => heard.some((h) => h.startsWith('ready')));
    expect(heard).toEqual([`started ${id}`, `stage ${id} understand`, `stage ${id} sing`, `playable ${id} Morning 61.5`, `ready ${id} ${JSON.stringify(done(id))}`]);
    expect(stateWhilePlayable).toMatchObject({ status: 'composing', stage: 'sing' });
    // B's wait on a job that already finished answers from Redis.
    expect(await b.wait(id)).toEqual(done(id));
  }, 60_000);

  it('retries a job that failed once, after the backoff', async () => {
    const name = queueName();
    const queue = await openQueue(name, { backoffMs: 400 });
    const failed: string[] = [];
    queue.listen({ failed: (id) => failed.push(id) });
    const calls: number[] = [];
    await runWorker(name, async (_spec, context) => {
      calls.push(Date.now());
      if (calls.length === 1) throw new Error('the disk hiccuped');
      return done(context.id);
    });
    const { id } = await queue.submit(announcement('operator'));
    expect(await queue.wait(id)).toEqual(done(id));
    expect(calls).toHaveLength(2);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(400);
    expect(failed).toEqual([]);
  }, 60_000);

  it('fails a job for good after 3 tries with its code, and an invalid request after 1', async () => {
    const name = queueName();
    const queue = await openQueue(name, { backoffMs: 100 });
    const failed: { id: string; code: string }[] = [];
    queue.listen({ failed: (id, error) => failed.push({ id, code: error.code }) });
    const calls = new Map<string, number>();
    await runWorker(name, async (spec, context) => {
      calls.set(context.id, (calls.get(context.id) ?? 0) + 1);
      throw new SongJobError(spec.type === 'announcement' && spec.text === 'bad' ? 'invalid-request' : 'stage-failed', 'the singer lost her voice');
    });
    await queue.submit(announcement('operator', 'flaky'));
    await queue.submit({ ...announcement('operator', 'bad'), text: 'bad' } as SongJobSpec);
    await expect(queue.wait('flaky')).rejects.toMatchObject({ code: 'stage-failed', message: 'the singer lost her voice' });
    await expect(queue.wait('bad')).rejects.toMatchObject({ code: 'invalid-request' });
    expect(calls.get('flaky')).toBe(3);
    expect(calls.get('bad')).toBe(1);
    expect(await queue.state('flaky')).toMatchObject({ status: 'failed', error: { code: 'stage-failed', message: 'the singer lost her voice' } });
    await until('both failures to be heard', () => failed.length === 2);
    expect(failed.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'bad', code: 'invalid-request' },
      { id: 'flaky', code: 'stage-failed' },
    ]);
  }, 60_000);

  it('keeps one job per id: submitting it again (after a restart) neither copies nor re-runs it', async () => {
    const name = queueName();
    const queue = await openQueue(name);
    await queue.submit(announcement('dedication', 'song-a'));
    // The station restarts and submits what it had accepted again.
    const again = await openQueue(name);
    await again.submit(announcement('dedication', 'song-a'));
    expect(await again.state('song-a')).toMatchObject({ status: 'queued', position: 0 });
    let calls = 0;
    await runWorker(name, async (_spec, context) => {
      calls += 1;
      return done(context.id);
    });
    await again.wait('song-a');
    await again.submit(announcement('dedication', 'song-a'));
    expect(await again.wait('song-a')).toEqual(done('song-a'));
    await new Promise((r) => setTimeout(r, 500));
    expect(calls).toBe(1);
    expect(await again.state('song-a')).toMatchObject({ status: 'ready' });
    await expect(again.submit(announcement('dedication', '42'))).rejects.toMatchObject({ code: 'invalid-job-id' });
  }, 60_000);

  it('hands a running job back when a stopping worker may not wait, and another worker finishes it', async () => {
    const name = queueName();
    const queue = await openQueue(name);
    const first = gatedHandler();
    const worker = await runWorker(name, first.handler);
    const { id } = await queue.submit(announcement('filler'));
    await queue.submit(announcement('filler', 'later'));
    await until('the job to start', () => first.started.includes(id));
    await worker.close(100);
    expect(await queue.state(id)).toMatchObject({ status: 'queued', position: 0 });
    const second = gatedHandler();
    const other = await runWorker(name, second.handler);
    await second.release(id);
    expect(await queue.wait(id)).toEqual(done(id));
    // It fetches the next job as it finishes this one; stopping now hands that one back too, started or
    // not (a job fetched but not yet started once kept close() waiting for ever), and close() returns.
    await other.close(0);
    expect(await queue.state('later')).toMatchObject({ status: 'queued', position: 0 });
  }, 60_000);

  it('carries on after Redis restarts: stations and workers reconnect, and a wait on a job Redis lost ends', async () => {
    const name = queueName();
    const queue = await openQueue(name, { recheckMs: 200 });
    const heard: string[] = [];
    queue.listen({ ready: (id) => heard.push(id) });
    // The worker holds 'lost' until Redis restarts and loses it (this Redis keeps no files).
    await runWorker(name, async (_spec, context) => {
      if (context.id === 'lost') await new Promise(() => undefined);
      return done(context.id);
    }, 2);
    await queue.submit(announcement('filler', 'before'));
    await queue.wait('before');
    await queue.submit(announcement('filler', 'lost'));
    await until('the lost job to start', async () => (await queue.state('lost'))?.status === 'composing');
    const lost = expect(queue.wait('lost')).rejects.toMatchObject({ code: 'not-found' });
    await redis.restart();
    await lost;
    await until('the queue to take jobs again', async () => {
      try {
        await queue.submit(announcement('dedication', 'after'));
        return true;
      } catch {
        return false;
      }
    }, 60_000);
    expect(await queue.wait('after')).toEqual(done('after'));
    await until('the station to hear it', () => heard.includes('after'), 60_000);
  }, 120_000);

  it('rejects pending waits when it is destroyed', async () => {
    const queue = await createBullmqQueue({ connection: redis.url, name: queueName(), queueLimit: 10, log });
    const { id } = await queue.submit(announcement('filler'));
    const waiting = expect(queue.wait(id)).rejects.toMatchObject({ code: 'queue-closed' });
    await queue.destroy();
    await waiting;
  }, 30_000);
});
