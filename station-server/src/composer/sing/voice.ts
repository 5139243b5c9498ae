// Which eSpeak voice sings, and how to ask it for a pitch. Each language offers two named singers
// (shared/src/request.ts): `high`, one of eSpeak's female variants, singing the melody around MIDI
// 51..76 (a woman's range), and `low`, a male variant, singing it in a baritone's range (the
// composer writes the melody a sixth lower for it, see compose's `register`). The female variants
// stay steady on one pitch (measured: 99-100% of voiced frames within 25 cents at range 0) and their
// vowels survive PSOLA cleanly (f3 and f4 carry more breath noise: 10-30% of held /i/ frames lost
// their pitch once stretched, against 0-11% for f2 and f5). Of the male variants, m7 is steady in
// every language (96-100% of voiced frames within 25 cents at pitch 50; m1 52% in English) and gives
// the pitch tracker the most voiced frames; sung, it followed the notes best (a German song at seed
// 11: m7 99% within 50 cents, m2 82%; Portuguese 97% against 93%). A request without a voice keeps
// the earlier behaviour: the seed picks f5 or f2.
import { SURPRISE_VOICE, voicesFor, type Language, type VoiceChoice, type VoiceName } from '@radio-optimism/shared';
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

/** Where the melody sits: `high` a woman's range, `low` a man's. */
export type Register = 'high' | 'low';

interface Variant {
  name: string;
  /** Measured f0 (Hz) at eSpeak pitch 50, range 0. */
  hzAt50: number;
  register: Register;
}

// eSpeak's pitch scale is close to exponential: measured f0 rises by a factor ~1.378 per 30 steps.
const STEPS_PER_OCTAVE = 64.9;
const F5: Variant = { name: 'f5', hzAt50: 183.3, register: 'high' };
const F2: Variant = { name: 'f2', hzAt50: 170.0, register: 'high' };
const M7: Variant = { name: 'm7', hzAt50: 89.7, register: 'low' };
const NAMED: Record<'high' | 'low', Variant> = { high: F5, low: M7 };

export interface Voice {
  /** The singer's name (`en-high`), or undefined when the request named none. */
  name?: VoiceName;
  /** eSpeak voice id with variant, e.g. 'en-us+f3'. */
  id: string;
  hzAt50: number;
  register: Register;
  vibrato: VibratoStyle;
}

/** The singer for a request: the named voice, a seeded pick for `surprise`, else (no choice) one of the
 *  female variants by seed, as songs were sung before voices could be chosen. */
export function chooseVoice(language: Language, seed: number, choice?: VoiceChoice): Voice {
  const random = createRandom(seed).fork('voice');
  const variant = random.pick([F5, F2]);
  const vibrato = { rate: 5 + random.next() * 1.2, depth: 14 + random.next() * 8 };
  if (choice === undefined) return { id: `${LANGUAGE_VOICES[language]}+${variant.name}`, hzAt50: variant.hzAt50, register: variant.register, vibrato };
  const name = choice === SURPRISE_VOICE ? createRandom(seed).fork('surprise').pick(voicesFor(language)) : choice;
  const chosen = NAMED[name.endsWith('-low') ? 'low' : 'high'];
  return { name, id: `${LANGUAGE_VOICES[name.slice(0, 2) as Language]}+${chosen.name}`, hzAt50: chosen.hzAt50, register: chosen.register, vibrato };
}

/** The register a request's voice sings in, for the composer to place the melody. */
export const registerOf = (language: Language, seed: number, choice?: VoiceChoice): Register => chooseVoice(language, seed, choice).register;

/** The eSpeak pitch setting (0..100, rounded to steps of 2 so repeated lines reuse speech) nearest to `hz`. */
export function pitchSetting(voice: Voice, hz: number): number {
  const p = 50 + STEPS_PER_OCTAVE * Math.log2(hz / voice.hzAt50);
  return Math.max(0, Math.min(100, 2 * Math.round(p / 2)));
}

/** The f0 (Hz) eSpeak speaks at for a pitch setting. */
export function settingHz(voice: Voice, setting: number): number {
  return voice.hzAt50 * 2 ** ((setting - 50) / STEPS_PER_OCTAVE);
}
