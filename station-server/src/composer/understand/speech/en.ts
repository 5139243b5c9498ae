import type { SpeechModel } from './model.js';

export const EN: SpeechModel = {
  acts: {
    gratitude: ['thank*', 'grateful', 'appreciate*', 'can t thank you enough', ['thanks to you', 2]],
    apology: [['sorry', 3.5], ['apolog*', 3.5], ['forgive me', 3.5], 'i was wrong', 'my fault', 'my bad', ['i shouldn t have', 2.5], ['forgot', 1.5], ['forget', 1.5], ['make it up to you', 2]],
    celebration: ['happy birthday', 'happy anniversary', 'happy new year', 'happy graduation', 'congrat*', 'many happy returns', ['cheers to', 2], ['celebrat*', 1.5], ['happy ~ day', 2]],
    'missing-you': ['miss you', 'i miss', 'we miss', 'missing you', 'missed you', 'come home', 'come back', 'wish you were here', ['can t wait to see you', 2], ['without you', 1.2], ['far away', 1]],
    love: [['love you', 2], ['adore you', 2], ['love of my life', 2], ['in love with you', 2], ['my heart', 1]],
    encouragement: ['good luck', 'best of luck', 'you can do it', 'you can do this', 'you ve got this', 'you got this', 'don t give up', 'never give up', 'keep going', 'keep it up', 'believe in you', 'cheering for you', 'rooting for you', ['you ll be great', 2], ['you ll do great', 2], ['you re ready', 2], 'hang in there', 'chin up', 'break a leg', ['you ll nail it', 2], ['stronger than you think', 2]],
    pride: ['proud*', ['well done', 2], ['you did it', 2], ['you made it', 2], ['so impressed', 2], ['bravo', 2]],
  },
  contact: { subjects: ['i', 'you', 'we', 'they', 'he', 'she'], determiners: ['the', 'a', 'an', 'every', 'each', 'all', 'my', 'your', 'our', 'those', 'that', 'this', 'these', 'last', 'first'] },
  negators: ['not', 'never', 'no', 'don t', 'didn t', 'doesn t', 'won t', 'can t', 'couldn t', 'isn t', 'wasn t', 'aren t', 'haven t', 'hasn t', 'wouldn t', 'shouldn t'],
  openers: ['and', 'but', 'or', 'so', 'because', 'since', 'when', 'while', 'if', 'though', 'although', 'that', 'who', 'which', 'where', 'until', 'before', 'after', 'even', 'as'],
  determiners: ['the', 'a', 'an', 'my', 'your', 'his', 'her', 'our', 'their', 'this', 'these', 'those', 'is', 'are', 'was', 'were'],
  prepositions: ['for', 'to', 'with', 'in', 'on', 'at', 'from', 'by', 'about', 'through', 'without', 'into', 'over', 'under', 'of', 'like', 'every', 'each'],
  dangling: `a an the and or but so because since when while if though although that who which where until of to for with in on at
    from by about through without into over under like my your his her our their its this these those i we he she they is am are was
    were be been has have had will would can could should do does did not just very every each some no as than then`.split(/\s+/),
};
