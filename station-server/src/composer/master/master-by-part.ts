// Mastering a song as its parts arrive: each part is mixed (mix-stream.ts), given its gain, limited
// (limiter-stream.ts) and handed out as soon as its frames are final, before the next part exists.
// The first part keeps the plan's gain (planFromFirstPart). Each later part's gain is chosen from what
// is known: the one that brings the song so far to the loudness target, within a few dB of the gain
// a one-shot master would give the song so far; the gain moves to it from where it was in a ramp too slow to
// hear (GAIN_RAMP_SEC). Nothing handed out ever changes: the song at the end is the frames handed out.
import { SAMPLE_RATE } from '../types.js';
import { LimiterStream } from './limiter-stream.js';
import { LoudnessMeter } from './loudness-meter.js';
import { fromDb, samplePeak, toDb } from './loudness.js';
import { MasterError, type MasteredSong } from './master.js';
import type { PartPlan } from './master-in-parts.js';
import { MixStream } from './mix-stream.js';

/** How long the gain takes to move from one part's to the next's: at most a few tenths of a dB a
 *  second, well under what a listener hears as a change of level. */
export const GAIN_RAMP_SEC = 8;
/** How far a part's gain may stray from the gain a one-shot master would give the song so far. The
 *  last part may go further: a song's quiet outro drags its loudness down, and only the last part is
 *  left to make up for it (its fade keeps its shape, a little less deep). */
export const PART_GAIN_RANGE_DB = 4;
export const LAST_PART_GAIN_RANGE_DB = 8;
/** Close enough to the target for the song so far. */
const TOLERANCE_LU = 0.04;

interface Course {
  limiter: LimiterStream;
  meter: LoudnessMeter;
  /** Frames with a final gain (and so a final sample) on this course. */
  final: number;
  db: number;
  lufs: number;
}

export interface PartOut {
  /** Frames [from, to) of `song` are final and may go out. */
  from: number;
  to: number;
  /** The gain chosen for the part, in dB. */
  gainDb: number;
  /** The loudness of the song so far (its whole 100 ms hops with a final gain), in LUFS. */
  lufs: number;
}

export class PartMaster {
  readonly frames: number;
  /** The mastered song, song-long; frames before `emitted` are final. */
  readonly song: [Float32Array, Float32Array];
  emitted = 0;
  private readonly mixer: MixStream;
  private readonly curve: Float32Array;
  private readonly scaled: [Float32Array, Float32Array];
  private readonly gain: Float32Array;
  private limiter: LimiterStream;
  private meter: LoudnessMeter;
  /** The mix before any gain, metered as it is mixed. */
  private readonly mixMeter = new LoudnessMeter(SAMPLE_RATE);
  private scaledDone = 0;
  private lastDb: number | undefined;

  /** `voice` (mono) and `band` (stereo) are song-long; the caller adds each part into them before `part`. */
  constructor(private readonly plan: PartPlan, private readonly voice: Float32Array, private readonly band: [Float32Array, Float32Array]) {
    this.frames = voice.length;
    if (this.frames === 0) throw new MasterError('the song has no frames');
    if (band.some((c) => c.length !== this.frames)) throw new MasterError('the band and the voice must be as long as the song');
    this.mixer = new MixStream(plan, voice, band);
    this.curve = new Float32Array(this.frames);
    this.scaled = [new Float32Array(this.frames), new Float32Array(this.frames)];
    this.gain = new Float32Array(this.frames);
    this.song = [new Float32Array(this.frames), new Float32Array(this.frames)];
    this.limiter = new LimiterStream({ sampleRate: SAMPLE_RATE, ceiling: plan.ceiling, frames: this.frames });
    this.meter = new LoudnessMeter(SAMPLE_RATE);
  }

