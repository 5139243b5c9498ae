import type { SpeechModel } from './model.js';

export const PT: SpeechModel = {
  acts: {
    gratitude: ['obrigad*', 'agradec*', 'agradeco', 'valeu'],
    apology: [['desculp*', 3.5], ['perdao', 3.5], ['me perdoa', 3.5], ['perdoa me', 3.5], ['me desculpe', 3.5], ['sinto muito', 3.5], ['foi mal', 3], ['a culpa foi minha', 3], ['esquec*', 1.5]],
    celebration: ['parabens', 'feliz aniversario', 'feliz ano novo', 'feliz natal', 'felicidades', ['felicito', 3], ['vamos celebrar', 1.5], ['vamos comemorar', 1.5]],
    'missing-you': ['saudade*', 'sinto ~ falta', 'faz falta', 'volta logo', 'volta para casa', 'volta pra casa', ['volta', 1.5], ['sem ti', 1.2], ['sem voce', 1.2], ['penso em ~', 1]],
    love: [['te amo', 2], ['amo te', 2], ['amo voce', 2], ['te adoro', 2], ['amor da minha vida', 2], ['meu coracao', 1]],
    encouragement: ['boa sorte', 'tu consegues', 'voce consegue', 'vais conseguir', 'vai conseguir', 'nao desist*', 'forca', 'vai dar tudo certo', 'vai dar certo', 'acredito em ~', 'acreditamos em ~', ['confia em ~', 2], ['estou contigo', 2], ['estamos contigo', 2], ['torco por ~', 2]],
    pride: ['orgulh*', ['voce conseguiu', 2], ['conseguiste', 2], ['bem feito', 2], ['mandou bem', 2], ['bravo', 2]],
  },
  negators: ['nao', 'nunca', 'jamais', 'nem'],
  openers: ['e', 'mas', 'ou', 'porque', 'pois', 'que', 'quando', 'enquanto', 'embora', 'se', 'onde', 'quem', 'como', 'até', 'desde'],
  determiners: ['o', 'a', 'os', 'as', 'um', 'uma', 'meu', 'minha', 'meus', 'minhas', 'teu', 'tua', 'teus', 'tuas', 'seu', 'sua', 'seus', 'suas', 'nosso', 'nossa', 'este', 'esta', 'esse', 'essa', 'é', 'são', 'foi', 'está', 'estão'],
  prepositions: ['por', 'pelo', 'pela', 'para', 'pra', 'com', 'em', 'no', 'na', 'nos', 'nas', 'a', 'ao', 'de', 'do', 'da', 'dos', 'das', 'sem', 'sobre', 'entre', 'cada'],
  dangling: `o a os as um uma uns umas e mas ou porque pois que quando enquanto embora se onde quem como ate desde por pelo pela para pra
    com em no na nos nas ao de do da dos das sem sobre entre meu minha meus minhas teu tua teus tuas seu sua seus suas nosso nossa este
    esta esse essa eu me te lhe nos sou és é são está estou foi tenho tens tem muito mais cada`.split(/\s+/),
};
