import type { SpeechModel } from './model.js';

export const FR: SpeechModel = {
  acts: {
    gratitude: ['merci', 'remerci*', 'reconnaissant*'],
    apology: [['pardon*', 3.5], ['desole*', 3.5], ['je m excuse', 3.5], ['excuse moi', 3.5], ['excuse*', 2.5], ['ma faute', 3], ['j ai eu tort', 3], ['oubli*', 1.5], ['rate', 1]],
    celebration: ['joyeux anniversaire', 'bon anniversaire', 'bonne annee', 'joyeux noel', 'felicitations', 'felicite*', ['bonne fete', 3], ['on fete', 1.5]],
    'missing-you': ['tu me manques', 'me manque*', 'vous nous manquez', 'reviens', 'reviens vite', ['sans toi', 1.2], ['tu te souviens', 1], ['je pense a toi', 1.2]],
    love: [['je t aime', 2], ['t aime', 2], ['je t adore', 2], ['amour de ma vie', 2], ['mon coeur', 1], ['je t embrasse', 1], ['bisous', 0.5]],
    encouragement: ['courage', 'bonne chance', 'tu peux le faire', 'tu vas y arriver', 'tu vas reussir', 'ne lache* rien', 'n abandonne pas', 'crois en toi', 'crois en vous', 'croit en toi', 'croit en vous', 'croyons en ~', ['tu vas ~ dechirer', 2], ['tu vas etre genial*', 2], ['force a toi', 2], ['on est avec toi', 2]],
    pride: ['fier*', ['bravo', 2], ['chapeau', 2], ['bien joue', 2], ['tu l as fait', 2], ['tu as reussi', 1.5]],
  },
  negators: ['ne', 'n', 'pas', 'jamais', 'plus jamais', 'sans'],
  openers: ['et', 'mais', 'ou', 'donc', 'car', 'parce', 'que', 'qu', 'quand', 'lorsque', 'pendant', 'si', 'qui', 'dont', 'comme', 'depuis', 'avant', 'après'],
  determiners: ['le', 'la', 'les', 'l', 'un', 'une', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'votre', 'nos', 'vos', 'ce', 'cet', 'cette', 'ces', 'est', 'sont', 'était'],
  prepositions: ['pour', 'avec', 'dans', 'sur', 'à', 'au', 'aux', 'de', 'du', 'des', 'en', 'par', 'sans', 'chez', 'vers', 'derrière', 'devant', 'avant', 'après', 'chaque'],
  dangling: `le la les l un une des du de d et ou mais donc car parce que qu quand si qui dont comme pour avec dans sur à a au aux en par
    sans chez vers mon ma mes ton ta tes son sa ses notre votre leur leurs ce cet cette ces je j tu il elle on nous vous ils elles me m
    te t se s ne n suis es est sommes êtes sont ai as avons avez ont très plus chaque`.split(/\s+/),
};
