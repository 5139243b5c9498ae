import type { SpeechModel } from './model.js';

export const DE: SpeechModel = {
  acts: {
    gratitude: ['danke*', 'dank', 'dankbar', 'bedank*'],
    apology: [['tut mir ~ leid', 3.5], ['es tut mir ~ leid', 3.5], ['entschuldig*', 3.5], ['verzeih*', 3.5], ['vergib mir', 3.5], ['sorry', 3.5], ['meine schuld', 3], ['vergessen', 1.5]],
    celebration: ['alles gute', 'gluckwunsch*', 'gratulier*', 'frohe weihnachten', 'frohes neues', 'happy birthday', ['feier*', 1.5], ['prost', 1.5]],
    'missing-you': ['vermiss*', 'du fehlst', 'fehlst mir', 'fehlt mir', 'fehlen mir', 'komm* ~ zuruck', 'komm bald', ['ohne dich', 1.2], ['weisst du noch', 1], ['denke ~ an dich', 1], ['denke ~ an euch', 1]],
    love: [['liebe dich', 2], ['hab dich lieb', 2], ['habe dich lieb', 2], ['ich liebe', 2], ['liebe meines lebens', 2], ['mein herz', 1]],
    encouragement: ['viel gluck', 'viel erfolg', 'du schaffst das', 'schaffst das', 'ihr schafft das', 'gib nicht auf', 'kopf hoch', 'glaub* an dich', 'glaub* an euch', 'halte durch', 'weiter so', ['wir stehen ~ hinter dir', 2], ['ich stehe hinter dir', 2], ['du packst das', 3], ['toi toi toi', 3], 'druck* ~ die daumen', 'drueck* ~ die daumen', 'daumen gedruckt', 'daumen drucken'],
    pride: ['stolz', ['gut gemacht', 2], ['geschafft', 1.5], ['bravo', 2], ['respekt', 1.5]],
  },
  verbFinal: ['dass', 'weil', 'wenn', 'ob', 'obwohl', 'als', 'seit', 'seitdem', 'bis', 'bevor', 'nachdem', 'während', 'wo', 'wie'],
  negators: ['nicht', 'nie', 'niemals', 'kein', 'keine', 'keinen', 'ohne'],
  openers: ['und', 'aber', 'oder', 'denn', 'doch', 'weil', 'dass', 'wenn', 'als', 'ob', 'obwohl', 'während', 'seit', 'seitdem', 'bis', 'bevor', 'nachdem', 'wo', 'wie'],
  determiners: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'mein', 'meine', 'meinen', 'meinem', 'dein', 'deine', 'deinen', 'deinem', 'unser', 'unsere', 'unseren', 'ist', 'sind', 'war', 'waren'],
  prepositions: ['für', 'mit', 'zu', 'zum', 'zur', 'in', 'im', 'an', 'am', 'auf', 'aus', 'bei', 'beim', 'nach', 'von', 'vom', 'ohne', 'über', 'unter', 'vor', 'jede', 'jeden', 'jeder', 'jedes'],
  dangling: `der die das den dem des ein eine einen einem einer und oder aber denn doch weil dass wenn als ob obwohl während seit bis
    bevor nachdem für mit zu zum zur in im an am auf aus bei beim nach von vom ohne über unter vor mein meine meinen dein deine deinen
    sein seine unser unsere euer ich du er sie es wir ihr bin bist ist sind seid hab habe hast hat haben werde wirst wird sehr so jede
    jeden jeder jedes`.split(/\s+/),
};
