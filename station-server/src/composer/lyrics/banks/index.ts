import type { Language } from '@radio-optimism/shared';
import type { LyricBank } from '../bank.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { PT } from './pt.js';
import { FR } from './fr.js';
import { DE } from './de.js';
import { KO } from './ko.js';

export const BANKS: Record<Language, LyricBank> = { en: EN, es: ES, pt: PT, fr: FR, de: DE, ko: KO };
