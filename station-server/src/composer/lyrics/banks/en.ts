// English lyric bank: pop/ballad idiom, iambic lines of about eight syllables, AABB/ABAB end rhyme.
import type { LyricBank } from '../bank.js';

export const EN: LyricBank = {
  verse: {
    love: [
      ['The morning light looks new with you', 'the simple things feel golden too'],
      ['I hear your laughter down the hall', 'and I am falling, that is all'],
      ['You hold my hand when roads are long', 'you are the reason for this song'],
    ],
    gratitude: [
      ['You gave me more than words can say', 'you lit the lamp and showed the way'],
      ['When I was lost you knew the road', 'you helped me carry every load'],
      ['For all the nights you stayed awake', 'for every chance you helped me take'],
    ],
    encouragement: [
      ['The mountain looks so tall today', 'but one small step will find the way'],
      ['When doubts get loud and nights get long', 'just hum along, you are so strong'],
      ['The storm will pass, the sky will clear', 'and I will cheer for you right here'],
    ],
    celebration: [
      ['Light the candles, fill the room', 'the music plays, the flowers bloom'],
      ['Another year, another start', 'a brand new page, a happy heart'],
      ['So call your friends and dance till late', 'this is a day to celebrate'],
    ],
    apology: [
      ["I said some things I didn't mean", "the worst of me is what you've seen"],
      ['I know the silence has been loud', 'I lost my way inside a cloud'],
      ["I'm sorry for the careless words", 'I never meant for them to hurt'],
    ],
    'missing-you': [
      ['Your chair is empty by the door', 'the house is quiet like before'],
      ['I count the miles, I count the days', 'I see your face in a thousand ways'],
      ['The city lights are not the same', 'without the way you say my name'],
    ],
    pride: [
      ['I watched you climb, I watched you grow', 'you did it all, and now you know'],
      ['You worked so hard when no one saw', 'and now you stand up proud and tall'],
      ['You kept on going through the rain', 'and all your courage broke the chain'],
    ],
  },
  chorus: {
    love: [
      { title: 'Only You', lines: ["Oh {name}, it's only you", 'in every sky, in every blue', "whatever comes, I'll see it through", 'oh {name}, my love is true'] },
      { title: 'My Everything', lines: ["{name}, you're my everything", 'you are the song my heart will sing', 'through every fall and every spring', "{name}, you're my everything"] },
    ],
    gratitude: [
      { title: 'Thank You', lines: ['Thank you, {name}, for all you do', 'my world is warmer thanks to you', "I'll sing it loud, I'll sing it true", 'thank you, {name}, thank you'] },
      { title: 'For Everything', lines: ['{name}, for everything you gave', 'for every fear you helped me brave', 'I hold your kindness like a wave', '{name}, for everything you gave'] },
    ],
    encouragement: [
      { title: 'You Can Fly', lines: ['Go on, {name}, you can fly', 'your wings are ready for the sky', "don't look down and don't ask why", 'go on, {name}, you can fly'] },
      { title: 'Keep Going', lines: ["Keep going, {name}, don't let go", "you're stronger than you'll ever know", 'one more step and on you go', "keep going, {name}, don't let go"] },
    ],
    celebration: [
      { title: 'Tonight Is Yours', lines: ['Tonight is yours, {name}, so shine', 'the stars are dancing in a line', 'raise your glass, the night is fine', 'tonight is yours, {name}, so shine'] },
      { title: "Let's Celebrate", lines: ["Hey {name}, let's celebrate", "the music's loud, the night is great", "throw your hands up, don't you wait", "hey {name}, let's celebrate"] },
    ],
    apology: [
      { title: "I'm Sorry", lines: ["{name}, I'm sorry, hear me now", "I'll find a way, I'll make a vow", 'just give me time to show you how', "{name}, I'm sorry, hear me now"] },
      { title: 'Let Me Make It Right', lines: ['{name}, let me make it right', "I'll stay and talk into the night", 'no more walls and no more fight', '{name}, let me make it right'] },
    ],
    'missing-you': [
      { title: 'I Miss You', lines: ['{name}, I miss you every day', 'since you went so far away', 'I keep the light on anyway', '{name}, I miss you every day'] },
      { title: 'Come Home Soon', lines: ['Come home, {name}, come home soon', "I'm singing to the same old moon", 'I saved for you this little tune', 'come home, {name}, come home soon'] },
    ],
    pride: [
      { title: 'So Proud of You', lines: ["{name}, I'm so proud of you", 'look at all the things you do', 'every dream you carried through', "{name}, I'm so proud of you"] },
      { title: 'You Did It', lines: ["You did it, {name}, you're flying high", 'you wrote your story on the sky', "I knew you could, I'll tell you why", "you did it, {name}, you're flying high"] },
    ],
  },
  bridge: {
    love: [['And if the world should fall apart', "I'd find you with my beating heart"]],
    gratitude: [["I never said it loud enough", "so here's a song to hold my love"]],
    encouragement: [["And if you fall, I'll be around", 'to lift you up above the ground']],
    celebration: [['One more song and one more dance', 'one more night and one more chance']],
    apology: [["I can't undo the yesterday", 'but I can learn a better way']],
    'missing-you': [["Close your eyes and I'll be there", 'a little song across the air']],
    pride: [['From the first step to the crown', 'you never let the world hold you down']],
  },
  vibe: {
    upbeat: [['Turn it up and feel the beat', 'the sun is dancing in the street']],
    heartfelt: [['I wrote these words with all my heart', 'I meant them right from the start']],
    calm: [["Slow down, the evening's soft and still", 'the light is resting on the hill']],
    epic: [["We're standing at the edge of sky", "with every flag we're flying high"]],
    playful: [['Spin around and make a face', "let's race the clouds all over space"]],
    nostalgic: [['Remember summer, bikes and rain', 'the little songs, the window pane']],
  },
  any: [
    ["So here's a song, it's all for you", "a little tune that's always true"],
    ['Whatever comes, whatever stays', 'I want to sing it all my days'],
  ],
  rhymes: [
    { words: ['you', 'true', 'through', 'new', 'do', 'too', 'blue', 'knew'], lines: ['and every word of it is true', 'I wrote this little song for you'] },
    { words: ['me', 'free', 'see', 'be', 'we', 'sea', 'key'], lines: ['you mean the whole wide world to me', "you're all I ever want to see"] },
    { words: ['day', 'way', 'stay', 'say', 'today', 'play', 'okay', 'away', 'may'], lines: ['you make it better every day', "there's nothing more I need to say"] },
    { words: ['heart', 'apart', 'start', 'art', 'part'], lines: ["you're written right across my heart", 'I knew it from the very start'] },
    { words: ['love', 'above', 'of', 'enough'], lines: ["you are the one I'm thinking of", 'you are my sky and stars above'] },
    { words: ['night', 'light', 'bright', 'right', 'tonight', 'sight', 'fight'], lines: ['you are my sunshine and my light', 'you make the darkest sky so bright'] },
    { words: ['mine', 'fine', 'shine', 'line', 'sign', 'divine'], lines: ['you make the cloudy morning shine', 'and everything will be just fine'] },
    { words: ['time', 'rhyme', 'climb', 'chime'], lines: ["I'd choose you every single time", 'you are the reason for this rhyme'] },
    { words: ['everything', 'sing', 'spring', 'thing', 'bring', 'wing', 'ring'], lines: ['you are the reason that I sing', 'you are the sunshine of my spring'] },
    { words: ['home', 'alone', 'own', 'known', 'grown', 'shown'], lines: ["with you I'm never on my own", ["look at the way that you have grown", ['pride', 'celebration', 'gratitude', 'encouragement']]] },
    { words: ['much', 'touch', 'such'], lines: [["I'm grateful for your gentle touch", ['gratitude', 'love', 'missing-you']], "I've never needed someone so much"] },
    { words: ['more', 'before', 'door', 'for', 'sure'], lines: ['you deserve all that and more', 'you open every single door'] },
    { words: ['go', 'know', 'grow', 'so', 'show', 'glow', 'slow'], lines: ['I wanted you to really know', 'you make the little moments glow'] },
    { words: ['soon', 'moon', 'tune', 'june'], lines: ["I'm humming it beneath the moon", ['I hope that I will see you soon', ['missing-you', 'love', 'apology']]] },
    { words: ['forever', 'never', 'ever', 'together', 'clever'], lines: ["I'll carry this with me forever", "we're better when we are together"] },
    { words: ['proud', 'loud', 'crowd', 'cloud', 'allowed'], lines: ["I'll sing it clear, I'll sing it loud", ['you make me stand up tall and proud', ['pride', 'encouragement', 'love', 'gratitude', 'celebration']]] },
    { words: ['best', 'rest', 'test', 'blessed', 'chest'], lines: ['you truly are the very best', 'with you I feel so truly blessed'] },
  ],
  free: ['and I mean it, every word', 'so listen close to me tonight', "that's what I wanted you to hear", "I'll say it one more time"],
  shortFrames: ['{phrase}, I mean it', 'oh, {phrase}'],
};
