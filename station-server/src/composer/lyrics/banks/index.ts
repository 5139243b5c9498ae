import type { Language } from '@radio-optimism/shared';
import type { LyricBank } from '../bank.js';
import { EN } from './en.js';

export const BANKS: Record<Language, LyricBank> = { en: EN, es: EN, pt: EN, fr: EN, de: EN, ko: EN };
