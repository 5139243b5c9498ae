// The song's form on a grid of slots: which lines are sung where, and which chord sounds when.
// A line takes 16 slots (an eighth or a sixteenth each, whichever keeps a line near four seconds);
// a chord lasts 8 slots, so harmony moves at the pace of the words.
import type { LyricLine, Lyrics, SectionKind } from '../types.js';
import type { ChordSpec, GenreProfile } from './profiles.js';
import type { Random } from '../random.js';

export const SLOTS_PER_LINE = 16;
export const SLOTS_PER_CHORD = 8;

export interface PlannedLine {
  /** Index into the flattened lyric lines. */
  index: number;
  line: LyricLine;
  kind: SectionKind;
  /** Position of the line within its section. */
  inSection: number;
  startSlot: number;
  slots: number;
}

export interface PlannedSection {
  kind: SectionKind;
  startSlot: number;
  slots: number;
  progression: ChordSpec[];
  /** 0 for the first time this kind appears, 1 the second... (the last chorus lifts). */
  occurrence: number;
}

export interface Form {
  sections: PlannedSection[];
  lines: PlannedLine[];
  totalSlots: number;
}

export function planForm(lyrics: Lyrics, profile: GenreProfile, mode: 'major' | 'minor', random: Random): Form {
  const pools = mode === 'major' ? profile.major : profile.minor;
  const progressionFor = new Map<SectionKind, ChordSpec[]>();
  const pick = (kind: SectionKind): ChordSpec[] => {
    const found = progressionFor.get(kind);
    if (found) return found;
    const pool = kind === 'chorus' ? pools.chorus : kind === 'bridge' ? pools.bridge : pools.verse;
    const chosen = random.pick(pool);
    progressionFor.set(kind, chosen);
    return chosen;
  };

  const sections: PlannedSection[] = [];
  const lines: PlannedLine[] = [];
  const seen = new Map<SectionKind, number>();
  let slot = 0;
  const add = (kind: SectionKind, slots: number, progression: ChordSpec[]): PlannedSection => {
    const occurrence = seen.get(kind) ?? 0;
    seen.set(kind, occurrence + 1);
    const section = { kind, startSlot: slot, slots, progression, occurrence };
    sections.push(section);
    slot += slots;
    return section;
  };

  add('intro', SLOTS_PER_LINE * 2, pick('verse'));
  let index = 0;
  for (const section of lyrics.sections) {
    const start = slot;
    section.lines.forEach((line, inSection) => {
      // Long lines get two spans (a sender's own line, three or more) rather than being crammed.
      const slots = SLOTS_PER_LINE * Math.max(1, Math.ceil(line.syllables.length / 13));
      lines.push({ index: index++, line, kind: section.kind, inSection, startSlot: slot, slots });
      slot += slots;
    });
    // Keep each section a whole number of progressions' halves so chords stay on the bar.
    const used = slot - start;
    const rounded = Math.ceil(used / (SLOTS_PER_CHORD * 2)) * SLOTS_PER_CHORD * 2;
    slot = start;
    add(section.kind, rounded, pick(section.kind));
  }
  add('outro', SLOTS_PER_LINE * 2, pick('verse'));
  return { sections, lines, totalSlots: slot };
}

/** The chord spec sounding at a slot. */
export function chordAt(form: Form, slot: number): ChordSpec {
  const section = sectionAt(form, slot);
  const k = Math.floor((slot - section.startSlot) / SLOTS_PER_CHORD);
  return section.progression[k % section.progression.length]!;
}

export function sectionAt(form: Form, slot: number): PlannedSection {
  let found = form.sections[0]!;
  for (const s of form.sections) if (s.startSlot <= slot) found = s;
  return found;
}
