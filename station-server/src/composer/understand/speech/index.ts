import type { Language } from '@radio-optimism/shared';
import type { SpeechModel } from './model.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { PT } from './pt.js';
import { FR } from './fr.js';
import { DE } from './de.js';
import { KO } from './ko.js';

export type { Cue, SpeechModel } from './model.js';
export const SPEECH: Record<Language, SpeechModel> = { en: EN, es: ES, pt: PT, fr: FR, de: DE, ko: KO };
