// A render worker: loads the SoundFont once, then renders one group of tracks per message.
// Loaded by render-pool.ts from the compiled file beside it.
import { parentPort, workerData } from 'node:worker_threads';
import { SpessaLog } from 'spessasynth_core';
import { RenderError } from './errors.js';
import { loadSoundFont } from './soundfont.js';
import { renderTracks } from './synth-render.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('render-worker.js runs only as a worker thread');
SpessaLog.infoEnabled = false;
SpessaLog.groupEnabled = false;

const setup = workerData as WorkerSetup;
const bank = loadSoundFont(setup.soundFont);
// An unhandled rejection would kill the worker before a job can report it; jobs see the failure instead.
bank.catch(() => undefined);

port.on('message', (request: WorkerRequest) => {
  void handle(request).then((reply) => {
    if (reply.type === 'rendered') port.postMessage(reply, [reply.left.buffer as ArrayBuffer, reply.right.buffer as ArrayBuffer]);
    else port.postMessage(reply);
  });
});

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const loaded = await bank;
    if (request.type === 'warm') return { type: 'warmed', id: request.id };
    const started = performance.now();
    const { left, right } = renderTracks(loaded, request.tracks, request.sampleRate, request.frames);
    return { type: 'rendered', id: request.id, left, right, ms: performance.now() - started };
  } catch (error) {
    const code = error instanceof RenderError ? error.code : 'worker-failed';
    return { type: 'failed', id: request.id, code, message: error instanceof Error ? error.message : String(error) };
  }
}
