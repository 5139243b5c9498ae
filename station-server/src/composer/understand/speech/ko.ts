import type { SpeechModel } from './model.js';

// Korean cues are stems found inside a sentence (고마 finds 고마워, 고마워요, 고마웠어).
export const KO: SpeechModel = {
  acts: {
    gratitude: ['고마', '고맙', '감사', ['덕분', 1.5]],
    apology: [['미안', 3.5], ['죄송', 3.5], ['용서해', 3.5], ['잘못했', 3], ['사과할게', 3], ['잘못', 1], ['잊', 1.5]],
    celebration: ['축하', '생축', ['생일 파티', 1.5]],
    'missing-you': ['보고 싶', '보고싶', '그리워', '그립', '돌아와', ['그리운', 1.5]],
    love: [['사랑해', 2], ['사랑한다', 2], ['사랑합니다', 2], ['좋아해', 2]],
    encouragement: ['힘내', '화이팅', '파이팅', '할 수 있', '포기하지 마', '포기하지 말', '응원', ['잘 봐', 2.5], ['잘 보고', 2.5], ['잘할 거', 2.5], ['잘 될 거', 2.5], ['잘될 거', 2.5], ['믿어', 2], ['강해', 1]],
    pride: ['자랑스러', '대견', '장하', ['잘했', 2], ['해냈', 2]],
  },
  negators: ['안', '못'],
  negatorsAfter: ['아니', '않', '없'],
  // Korean phrases break after connective endings, checked on the 어절 (see phrase-model.ts).
  openers: ['그리고', '하지만', '그래서', '그런데', '근데', '그러니까', '그래도'],
  determiners: [],
  prepositions: [],
  dangling: ['그리고', '하지만', '그래서', '그런데', '근데', '그', '이', '저', '내', '네', '우리', '너의', '나의', '제', '더', '너무', '정말', '진짜', '아주', '가장', '제일', '꼭', '안', '못'],
};
