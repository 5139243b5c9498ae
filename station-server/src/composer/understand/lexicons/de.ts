import type { Lexicon } from './lexicon.js';

export const DE: Lexicon = {
  themes: {
    love: ['ich liebe', 'liebe dich', 'lieb', 'herz', 'schatz', 'kuss', 'kusse', 'verliebt', 'hab dich lieb', 'mein ein und alles', 'wunderschon'],
    gratitude: ['danke', 'dank', 'dankbar', 'fur alles', 'bedanken', 'du hast mir', 'immer da'],
    encouragement: ['du schaffst', 'schaffst das', 'viel gluck', 'gib nicht auf', '=mut', 'mutig', 'stark', 'kopf hoch', 'glaub an dich', 'ich glaube an dich', 'prufung', 'vorstellungsgesprach', 'los gehts', 'weiter so', 'durchhalten'],
    celebration: ['geburtstag', 'gluckwunsch', 'alles gute', 'feier', 'party', 'hochzeit', 'jubilaum', 'prost', 'frohes', 'abschluss', 'hurra'],
    apology: ['entschuldig', 'tut mir leid', 'verzeih', 'vergib', 'meine schuld', 'bereue', 'sorry', 'fehler'],
    'missing-you': ['vermisse', 'vermiss', 'sehnsucht', 'weit weg', 'ferne', 'komm zuruck', 'komm heim', 'bald wieder', 'erinnere', 'wiedersehen'],
    pride: ['stolz', 'geschafft', 'gut gemacht', 'bravo', 'respekt', 'erfolg', 'meister', 'champion', 'bewundere', 'inspirier', 'held', 'sieg'],
  },
  relations: {
    family: ['mama', 'mutter', 'mami', 'mutti', 'papa', 'vater', 'papi', 'oma', 'opa', 'schwester', 'bruder', 'tochter', 'sohn', 'tante', 'onkel', 'cousin', 'cousine', 'familie'],
    partner: ['schatz', 'liebling', 'mein herz', 'meine frau', 'mein mann', 'freundin', 'freund', 'baby', 'hase', 'maus', 'schatzi'],
    friend: ['kumpel', 'freunde', 'bester freund', 'beste freundin', 'buddy'],
    team: ['team', 'kollegen', 'kolleginnen', 'mannschaft', 'leute', 'crew'],
    pet: ['hund', 'hundchen', 'katze', 'katzchen', 'mieze', 'welpe', 'fellnase'],
    self: ['mich selbst', 'an mich'],
  },
  stopWords: `der die das den dem des ein eine einen einem einer und oder aber in im an am auf aus bei mit nach von vom zu zum zur fur
    um ich du er sie es wir ihr mich dich mir dir uns euch mein meine meinen dein deine deinen sein seine ist bin bist sind war hat
    habe hab hast wie so wenn als dass nicht noch schon ja nur auch sehr hallo hi liebe lieber`.split(/\s+/),
};
