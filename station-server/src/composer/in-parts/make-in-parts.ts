// Makes a song's audio a part at a time (see split.ts): each part is rendered (on worker threads) while
// its lines are sung here, then mastered (master/master-by-part.ts) and written to the song's stream
// before the next part is begun, so the stream grows ahead of playback. After the first part the
// song can be played (`afterFirstPart`).
import type { HlsStream } from '../../station/hls-stream.js';
import { planFromFirstPart } from '../master/master-in-parts.js';
import { PartMaster } from '../master/master-by-part.js';
import type { MasteredSong } from '../master/master.js';
import { renderAccompaniment } from '../render/render.js';
import { addHarmonyPart } from '../sing/sing-song.js';
import { singLines } from '../sing/sing.js';
import { SAMPLE_RATE, type Score, type SingInput } from '../types.js';
import { addAt, chooseParts, partLines, partTracks } from './split.js';

/** One step of one part: made (rendered and sung), or written to the stream. */
export interface PartEvent {
  part: number;
  parts: number;
  step: 'made' | 'written';
  /** Where the part lies in the song, in seconds. */
  fromSec: number;
  toSec: number;
}

export type StageRunner = <T>(stage: 'render' | 'sing' | 'master' | 'encode', work: () => T | Promise<T>) => Promise<T>;

export interface MakeInPartsOptions {
  score: Score;
  /** What the lead sings (the harmony is sung from it on the score's harmony notes). */
  singInput: SingInput;
  stream: HlsStream;
  run: StageRunner;
  /** Called once the first part is written, before the second is begun. */
  afterFirstPart: () => Promise<void> | void;
  onPart?: (event: PartEvent) => void;
}

export async function makeInParts(options: MakeInPartsOptions): Promise<MasteredSong> {
  const { score, singInput, stream, run } = options;
  const parts = chooseParts(score);
  const count = parts.cuts.length - 1;
  const voice = new Float32Array(parts.frames);
  const band: [Float32Array, Float32Array] = [new Float32Array(parts.frames), new Float32Array(parts.frames)];
  const harmony = score.harmony ?? [];
  let master: PartMaster | undefined;
  for (let k = 0; k < count; k++) {
    const from = parts.cuts[k]!, known = parts.cuts[k + 1]!;
    const event = (step: PartEvent['step']) => options.onPart?.({ part: k, parts: count, step, fromSec: from / SAMPLE_RATE, toSec: known / SAMPLE_RATE });
    const tracks = partTracks(score.tracks, parts, k);
    const lines = partLines(parts, k);
    const harmonyHere = harmony.some((n) => n.start >= lines.from && n.start < lines.until);
    const [rendered, sung, harmonySung] = await Promise.all([
      run('render', () => renderAccompaniment({ ...score, tracks: tracks.tracks, durationSec: tracks.frames / SAMPLE_RATE })),
      run('sing', () => singLines(singInput, lines)),
      harmonyHere ? run('sing', () => singLines({ ...singInput, vocals: [...harmony] }, lines)) : undefined,
    ]);
    event('made');
    addAt(band, rendered.channels, from);
    addAt([voice], [sung], 0);
    if (harmonySung) addHarmonyPart(band, harmonySung, known, SAMPLE_RATE);
    const out = await run('master', () => {
      master ??= new PartMaster(planFromFirstPart(voice, band, known), voice, band);
      return master.part(from, known);
    });
    await run('encode', () => stream.write(master!.song, out.from, out.to));
    event('written');
    if (k === 0) await options.afterFirstPart();
  }
  return master!.finish();
}
