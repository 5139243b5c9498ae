// Bank lines whose imagery presupposes an occasion: candles and "another year" belong to a birthday or
// an anniversary, not to a new job. Such a line is sung only when the message mentions that occasion,
// and is preferred when it does, so the details of the message colour the song.
import type { Language } from '@radio-optimism/shared';
import type { Detail } from '../types.js';
import type { Couplet } from './bank.js';

interface Presupposition {
  /** Lower-case fragments of a bank line that carry the image. */
  images: readonly string[];
  /** The occasions that make the image fit. */
  details: readonly Detail[];
}

const YEAR: readonly Detail[] = ['birthday', 'anniversary'];

const PRESUPPOSED: Record<Language, readonly Presupposition[]> = {
  en: [{ images: ['candles', 'another year'], details: YEAR }],
  es: [{ images: ['velas', 'otro año'], details: YEAR }],
  pt: [{ images: ['velas', 'mais um ano'], details: YEAR }],
  fr: [{ images: ['bougies', 'encore une année'], details: YEAR }],
  de: [{ images: ['kerzen', 'neues jahr'], details: YEAR }],
  ko: [{ images: ['촛불', '또 한 해'], details: YEAR }],
};

const imagesOf = (couplet: Couplet, language: Language): Presupposition[] => {
  const text = `${couplet[0]} ${couplet[1]}`.toLocaleLowerCase();
  return PRESUPPOSED[language].filter((p) => p.images.some((i) => text.includes(i)));
};

/** Whether a couplet's imagery fits the message: it presupposes nothing, or an occasion the message names. */
export function fitsDetails(couplet: Couplet, language: Language, details: readonly Detail[]): boolean {
  return imagesOf(couplet, language).every((p) => p.details.some((d) => details.includes(d)));
}

/** Whether a couplet's imagery is drawn from an occasion the message names. */
export function drawsOnDetails(couplet: Couplet, language: Language, details: readonly Detail[]): boolean {
  const images = imagesOf(couplet, language);
  return images.length > 0 && images.every((p) => p.details.some((d) => details.includes(d)));
}
