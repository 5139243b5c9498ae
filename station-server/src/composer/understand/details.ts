// Occasions and details a message mentions, read apart from its intent: a birthday in "sorry I forgot
// your birthday" is imagery for an apology, not a reason to throw a party. Stems, matched on folded
// words ('=word' matches only that word; Korean: inside the sentence).
import type { Language } from '@radio-optimism/shared';
import type { Detail } from '../types.js';
import { fold } from './text.js';

const STEMS: Record<Detail, readonly string[]> = {
  birthday: ['birthday', 'cumpleanos', 'aniversario', 'aniversario', 'anniversaire', 'geburtstag', '생일', '생축'],
  anniversary: ['anniversary', 'aniversario de', 'namoro', 'jubilaum', 'hochzeitstag', '기념일'],
  wedding: ['wedding', 'married', 'boda', 'casamento', 'mariage', 'hochzeit', '결혼'],
  graduation: ['graduat', 'graduacion', 'formatura', 'diplome', 'abschluss', '졸업'],
  exam: ['exam', '=test', 'examen', 'prova', 'prufung', '=bac', '시험', '합격', '수능'],
  work: ['job', 'interview', 'promotion', 'office', 'trabajo', 'ascenso', 'entrevista', 'trabalho', 'emprego', 'travail', 'promotion', 'audition', 'beforderung', 'arbeit', '면접', '승진', '월급', '회사'],
  sport: ['marathon', 'match', 'game', '=cup', 'season', 'team', 'practice', 'partido', 'temporada', 'jogo', 'treino', 'maratona', 'equipa', 'finale', 'saison', 'equipe', 'training', 'runde', 'mannschaft', '우승', '경기', '팀'],
  distance: ['moved', 'miles', '=far', 'madrid', 'berlin', 'lyon', 'lisboa', 'hamburg', 'sevilla', 'bretagne', 'seoul', 'fuiste', 'partie', 'parti', 'longe', 'lejos', 'loin', 'weit', '서울', '이사', '멀리', '한국'],
  illness: ['sick', 'hospital', 'enferm', 'doente', 'malade', 'krank', '아프', '병원'],
  pet: ['tail', 'walk', '=paw', '=paws', 'cola', 'pata', 'lambidel', 'patte', 'schwanz', 'gassi', '꼬리', '산책', '강아지', '고양이'],
  music: ['piano', 'song', 'singing', '=sang', 'guitar', 'escenario', 'cantaste', 'musica', 'chanson', 'lied', '노래', '피아노'],
};

export function detailsOf(message: string, language: Language): Detail[] {
  const words = fold(message).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const text = fold(message);
  const found: Detail[] = [];
  for (const [detail, stems] of Object.entries(STEMS) as [Detail, readonly string[]][]) {
    const hit = stems.some((stem) =>
      /[\uAC00-\uD7A3]/u.test(stem) ? language === 'ko' && text.includes(stem) : stem.startsWith('=') ? words.includes(stem.slice(1)) : stem.includes(' ') ? ` ${words.join(' ')} `.includes(` ${stem}`) : words.some((w) => w.startsWith(stem)),
    );
    if (hit) found.push(detail);
  }
  return found;
}
