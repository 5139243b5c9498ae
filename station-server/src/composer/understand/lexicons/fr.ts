import type { Lexicon } from './lexicon.js';

export const FR: Lexicon = {
  themes: {
    love: ["je t'aime", 't aime', 'amour', 'aime', 'mon coeur', 'coeur', 'cheri', 'bisous', 'adore', 'amoureu', 'ma belle', 'mon ange'],
    gratitude: ['merci', 'reconnaissan', 'gratitude', 'pour tout', "tu m'as appris", 'remercie', 'toujours la'],
    encouragement: ['tu peux', 'tu vas y arriver', 'courage', 'bonne chance', 'lache rien', 'abandonne pas', 'force', 'fort', 'forte', 'crois en toi', 'confiance', 'examen', 'entretien', 'vas-y', 'continue'],
    celebration: ['anniversaire', 'bon anniv', 'felicitation', 'bravo pour', 'fete', 'celebr', 'mariage', 'diplome', 'joyeux', 'bonne annee', 'champagne'],
    apology: ['pardon', 'desole', 'excuse', 'pardonne', 'ma faute', 'regrette', "j'ai eu tort", 'tort'],
    'missing-you': ['tu me manques', 'manque', 'loin', 'distance', 'reviens', 'revenir', 'souvenir', 'bientot', 'nostalgi', 'te revoir'],
    pride: ['fier', 'fiere', 'fierte', 'tu as reussi', 'reussi', 'bravo', 'chapeau', 'champion', 'championne', 'admire', 'inspire', 'heros', 'victoire'],
  },
  relations: {
    family: ['maman', 'mere', 'papa', 'pere', 'mamie', 'papi', 'grand-mere', 'grand-pere', 'soeur', 'frere', 'fille', 'fils', 'tante', 'oncle', 'cousin', 'cousine', 'famille'],
    partner: ['mon amour', 'mon coeur', 'cheri', 'cherie', 'ma femme', 'mon mari', 'ma copine', 'mon copain', 'bebe', 'mon ange', 'ma puce', 'chou'],
    friend: ['ami', 'amie', 'amis', 'pote', 'copain', 'copine', 'meilleure amie', 'meilleur ami', 'frerot'],
    team: ['equipe', 'collegues', 'les gars', 'tout le monde', 'la team'],
    pet: ['chien', 'chienne', 'chat', 'chaton', 'toutou', 'minou', 'chiot'],
    self: ['moi-meme', 'a moi'],
  },
  stopWords: `le la les l un une des du de d a au aux en et ou que qu qui se ne n me m te t je j tu il elle on nous vous ils elles mon
    ma mes ton ta tes son sa ses notre votre leur leurs ce c cet cette est es suis sont etait sur dans pour par avec sans plus mais si y
    pas tres bien salut coucho bonjour cher chere as ai a`.split(/\s+/),
};
