// The sung line: a rhythm that puts one syllable per note, stressed syllables on strong slots and a
// held note at the end of each line for breath, then pitches that arch over the harmony, landing
// on chord tones where the words are stressed or held.
import type { Random } from '../random.js';
import type { Form, PlannedLine } from './form.js';
import { chordAt } from './form.js';
import { chordClasses, chordOf, scalePitches, type Mode } from './harmony.js';

export interface MelodyNote {
  line: number;
  /** Index of the syllable in its line. */
  syllable: number;
  startSlot: number;
  slots: number;
  pitch: number;
  continues: boolean;
}

export interface MelodyOptions {
  tonic: number;
  mode: Mode;
  /** The singer's range in MIDI pitches. */
  low: number;
  high: number;
}

/** Slot lengths for each syllable of a line, and where the first one starts. */
export function lineRhythm(stresses: boolean[], slots: number, random: Random): { offset: number; lengths: number[] } {
  const n = stresses.length;
  let offset = random.chance(0.35) ? 1 : 0;
  let rest = 2;
  if (n > slots - offset - rest) offset = 0;
  if (n > slots - offset - rest) rest = 1;
  const lengths = new Array<number>(n).fill(1);
  let extra = Math.max(0, slots - offset - rest - n);
  // Hold the last syllable: it is where the line breathes and rhymes.
  const hold = Math.min(extra, slots > 16 ? 6 : 4);
  lengths[n - 1]! += hold;
  extra -= hold;
  // Move stressed syllables onto even (strong) slots by lengthening what comes before them.
  let pos = offset;
  for (let i = 0; i < n; i++) {
    if (i > 0 && stresses[i] && pos % 2 === 1 && extra > 0) {
      lengths[i - 1]!++;
      extra--;
      pos++;
    }
    pos += lengths[i]!;
  }
  // Spread what is left over stressed syllables, then everything, so no line rushes.
  for (let pass = 0; extra > 0 && pass < 4; pass++) {
    for (let i = 0; i < n - 1 && extra > 0; i++) {
      if (pass === 0 && !stresses[i]) continue;
      if (lengths[i]! >= 3) continue;
      lengths[i]!++;
      extra--;
    }
  }
  return { offset, lengths };
}

/** Writes the melody for every planned line. Lines that share a section kind, position and
 *  syllable count share their tune, so verse two and every chorus are recognisably the same song. */
export function writeMelody(form: Form, options: MelodyOptions, random: Random): MelodyNote[] {
  const notes: MelodyNote[] = [];
  const span = options.high - options.low;
  for (const planned of form.lines) {
    const stresses = planned.line.syllables.map((s) => s.stressed);
    if (stresses.length === 0) continue;
    const tune = random.fork(`${planned.kind}:${planned.inSection}:${stresses.length}:${planned.slots}`);
    const { offset, lengths } = lineRhythm(stresses, planned.slots, tune);
    // Choruses sit higher than verses; bridges in between.
    const centre =
      options.low + Math.round(span * (planned.kind === 'chorus' ? 0.62 : planned.kind === 'bridge' ? 0.5 : 0.36));
    const pitches = linePitches(planned, offset, lengths, centre, form, options, tune);
    let slot = planned.startSlot + offset;
    lengths.forEach((len, i) => {
      const pitch = pitches[i]!;
      const last = i === lengths.length - 1;
      // A long final note sometimes turns to a neighbouring chord tone: a small melisma.
      if (last && len >= 4 && tune.chance(0.5)) {
        const first = Math.floor(len / 2);
        notes.push({ line: planned.index, syllable: i, startSlot: slot, slots: first, pitch, continues: false });
        const turn = nearestChordTone(pitch + (pitch > centre ? -2 : 2), form, slot + first, options);
        notes.push({ line: planned.index, syllable: i, startSlot: slot + first, slots: len - first, pitch: turn, continues: true });
      } else {
        notes.push({ line: planned.index, syllable: i, startSlot: slot, slots: len, pitch, continues: false });
      }
      slot += len;
    });
  }
  return notes;
}

function linePitches(
  planned: PlannedLine,
  offset: number,
  lengths: number[],
  centre: number,
  form: Form,
  options: MelodyOptions,
  random: Random,
): number[] {
  const scale = scalePitches(options.tonic, options.mode, options.low, options.high);
  const indexOf = (p: number): number => {
    let best = 0;
    scale.forEach((q, i) => {
      if (Math.abs(q - p) < Math.abs(scale[best]! - p)) best = i;
    });
    return best;
  };
  const n = lengths.length;
  const peakAt = Math.max(1, Math.floor(n * (0.4 + random.next() * 0.3)));
  let idx = indexOf(nearestChordTone(centre - 2 + random.int(0, 3), form, planned.startSlot + offset, options));
  const out: number[] = [];
  let slot = planned.startSlot + offset;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const rising = i <= peakAt;
      const r = random.next();
      const step = r < 0.55 ? 1 : r < 0.75 ? 0 : r < 0.92 ? 2 : -1;
      idx += rising ? step : -step;
      idx = Math.max(0, Math.min(scale.length - 1, idx));
    }
    let pitch = scale[idx]!;
    const strong = planned.line.syllables[i]!.stressed || lengths[i]! >= 2 || i === n - 1;
    if (strong) {
      pitch = nearestChordTone(pitch, form, slot, options);
      idx = indexOf(pitch);
    }
    out.push(pitch);
    slot += lengths[i]!;
  }
  // The chorus resolves home at its end; other sections end open, on a chord tone.
  const lastInChorus = planned.kind === 'chorus' && planned.inSection >= 3;
  if (lastInChorus) out[n - 1] = nearestOfClass(out[n - 1]!, options.tonic, options);
  return out;
}

function nearestChordTone(pitch: number, form: Form, slot: number, options: MelodyOptions): number {
  const classes = chordClasses(chordOf(chordAt(form, slot), options.tonic));
  let best = pitch;
  let bestDistance = Infinity;
  for (let p = options.low; p <= options.high; p++) {
    if (!classes.includes(p % 12)) continue;
    const d = Math.abs(p - pitch);
    if (d < bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best;
}

function nearestOfClass(pitch: number, pc: number, options: MelodyOptions): number {
  let best = pitch;
  let bestDistance = Infinity;
  for (let p = options.low; p <= options.high; p++) {
    if (p % 12 !== pc % 12) continue;
    if (Math.abs(p - pitch) < bestDistance) {
      best = p;
      bestDistance = Math.abs(p - pitch);
    }
  }
  return best;
}
