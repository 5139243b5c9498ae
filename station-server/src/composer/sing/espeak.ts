// eSpeak-NG (compiled to JavaScript, voices inside the npm package) as a speech source: it speaks a
// line near one pitch and reports where each word and phoneme begins. The module is costly to load
// and to warm up (its code is JIT-compiled on first use), so one engine serves the whole process.
// eSpeak keeps state from one utterance to the next (its waveform phase, a noise generator), so the
// same text would come out a little different each time: the engine's memory is saved once after a
// warm-up and put back before every utterance, which makes speech a pure function of its inputs.
import type { EspeakEvent, EspeakModule, EspeakWorker } from '@echogarden/espeak-ng-emscripten';
import { SingError } from './errors.js';

export const ESPEAK_RATE = 22050;

export interface SpokenPhoneme {
  /** IPA, with stress marks as eSpeak writes them ('ˈaɪ', 'n', 'ə-'). */
  ipa: string;
  /** Sample range in the spoken audio. */
  start: number;
  end: number;
}

export interface SpokenWord {
  /** 0-based code-point position of the word in the text. */
  textPosition: number;
  phonemes: SpokenPhoneme[];
}

export interface Spoken {
  samples: Float32Array;
  words: SpokenWord[];
}

export interface SpeakOptions {
  /** eSpeak voice and variant, e.g. 'en-us+f3'. */
  voice: string;
  /** eSpeak pitch 0..100; the range is always 0 so the voice stays on one pitch. */
  pitch: number;
  /** Words per minute. */
  rate: number;
  /** eSpeak pitch range 0..100; 0 (the default) keeps the voice on one pitch, for singing. Spoken
   *  announcements use a natural range. */
  range?: number;
}

interface Engine {
  module: EspeakModule;
  worker: EspeakWorker;
  /** The memory right after a warm-up utterance. */
  snapshot: Uint8Array;
}

let engine: Promise<Engine> | undefined;

async function load(): Promise<Engine> {
  try {
    const factory = (await import('@echogarden/espeak-ng-emscripten')).default;
    const module = await factory();
    return withFixedEntropy(() => {
      const worker = new module.eSpeakNGWorker();
      worker.set_voice('en-us');
      worker.synthesize('a', () => 0);
      return { module, worker, snapshot: module.HEAPU8.slice() };
    });
  } catch (error) {
    engine = undefined;
    throw new SingError('engine-unavailable', `eSpeak-NG could not be loaded: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}

/**
 * eSpeak's start-up reads the clock and the system's random source (measured: the heap differs from
 * one process to the next after `new eSpeakNGWorker()` otherwise). Both are pinned for the duration
 * of a synchronous call, so the same words give the same samples in every process. Nothing else can
 * run meanwhile: the call never awaits.
 */
function withFixedEntropy<T>(work: () => T): T {
  const now = Date.now;
  type Fill = <A extends ArrayBufferView | null>(view: A) => A;
  const cryptoObject = (globalThis as { crypto?: { getRandomValues: Fill } }).crypto;
  const random = cryptoObject?.getRandomValues;
  Date.now = () => 1_700_000_000_000;
  if (cryptoObject)
    cryptoObject.getRandomValues = <A extends ArrayBufferView | null>(view: A): A => {
      if (view) new Uint8Array(view.buffer, view.byteOffset, view.byteLength).fill(42);
      return view;
    };
  try {
    return work();
  } finally {
    Date.now = now;
    if (cryptoObject && random) cryptoObject.getRandomValues = random;
  }
}

function getEngine(): Promise<Engine> {
  engine ??= load();
  return engine;
}

function restore({ module, snapshot }: Engine): void {
  const heap = module.HEAPU8;
  heap.set(snapshot);
  if (heap.length > snapshot.length) heap.fill(0, snapshot.length);
}

/** Speaks one line of text and returns its audio at ESPEAK_RATE with word and phoneme timing. */
export async function speak(text: string, options: SpeakOptions): Promise<Spoken> {
  const loaded = await getEngine();
  const worker = loaded.worker;
  restore(loaded);
  if (worker.set_voice(options.voice) !== 0) throw new SingError('voice-unavailable', `eSpeak-NG has no voice "${options.voice}"`);
  worker.set_range(options.range ?? 0);
  worker.set_pitch(options.pitch);
  worker.set_rate(options.rate);
  const chunks: Int16Array[] = [];
  const events: EspeakEvent[] = [];
  withFixedEntropy(() =>
    worker.synthesize(text, (samples, chunkEvents) => {
      if (samples.length) chunks.push(samples);
      events.push(...chunkEvents);
      return 0;
    }),
  );
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const samples = new Float32Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) samples[offset + i] = chunk[i]! / 32768;
    offset += chunk.length;
  }
  return { samples, words: wordsFrom(events, total) };
}

/** Groups phoneme events under their word events; a phoneme ends where the next event begins. */
function wordsFrom(events: EspeakEvent[], totalSamples: number): SpokenWord[] {
  const toSample = (ms: number): number => Math.min(totalSamples, Math.round((ms * ESPEAK_RATE) / 1000));
  const timed = events.filter((e) => e.type === 'word' || e.type === 'phoneme' || e.type === 'end');
  const words: SpokenWord[] = [];
  timed.forEach((event, i) => {
    if (event.type === 'word') {
      words.push({ textPosition: event.text_position - 1, phonemes: [] });
      return;
    }
    if (event.type !== 'phoneme' || typeof event.id !== 'string' || event.id === '') return;
    const next = timed.slice(i + 1).find((e) => e.audio_position > event.audio_position);
    const start = toSample(event.audio_position);
    const end = next ? toSample(next.audio_position) : totalSamples;
    words[words.length - 1]?.phonemes.push({ ipa: event.id, start, end: Math.max(end, start + 1) });
  });
  return words;
}

/** Loads the engine and runs it once, so the first song does not pay for the JIT warm-up. */
export async function warmUpEngine(): Promise<void> {
  await speak('warm up the voice', { voice: 'en-us+f3', pitch: 50, rate: 175 });
}

/** Frees the engine; the next call to speak() loads it again. */
export async function disposeEngine(): Promise<void> {
  const pending = engine;
  engine = undefined;
  if (pending) (await pending.catch(() => undefined))?.worker.__destroy__();
}
