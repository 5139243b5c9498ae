// French lyric bank: tu, end rhyme (mute e sung on the syllable before it), and no participle or
// adjective that must agree with the recipient's or the sender's gender (quelle fierté, not fier/fière).
import type { LyricBank } from '../bank.js';

export const FR: LyricBank = {
  verse: {
    love: [
      ['Depuis que tu es là', 'tout brille sous mes pas'],
      ['Ton rire remplit la maison', 'et le temps perd la raison'],
      ['Ta main dans ma main sur le chemin', "je n'ai plus peur du lendemain"],
    ],
    gratitude: [
      ["Tu m'as donné bien plus que ça", 'une lumière à chaque pas'],
      ['Quand je ne savais plus où aller', "tu m'as appris à avancer"],
      ['Pour chaque nuit sans sommeil', 'pour chaque matin de soleil'],
    ],
    encouragement: [
      ['La montagne paraît si haute', 'mais un seul pas, et puis un autre'],
      ['Si le doute crie trop fort', 'chante plus haut, crois encore'],
      ["L'orage va passer", 'le ciel va se dégager'],
    ],
    celebration: [
      ['Allume les bougies, monte le son', "ce soir on danse à l'unisson"],
      ['Encore une année, un nouveau départ', 'une page blanche, un grand espoir'],
      ["Appelle les amis, c'est la fête", 'la nuit entière nous tourne la tête'],
    ],
    apology: [
      ["J'ai dit des mots sans réfléchir", 'je voudrais tant les retenir'],
      ['Je sais, mon silence a fait mal', "j'ai laissé filer notre étoile"],
      ['Pardon pour chaque mot trop dur', 'je veux réparer, c’est sûr'],
    ],
    'missing-you': [
      ['Ta chaise est vide près de la porte', 'et le vent seul me réconforte'],
      ['Je compte les jours, je compte les heures', 'je garde ta voix tout près du cœur'],
      ["La ville n'est plus la même", "sans ton rire, sans ceux qu'on aime"],
    ],
    pride: [
      ['Tu as grandi, tu as lutté', "et ton rêve s'est réalisé"],
      ['Tu as travaillé sans repos', 'et maintenant tu vois plus haut'],
      ['Tu as marché sous la pluie', 'et ton courage a grandi'],
    ],
  },
  chorus: {
    love: [
      { title: "C'est Toi", lines: ["Oh {name}, c'est toi", 'mon ciel, ma joie, ma voix', "quoi qu'il arrive, je suis là", "oh {name}, c'est toi"] },
      { title: 'Ma Chanson', lines: ['{name}, tu es ma chanson', 'mon été, mon horizon', 'mon refrain, ma saison', '{name}, tu es ma chanson'] },
    ],
    gratitude: [
      { title: 'Merci pour Tout', lines: ['Merci, {name}, pour tout', 'tu es là, malgré tout', 'ta lumière me tient debout', 'merci, {name}, pour tout'] },
      { title: 'Tout ce que tu donnes', lines: ['{name}, pour tout ce que tu donnes', 'pour chaque peur que tu pardonnes', 'ta tendresse rayonne', '{name}, pour tout ce que tu donnes'] },
    ],
    encouragement: [
      { title: 'Tu Peux Voler', lines: ['Vas-y, {name}, tu peux voler', "le ciel t'attend, il faut oser", "rien ne pourra t'arrêter", 'vas-y, {name}, tu peux voler'] },
      { title: 'Ne Lâche Rien', lines: ['Continue, {name}, ne lâche rien', 'la force est là, au creux des mains', 'un pas de plus sur le chemin', 'continue, {name}, ne lâche rien'] },
    ],
    celebration: [
      { title: "C'est Ta Fête", lines: ["Ce soir c'est ta fête, {name}", 'que la musique nous emmène', 'que la joie coule dans nos veines', "ce soir c'est ta fête, {name}"] },
      { title: 'On Fait la Fête', lines: ['{name}, on fait la fête', 'la musique dans la tête', "lève les mains, rien ne s'arrête", '{name}, on fait la fête'] },
    ],
    apology: [
      { title: 'Pardonne-moi', lines: ['{name}, pardonne-moi', "je sais, j'ai eu tort cette fois", 'je veux te le prouver, crois-moi', '{name}, pardonne-moi'] },
      { title: 'Laisse-moi Réparer', lines: ['{name}, laisse-moi réparer', "tout ce que j'ai pu casser", 'on peut parler, recommencer', '{name}, laisse-moi réparer'] },
    ],
    'missing-you': [
      { title: 'Tu Me Manques', lines: ['{name}, tu me manques tant', 'chaque jour, chaque instant', "je t'attends depuis longtemps", '{name}, tu me manques tant'] },
      { title: 'Reviens Vite', lines: ['Reviens vite, {name}, reviens', 'la lune attend ton chemin', 'ma chanson te tient la main', 'reviens vite, {name}, reviens'] },
    ],
    pride: [
      { title: 'Quelle Fierté', lines: ['{name}, quelle fierté', 'regarde tout ce que tu as fait', 'chaque rêve réalisé', '{name}, quelle fierté'] },
      { title: "Tu L'as Fait", lines: ["Tu l'as fait, {name}, tu l'as fait", 'ton nom brille sur les sommets', 'je le savais, je le savais', "tu l'as fait, {name}, tu l'as fait"] },
    ],
  },
  bridge: {
    love: [['Et si le monde devait tomber', 'je resterais à tes côtés']],
    gratitude: [["Je ne l'ai jamais assez dit", 'alors je le chante ici']],
    encouragement: [['Et si tu tombes, je suis là', 'pour te relever, pas à pas']],
    celebration: [['Encore une chanson, encore une danse', 'encore une nuit, encore une chance']],
    apology: [['Je ne peux pas défaire hier', "mais je peux faire mieux, j'espère"]],
    'missing-you': [['Ferme les yeux, je suis là', 'dans cette chanson, tout près de toi']],
    pride: [["Du premier pas jusqu'au sommet", "personne n'a pu t'arrêter"]],
  },
  vibe: {
    upbeat: [['Monte le son, sens la cadence', 'le soleil dans la rue qui danse']],
    heartfelt: [["J'écris ces mots avec le cœur", 'doucement, sans aucune peur']],
    calm: [["Doucement, le soir s'endort", 'la lumière devient de l’or']],
    epic: [['On est au bord du ciel', 'nos drapeaux battent en plein soleil']],
    playful: [['Fais un tour, fais une grimace', 'on court après les nuages qui passent']],
    nostalgic: [["Tu te souviens de l'été", 'des vélos, de la pluie, des goûters']],
  },
  any: [
    ['Cette chanson est pour toi', 'écoute-la, elle vient de moi'],
    ["Quoi qu'il arrive demain", 'je chanterai sur ton chemin'],
  ],
  rhymes: [
    { words: ['toi', 'moi', 'voix', 'joie', 'fois', 'foi', 'la', 'pas', 'bras', 'crois', 'quoi', 'ca'], lines: ['je pense tellement à toi', 'tu es ma plus belle joie'] },
    { words: ['coeur', 'cœur', 'bonheur', 'heure', 'fleur', 'peur', 'douceur', 'chaleur', 'meilleur', 'ailleurs'], lines: ['je te garde au fond du cœur', 'tu es mon plus grand bonheur'] },
    { words: ['vie', 'merci', 'ici', 'aussi', 'ami', 'amie', 'envie', 'nuit', 'oui', 'lui', 'reussi', 'grandi', 'fini', 'aujourdhui'], lines: ['tu es la lumière de ma vie', ['pour tout ça, je te dis merci', ['gratitude', 'love', 'pride', 'celebration', 'missing-you', 'encouragement']]] },
    { words: ['amour', 'toujours', 'jour', 'tour', 'autour', 'retour', 'velours'], lines: ['je te chante mon amour', 'je serai là pour toujours'] },
    { words: ['tout', 'nous', 'vous', 'doux', 'fou', 'debout', 'partout', 'bout'], lines: ['tu es là malgré tout', 'avec toi, tout est doux'] },
    { words: ['monde', 'ronde', 'seconde', 'onde'], lines: ['rien ne te vaut dans ce monde', 'je pense à toi chaque seconde'] },
    { words: ['grand', 'temps', 'enfant', 'instant', 'maintenant', 'vent', 'souvent', 'longtemps', 'moment', 'avant', 'chant'], lines: ['je pense à toi à chaque instant', ["je t'attendrai tout le temps", ['missing-you', 'love', 'apology']]] },
    { words: ['ete', 'fierte', 'beaute', 'liberte', 'verite', 'aimer', 'chanter', 'donner', 'rever', 'arriver'], lines: ['je te le dis en vérité', ['tu es ma plus belle fierté', ['pride', 'love', 'celebration', 'gratitude', 'encouragement']]] },
  ],
  free: ['et je te le dis vraiment', 'écoute bien ce que je dis', "c'est tout ce que je voulais dire", 'je te le redis encore une fois'],
  shortFrames: ['{phrase}, vraiment', 'je te dis : {phrase}'],
};
