// Which eSpeak voice sings, and how to ask it for a pitch. The melody sits around MIDI 51..76, a
// woman's or a tenor's range, so the voices are eSpeak's female variants; the seed picks one of a
// few that stay steady on one pitch (measured: 99-100% of voiced frames within 25 cents at range 0)
// and whose vowels survive PSOLA cleanly (f3 and f4 carry more breath noise: 10-30% of held /i/
// frames lost their pitch once stretched, against 0-11% for f2 and f5).
import type { Language } from '@radio-optimism/shared';
import { createRandom } from '../random.js';
import type { VibratoStyle } from './contour.js';

const LANGUAGE_VOICES: Record<Language, string> = {
  en: 'en-us',
  es: 'es',
  pt: 'pt-br',
  fr: 'fr',
  de: 'de',
  ko: 'ko',
};

interface Variant {
  name: string;
  /** Measured f0 (Hz) at eSpeak pitch 50, range 0. */
  hzAt50: number;
}

// eSpeak's pitch scale is close to exponential: measured f0 rises by a factor ~1.378 per 30 steps.
const STEPS_PER_OCTAVE = 64.9;
const VARIANTS: readonly Variant[] = [
  { name: 'f5', hzAt50: 183.3 },
  { name: 'f2', hzAt50: 170.0 },
];

export interface Voice {
  /** eSpeak voice id with variant, e.g. 'en-us+f3'. */
  id: string;
  hzAt50: number;
  vibrato: VibratoStyle;
}

export function chooseVoice(language: Language, seed: number): Voice {
  const random = createRandom(seed).fork('voice');
  const variant = random.pick(VARIANTS);
  return {
    id: `${LANGUAGE_VOICES[language]}+${variant.name}`,
    hzAt50: variant.hzAt50,
    vibrato: { rate: 5 + random.next() * 1.2, depth: 14 + random.next() * 8 },
  };
}

/** The eSpeak pitch setting (0..100, rounded to steps of 2 so repeated lines reuse speech) nearest to `hz`. */
export function pitchSetting(voice: Voice, hz: number): number {
  const p = 50 + STEPS_PER_OCTAVE * Math.log2(hz / voice.hzAt50);
  return Math.max(0, Math.min(100, 2 * Math.round(p / 2)));
}

/** The f0 (Hz) eSpeak speaks at for a pitch setting. */
export function settingHz(voice: Voice, setting: number): number {
  return voice.hzAt50 * 2 ** ((setting - 50) / STEPS_PER_OCTAVE);
}
