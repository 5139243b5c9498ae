// Words whose sung syllables the rules get wrong, written with | between syllables (the common sung
// form: "ev|ery" is two, as singers say it). Keys are lower-case.
import type { Language } from '@radio-optimism/shared';

const LISTS: Record<Exclude<Language, 'ko'>, string> = {
  en: `ev|ery ev|ery|thing ev|ery|one ev|ery|bod|y ev|ery|where ev|ery|day some|times some|one some|thing some|where some|how
    some|day home|town life|time love|ly lone|ly qui|et|ly qui|et di|et sci|ence cru|el fu|el be|yond ev|en|ing heav|en
    fa|vo|rite fam|i|ly mem|o|ry mem|o|ries through|out al|ways an|y|one an|y|thing an|y|where an|y|more wher|ev|er
    how|ev|er what|ev|er for|ev|er to|geth|er there|fore where|ev|er cel|e|brate cel|e|bra|tion gen|er|ous hap|pi|ness
    brave|ly safe|ly fire|fly home|made sun|shine moon|light some|bod|y care|ful|ly hope|ful`,
  es: ``,
  pt: ``,
  fr: ``,
  de: `Fa|mi|li|e`,
};

function parse(list: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const entry of list.split(/\s+/)) {
    if (!entry) continue;
    const parts = entry.toLowerCase().split('|');
    const cuts: number[] = [];
    let at = 0;
    for (const part of parts.slice(0, -1)) cuts.push((at += Array.from(part).length));
    map.set(parts.join(''), cuts);
  }
  return map;
}

export const EXCEPTIONS: Record<Exclude<Language, 'ko'>, Map<string, number[]>> = {
  en: parse(LISTS.en),
  es: parse(LISTS.es),
  pt: parse(LISTS.pt),
  fr: parse(LISTS.fr),
  de: parse(LISTS.de),
};
