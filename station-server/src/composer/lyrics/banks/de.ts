// German lyric bank: du, iambic lines, end rhyme; nothing that depends on the recipient's gender.
import type { LyricBank } from '../bank.js';

export const DE: LyricBank = {
  verse: {
    love: [
      ['Seit du da bist, ist alles hell', 'die Tage drehen sich so schnell'],
      ['Dein Lachen füllt das ganze Haus', 'und jede Sorge zieht hinaus'],
      ['Mit dir ist jeder Weg nicht weit', 'mit dir vergeht so schön die Zeit'],
    ],
    gratitude: [
      ['Du gabst mir mehr, als ich je bat', 'du warst mein Licht, mein guter Rat'],
      ['Als ich nicht wusste, wo ich steh', 'hast du gezeigt, wohin ich geh'],
      ['Für jede Nacht, die du gewacht', 'für jedes Mal, das du gelacht'],
    ],
    encouragement: [
      ['Der Berg sieht heute riesig aus', 'doch Schritt für Schritt, du kommst hinauf'],
      ['Wenn Zweifel laut sind in der Nacht', 'dann denk daran, was du geschafft'],
      ['Der Sturm vergeht, der Himmel klart', 'ich feuer dich an, egal wie hart'],
    ],
    celebration: [
      ['Zündet die Kerzen an, dreht laut', 'heut wird gefeiert, wer sich traut'],
      ['Ein neues Jahr, ein neuer Start', 'ein frisches Blatt, auf seine Art'],
      ['Ruf alle an, wir feiern heut', 'die ganze Nacht voll Lust und Freud'],
    ],
    apology: [
      ['Ich sagte Dinge ohne Sinn', 'ich weiß nicht mehr, wo ich jetzt bin'],
      ['Ich weiß, mein Schweigen tat dir weh', 'es tut mir leid, wenn ich dich seh'],
      ['Verzeih mir jedes harte Wort', 'ich nehm es heute mit mir fort'],
    ],
    'missing-you': [
      ['Dein Stuhl steht leer, das Haus ist still', 'weil ich nur dich hier haben will'],
      ['Ich zähl die Tage, zähl die Stunden', 'hab keinen Trost für mich gefunden'],
      ['Die Stadt ist nicht mehr, wie sie war', 'denn ohne dich ist nichts mehr klar'],
    ],
    pride: [
      ['Ich sah dich wachsen, sah dich kämpfen', 'kein Sturm konnte dein Feuer dämpfen'],
      ['Du hast gekämpft, du hast gebaut', 'und immer auf dich selbst vertraut'],
      ['Du gingst weiter durch den Regen', 'dein Mut ging jedem Sturm entgegen'],
    ],
  },
  chorus: {
    love: [
      { title: 'Nur Du', lines: ['Oh {name}, nur du allein', 'du bist mein Himmel, mein Sonnenschein', 'was auch kommt, ich werd bei dir sein', 'oh {name}, nur du allein'] },
      { title: 'Mein Lied', lines: ['{name}, du bist mein Lied', 'das Schönste, was mein Herz je sieht', 'der Grund, warum die Sonne glüht', '{name}, du bist mein Lied'] },
    ],
    gratitude: [
      { title: 'Danke', lines: ['Danke, {name}, für alles hier', 'die Welt ist wärmer neben dir', 'du öffnest mir so manche Tür', 'danke, {name}, für alles hier'] },
      { title: 'Für Alles', lines: ['{name}, für alles, was du gibst', 'für jede Angst, die du vertreibst', 'ich weiß genau, dass du mir bleibst', '{name}, für alles, was du gibst'] },
    ],
    encouragement: [
      { title: 'Du Schaffst Das', lines: ['Komm schon, {name}, du schaffst das', 'gib niemals auf, gib einfach Gas', 'du bist so stark, weißt du das', 'komm schon, {name}, du schaffst das'] },
      { title: 'Flieg Hoch Hinaus', lines: ['Flieg los, {name}, flieg hoch hinaus', 'der Himmel wartet, breit dich aus', 'du bist bereit, jetzt geht es raus', 'flieg los, {name}, flieg hoch hinaus'] },
    ],
    celebration: [
      { title: 'Heut Ist Dein Tag', lines: ['Heut ist dein Tag, {name}, strahl', 'die Sterne tanzen überall', 'heb dein Glas noch einmal', 'heut ist dein Tag, {name}, strahl'] },
      { title: 'Lass Uns Feiern', lines: ['Hey {name}, lass uns feiern gehn', 'die Musik ist laut, die Nacht ist schön', 'heb die Hände, bleib nicht stehn', 'hey {name}, lass uns feiern gehn'] },
    ],
    apology: [
      { title: 'Es Tut Mir Leid', lines: ['{name}, es tut mir leid', 'ich bin zu allem bereit', 'gib mir nur ein bisschen Zeit', '{name}, es tut mir leid'] },
      { title: 'Ich Will Es Gutmachen', lines: ['{name}, ich will es gutmachen', 'ich will dich wieder sehen lachen', 'wir reden über alle Sachen', '{name}, ich will es gutmachen'] },
    ],
    'missing-you': [
      { title: 'Ich Vermisse Dich', lines: ['{name}, ich vermisse dich', 'seit du weg bist, fehlt mir das Licht', 'ich lass die Lampe an für dich', '{name}, ich vermisse dich'] },
      { title: 'Komm Bald Heim', lines: ['Komm bald heim, {name}, komm bald heim', 'der Mond und ich sind so allein', 'dies kleine Lied soll bei dir sein', 'komm bald heim, {name}, komm bald heim'] },
    ],
    pride: [
      { title: 'So Stolz auf Dich', lines: ['{name}, ich bin so stolz auf dich', 'du leuchtest hell, ein eignes Licht', 'du gibst nicht auf, das tust du nicht', '{name}, ich bin so stolz auf dich'] },
      { title: 'Du Hast Es Geschafft', lines: ['Du hast es geschafft, {name}, ja', 'dein Name steht am Himmel da', 'ich wusste es, ich war dir nah', 'du hast es geschafft, {name}, ja'] },
    ],
  },
  bridge: {
    love: [['Und wenn die ganze Welt zerbricht', 'ich find dich, denn ich lass dich nicht']],
    gratitude: [['Ich hab es nie genug gesagt', 'drum sing ich es, bevor es tagt']],
    encouragement: [['Und wenn du fällst, bin ich bei dir', 'ich heb dich auf, ich bleibe hier']],
    celebration: [['Noch ein Lied und noch ein Tanz', 'noch eine Nacht voll Licht und Glanz']],
    apology: [['Ich kann das Gestern nicht mehr drehn', 'doch ich kann heut zu dir stehn']],
    'missing-you': [['Schließ die Augen, ich bin da', 'in diesem Lied bin ich dir nah']],
    pride: [['Vom ersten Schritt bis ganz nach oben', 'hat dich kein Sturm je weggeschoben']],
  },
  vibe: {
    upbeat: [['Dreh es auf und spür den Beat', 'die Sonne tanzt in unserm Lied']],
    heartfelt: [['Ich schreib die Worte aus dem Herzen', 'mit ganz viel Licht und ohne Schmerzen']],
    calm: [['Ganz langsam wird der Abend still', 'das Licht ruht, wo es ruhen will']],
    epic: [['Wir stehen am Rand vom Himmelszelt', 'die Fahnen hoch vor aller Welt']],
    playful: [['Dreh dich im Kreis, zieh ein Gesicht', 'wir jagen Wolken, siehst du nicht']],
    nostalgic: [['Weißt du noch, der Sommerregen', 'die Fahrräder auf allen Wegen']],
  },
  any: [
    ['Dies Lied ist nur für dich gemacht', 'ich hab dabei an dich gedacht'],
    ['Was morgen kommt, ist einerlei', 'mit diesem Lied bin ich dabei'],
  ],
  rhymes: [
    { words: ['dich', 'mich', 'sich', 'ich', 'licht', 'nicht', 'gesicht', 'gedicht'], lines: ['ich denke jeden Tag an dich', 'du bist mein allerschönstes Licht'] },
    { words: ['dir', 'mir', 'hier', 'wir', 'tur', 'vier', 'ihr'], lines: ['ich bin so gerne hier bei dir', 'du öffnest mir die schönste Tür'] },
    { words: ['herz', 'schmerz', 'scherz'], lines: ['du bist mein Licht, mein ganzes Herz', 'du heilst mit einem Blick den Schmerz'] },
    { words: ['leid', 'zeit', 'weit', 'bereit', 'ewigkeit', 'dankbarkeit', 'freud'], lines: ['ich bin für dich zu allem bereit', ['ich danke dir für all die Zeit', ['gratitude', 'love', 'pride', 'celebration', 'missing-you', 'encouragement']]] },
    { words: ['tag', 'mag', 'sag', 'lag', 'frag'], lines: ['du machst mir schöner jeden Tag', 'weil ich dich so von Herzen mag'] },
    { words: ['sehr', 'mehr', 'schwer', 'her', 'meer', 'leer'], lines: ['ich brauche dich so sehr', 'und jeden Tag noch mehr'] },
    { words: ['geschafft', 'kraft', 'schafft'], lines: ['du hast so unglaublich viel Kraft', ['du hast es wirklich geschafft', ['pride', 'celebration']]] },
    { words: ['zusammen', 'flammen'], lines: ['wir stehen fest zusammen', 'wie helle kleine Flammen'] },
    { words: ['immer', 'schimmer', 'zimmer', 'nimmer'], lines: ['ich bin bei dir für immer', 'du bist mein heller Schimmer'] },
    { words: ['sein', 'allein', 'klein', 'mein', 'dein', 'ein', 'heim', 'schein', 'verzeihen'], lines: ['ich will für immer bei dir sein', 'mit dir bin ich nie allein'] },
    { words: ['haus', 'hinaus', 'raus', 'aus', 'applaus'], lines: ['mit dir fühl ich mich zu Haus', ['für dich gibt es den größten Applaus', ['pride', 'celebration', 'gratitude', 'encouragement']]] },
  ],
  free: ['und das mein ich wirklich so', 'hör gut zu, was ich dir sag', 'das wollt ich dir schon lange sagen', 'ich sag es dir noch einmal'],
  shortFrames: ['{phrase}, das sag ich dir', 'ich sag dir: {phrase}'],
};
