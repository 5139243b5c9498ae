// "for <recipient>" and "from <sender>" in the song's language. Names are wrapped in Unicode isolates
// (FSI…PDI) so a Hebrew or Arabic name, or one ending in punctuation, cannot reorder the words around it.
import type { Language } from '@radio-optimism/shared';

const FSI = '\u2068';
const PDI = '\u2069';
const iso = (name: string): string => `${FSI}${name}${PDI}`;

// French elides "de" before a vowel sound; a leading h is left alone (aspirated or not, we cannot tell).
const FRENCH_VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/iu;

export function forLine(language: Language, name: string): string {
  switch (language) {
    case 'en':
      return `for ${iso(name)}`;
    case 'es':
    case 'pt':
      return `para ${iso(name)}`;
    case 'fr':
      return `pour ${iso(name)}`;
    case 'de':
      return `für ${iso(name)}`;
    case 'ko':
      return `${iso(name)}에게`;
  }
}

export function fromLine(language: Language, name: string): string {
  switch (language) {
    case 'en':
      return `from ${iso(name)}`;
    case 'es':
    case 'pt':
      return `de ${iso(name)}`;
    case 'fr':
      return FRENCH_VOWEL.test(name) ? `d’${iso(name)}` : `de ${iso(name)}`;
    case 'de':
      return `von ${iso(name)}`;
    case 'ko':
      // "드림" is how a Korean letter or card is signed ("from"); it needs no particle choice.
      return `${iso(name)} 드림`;
  }
}

/** What stands in for a recipient whose name none of our fonts can draw (e.g. only CJK ideographs). */
export function youWord(language: Language): string {
  return { en: 'you', es: 'ti', pt: 'você', fr: 'toi', de: 'dich', ko: '당신' }[language];
}