  /** Masters the part that starts at frame `start`, now that the voice and band are final up to frame
   *  `known` (the song's end for the last part); returns the frames that are now final. */
  part(start: number, known: number): PartOut {
    if (start < this.scaledDone || start > known) throw new MasterError(`a part from frame ${start} to ${known} does not follow the ${this.scaledDone} frames mastered`);
    const mixed = this.mixer.advance(known);
    let course: Course;
    if (this.lastDb === undefined) {
      course = this.tryGain(start, known, mixed, toDb(this.plan.gain), true);
    } else {
      // The gain a one-shot master would give the song so far (before the limiter): the middle of the
      // range. Not the part's own: a quiet outro keeps its fade, a loud chorus stays a little louder.
      this.mixMeter.push(this.mixer.mix, mixed);
      const sofar = this.mixMeter.lufs();
      const middle = Number.isFinite(sofar) ? this.plan.targetLufs - sofar : this.lastDb;
      // A part but the last is tried at a steady gain (its ramp would lag behind and the next part
      // overshoot to make up for it); the last is tried as it will be, so the song ends on the target.
      const last = known >= this.frames;
      const range = last ? LAST_PART_GAIN_RANGE_DB : PART_GAIN_RANGE_DB;
      const clamp = (db: number) => Math.max(middle - range, Math.min(middle + range, db));
      const tryDb = (db: number) => this.tryGain(start, known, mixed, db, last);
      course = tryDb(clamp(middle));
      // Secant steps on the part's gain (dB) against the loudness of the song so far.
      let slope = Math.max(0.05, (mixed - start) / Math.max(1, mixed));
      let previous: Course | undefined;
      for (let round = 0; round < 5 && Number.isFinite(course.lufs) && Math.abs(course.lufs - this.plan.targetLufs) >= TOLERANCE_LU; round++) {
        if (previous && Math.abs(course.db - previous.db) > 1e-3) slope = Math.max(0.05, Math.min(1.5, (course.lufs - previous.lufs) / (course.db - previous.db)));
        const next = clamp(course.db + (this.plan.targetLufs - course.lufs) / slope);
        if (Math.abs(next - course.db) < 1e-4) break; // held at the edge of the range
        previous = course;
        course = tryDb(next);
      }
      if (!last) course = this.tryGain(start, known, mixed, course.db, true);
    }
    // The course taken: its limiter and meter go on from here.
    this.limiter = course.limiter;
    this.meter = course.meter;
    this.scaledDone = mixed;
    this.lastDb = course.db;
    const out = { from: this.emitted, to: course.final, gainDb: course.db, lufs: course.lufs };
    this.emitted = course.final;
    return out;
  }

  /** The gain `db` for the part from `start`: its curve, limited, metered, on copies of the limiter and meter. */
  private tryGain(start: number, known: number, mixed: number, db: number, ramped: boolean): Course {
    this.rampTo(start, known, db, ramped ? Math.round(GAIN_RAMP_SEC * SAMPLE_RATE) : 0);
    const [ml, mr] = this.mixer.mix, [sl, sr] = this.scaled, curve = this.curve;
    for (let i = this.scaledDone; i < mixed; i++) {
      sl[i] = ml[i]! * curve[i]!;
      sr[i] = mr[i]! * curve[i]!;
    }
    const limiter = this.limiter.clone();
    const from = limiter.done;
    const final = limiter.push(this.scaled, mixed >= this.frames ? this.frames : mixed, this.gain);
    const [ol, or] = this.song, g = this.gain;
    for (let i = from; i < final; i++) {
      ol[i] = sl[i]! * g[i]!;
      or[i] = sr[i]! * g[i]!;
    }
    const meter = this.meter.clone();
    meter.push(this.song, final);
    return { limiter, meter, final, db, lufs: meter.lufs() };
  }

  /** The gain curve from `start` to `to`: from where it was at `start` (the plan's gain for the first
   *  part), linearly in dB over `ramp` frames to `db`, then held. */
  private rampTo(start: number, to: number, db: number, ramp: number): void {
    const target = fromDb(db);
    const from = start > 0 ? this.curve[start - 1]! : target;
    const step = Math.exp(Math.log(target / from) / ramp);
    const rampEnd = Math.min(to, start + ramp);
    let g = from;
    for (let i = start; i < rampEnd; i++) {
      g *= step;
      this.curve[i] = g;
    }
    this.curve.fill(target, rampEnd, Math.max(rampEnd, to));
  }

  /** The whole song, once its last part is out, with the stems on the same gain and limiter curves. */
  finish(): MasteredSong & { gainCurve: Float32Array; limiterCurve: Float32Array } {
    if (this.emitted < this.frames) throw new MasterError(`the song is mastered up to frame ${this.emitted} of ${this.frames}`);
    const both = (channels: readonly Float32Array[]) =>
      channels.map((x) => {
        const y = new Float32Array(this.frames);
        for (let i = 0; i < this.frames; i++) y[i] = Math.fround(x[i]! * this.curve[i]!) * this.gain[i]!;
        return y;
      });
    const song = { sampleRate: SAMPLE_RATE, channels: this.song };
    return {
      song,
      vocals: { sampleRate: SAMPLE_RATE, channels: both(this.mixer.voice) },
      accompaniment: { sampleRate: SAMPLE_RATE, channels: both(this.band) },
      lufs: this.meter.lufs(),
      peakDbfs: toDb(samplePeak(song)),
      gainCurve: this.curve,
      limiterCurve: this.gain,
    };
  }
}
