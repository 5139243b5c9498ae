import type { Lexicon } from './lexicon.js';

export const EN: Lexicon = {
  themes: {
    love: ['love', 'adore', 'my heart', 'heart', 'darling', 'sweetheart', 'forever yours', 'kiss', 'beautiful', 'soulmate', 'cherish', 'xoxo'],
    gratitude: ['thank', 'thanks', 'grateful', 'gratitude', 'appreciate', 'thankful', 'for everything', 'you gave', 'taught me', 'always there'],
    encouragement: ['you can do', 'you got this', "you've got this", 'good luck', 'believe in you', 'keep going', "don't give up", 'never give up', 'hang in', 'strong', 'brave', 'courage', 'exam', '=exams', 'interview', 'fight', 'chin up', 'go get'],
    celebration: ['birthday', 'congrat', 'celebrat', 'happy new', 'anniversary', 'party', 'cheers', 'wedding', 'graduat', 'promotion', 'hooray', 'yay', 'new job', 'new baby'],
    apology: ['sorry', 'apolog', 'forgive', 'my fault', 'my mistake', 'regret', 'i was wrong', 'make it up', 'hurt you'],
    'missing-you': ['=miss', 'missed', 'missing', 'misses', 'far away', 'so far', 'come home', 'come back', 'wish you were', 'see you soon', 'distance', 'apart', 'until we meet', 'remember when', 'the old days'],
    pride: ['proud', 'you did it', 'amazing job', 'well done', 'so far you', 'achiev', 'accomplish', 'you made it', 'champion', 'winner', 'inspire', 'hero'],
  },
  relations: {
    family: ['mom', 'mum', 'mommy', 'mother', 'mama', 'dad', 'daddy', 'father', 'papa', 'grandma', 'granny', 'grandpa', 'grandmother', 'grandfather', 'sister', 'sis', 'brother', 'bro', 'son', 'daughter', 'aunt', 'uncle', 'cousin', 'family', 'nana'],
    partner: ['babe', 'baby', 'honey', 'my love', 'wife', 'husband', 'girlfriend', 'boyfriend', 'darling', 'sweetheart', 'fiance', 'hubby', 'wifey'],
    friend: ['friend', 'buddy', 'pal', 'bestie', 'bff', 'mate', 'dude'],
    team: ['team', 'colleague', 'coworker', 'crew', 'squad', 'everyone at', 'guys'],
    pet: ['dog', 'doggy', 'puppy', 'cat', 'kitty', 'kitten', 'good boy', 'good girl', 'pup'],
    self: ['myself', 'note to self', 'future me'],
  },
  stopWords: `a an the and or but of to in on at by for from with as is am are was were be been being it its it's i i'm i've me my we
    us our you you're your yours he him his she her they them their that this these those than then so if do does did has have had
    will would can could just all very really too also there here what when where how who which not no yes oh hey hi hello dear
    to into up out about im ive youre dont don't get got`.split(/\s+/),
};
