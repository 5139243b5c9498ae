// The words of the server-rendered pages (share, feed, not found) in the six languages. The share page
// speaks the song's language (the person it was made for reads it); the feed follows Accept-Language.
import { LANGUAGES, isLanguage, type Language } from '@radio-optimism/shared';

export interface PageStrings {
  tagline: string;
  songFor: (to: string) => string;
  fromWho: (from: string) => string;
  theirWords: string;
  lyrics: string;
  noAudio: string;
  moreSongs: string;
  feedTitle: string;
  feedIntro: string;
  feedEmpty: string;
  /** The link to the next page of the feed. */
  feedOlder: string;
  notFoundTitle: string;
  notFoundText: string;
  description: (to: string, from: string | null) => string;
  pairTitle: string;
  needsScript: string;
  takeItWithYou: string;
  downloadSong: string;
  downloadCover: string;
  lyricVideo: string;
  videoNote: string;
  share: string;
  copyLink: string;
  linkCopied: string;
}

export const PAGE_STRINGS: Record<Language, PageStrings> = {
  en: {
    tagline: 'Songs made from a few words to someone you love.',
    songFor: (to) => `A song for ${to}`,
    fromWho: (from) => `from ${from}`,
    theirWords: 'The dedication',
    lyrics: 'Lyrics',
    noAudio: 'Your browser cannot play this song.',
    moreSongs: 'Hear more songs',
    feedTitle: 'Songs on air',
    feedIntro: 'Every song here began as a few words to someone.',
    feedEmpty: 'No songs yet. The next one could be yours.',
    feedOlder: 'Older songs',
    notFoundTitle: 'This song is not here',
    notFoundText: 'The link may be mistyped, or the song is no longer shared.',
    description: (to, from) => (from ? `An original song made for ${to}, from ${from}.` : `An original song made for ${to}.`),
    pairTitle: 'Make a song',
    needsScript: 'This page needs JavaScript to pair with your TV.',
    takeItWithYou: 'Take it with you',
    downloadSong: 'Download the song',
    downloadCover: 'Download the cover',
    lyricVideo: 'Lyric video',
    videoNote: 'Made the first time you ask: it can take a minute.',
    share: 'Share',
    copyLink: 'Copy the link',
    linkCopied: 'Link copied',
  },
  es: {
    tagline: 'Canciones hechas con unas pocas palabras para alguien a quien quieres.',
    songFor: (to) => `Una canción para ${to}`,
    fromWho: (from) => `de ${from}`,
    theirWords: 'La dedicatoria',
    lyrics: 'Letra',
    noAudio: 'Tu navegador no puede reproducir esta canción.',
    moreSongs: 'Escuchar más canciones',
    feedTitle: 'Canciones al aire',
    feedIntro: 'Cada canción empezó con unas pocas palabras para alguien.',
    feedEmpty: 'Aún no hay canciones. La próxima puede ser la tuya.',
    feedOlder: 'Canciones anteriores',
    notFoundTitle: 'Esta canción no está aquí',
    notFoundText: 'Puede que el enlace esté mal escrito o que la canción ya no se comparta.',
    description: (to, from) => (from ? `Una canción original para ${to}, de ${from}.` : `Una canción original para ${to}.`),
    pairTitle: 'Crea una canción',
    needsScript: 'Esta página necesita JavaScript para conectarse con tu tele.',
    takeItWithYou: 'Llévatela contigo',
    downloadSong: 'Descargar la canción',
    downloadCover: 'Descargar la portada',
    lyricVideo: 'Video con letra',
    videoNote: 'Se crea la primera vez que lo pides: puede tardar un minuto.',
    share: 'Compartir',
    copyLink: 'Copiar el enlace',
    linkCopied: 'Enlace copiado',
  },
  pt: {
    tagline: 'Canções feitas com poucas palavras para alguém que você ama.',
    songFor: (to) => `Uma canção para ${to}`,
    fromWho: (from) => `de ${from}`,
    theirWords: 'A dedicatória',
    lyrics: 'Letra',
    noAudio: 'Seu navegador não consegue tocar esta canção.',
    moreSongs: 'Ouvir mais canções',
    feedTitle: 'Canções no ar',
    feedIntro: 'Cada canção aqui começou com poucas palavras para alguém.',
    feedEmpty: 'Ainda não há canções. A próxima pode ser a sua.',
    feedOlder: 'Canções anteriores',
    notFoundTitle: 'Esta canção não está aqui',
    notFoundText: 'O link pode estar errado, ou a canção não está mais compartilhada.',
    description: (to, from) => (from ? `Uma canção original feita para ${to}, de ${from}.` : `Uma canção original feita para ${to}.`),
    pairTitle: 'Crie uma canção',
    needsScript: 'Esta página precisa de JavaScript para se conectar à sua TV.',
    takeItWithYou: 'Leve com você',
    downloadSong: 'Baixar a música',
    downloadCover: 'Baixar a capa',
    lyricVideo: 'Vídeo com letra',
    videoNote: 'É feito na primeira vez que você pede: pode levar um minuto.',
    share: 'Compartilhar',
    copyLink: 'Copiar o link',
    linkCopied: 'Link copiado',
  },
  fr: {
    tagline: 'Des chansons nées de quelques mots pour quelqu’un que vous aimez.',
    songFor: (to) => `Une chanson pour ${to}`,
    fromWho: (from) => `de la part de ${from}`,
    theirWords: 'La dédicace',
    lyrics: 'Paroles',
    noAudio: 'Votre navigateur ne peut pas lire cette chanson.',
    moreSongs: 'Écouter d’autres chansons',
    feedTitle: 'Chansons à l’antenne',
    feedIntro: 'Chaque chanson ici est née de quelques mots pour quelqu’un.',
    feedEmpty: 'Pas encore de chansons. La prochaine sera peut-être la vôtre.',
    feedOlder: 'Chansons précédentes',
    notFoundTitle: 'Cette chanson n’est pas ici',
    notFoundText: 'Le lien est peut-être mal saisi, ou la chanson n’est plus partagée.',
    description: (to, from) => (from ? `Une chanson originale pour ${to}, de la part de ${from}.` : `Une chanson originale pour ${to}.`),
    pairTitle: 'Créer une chanson',
    needsScript: 'Cette page a besoin de JavaScript pour se connecter à votre télé.',
    takeItWithYou: 'À emporter',
    downloadSong: 'Télécharger la chanson',
    downloadCover: 'Télécharger la pochette',
    lyricVideo: 'Vidéo avec paroles',
    videoNote: 'Créée à la première demande : cela peut prendre une minute.',
    share: 'Partager',
    copyLink: 'Copier le lien',
    linkCopied: 'Lien copié',
  },
  de: {
    tagline: 'Lieder aus ein paar Worten an jemanden, den du liebst.',
    songFor: (to) => `Ein Lied für ${to}`,
    fromWho: (from) => `von ${from}`,
    theirWords: 'Die Widmung',
    lyrics: 'Songtext',
    noAudio: 'Dein Browser kann dieses Lied nicht abspielen.',
    moreSongs: 'Mehr Lieder hören',
    feedTitle: 'Lieder on air',
    feedIntro: 'Jedes Lied hier begann mit ein paar Worten an jemanden.',
    feedEmpty: 'Noch keine Lieder. Das nächste könnte deins sein.',
    feedOlder: 'Ältere Lieder',
    notFoundTitle: 'Dieses Lied ist nicht hier',
    notFoundText: 'Vielleicht ist der Link falsch, oder das Lied wird nicht mehr geteilt.',
    description: (to, from) => (from ? `Ein eigenes Lied für ${to}, von ${from}.` : `Ein eigenes Lied für ${to}.`),
    pairTitle: 'Ein Lied machen',
    needsScript: 'Diese Seite braucht JavaScript, um sich mit deinem Fernseher zu verbinden.',
    takeItWithYou: 'Zum Mitnehmen',
    downloadSong: 'Lied herunterladen',
    downloadCover: 'Cover herunterladen',
    lyricVideo: 'Video mit Songtext',
    videoNote: 'Wird beim ersten Abruf erstellt: das kann eine Minute dauern.',
    share: 'Teilen',
    copyLink: 'Link kopieren',
    linkCopied: 'Link kopiert',
  },
  ko: {
    tagline: '사랑하는 사람에게 건네는 몇 마디로 만든 노래.',
    songFor: (to) => `${to}님을 위한 노래`,
    fromWho: (from) => `${from} 드림`,
    theirWords: '헌정 메시지',
    lyrics: '가사',
    noAudio: '이 브라우저에서는 노래를 재생할 수 없어요.',
    moreSongs: '다른 노래 듣기',
    feedTitle: '방송 중인 노래',
    feedIntro: '여기 있는 모든 노래는 누군가에게 건넨 몇 마디에서 시작됐어요.',
    feedEmpty: '아직 노래가 없어요. 다음 노래의 주인공은 당신일 수도 있어요.',
    feedOlder: '이전 노래',
    notFoundTitle: '이 노래를 찾을 수 없어요',
    notFoundText: '링크가 잘못되었거나 더 이상 공유되지 않는 노래예요.',
    description: (to, from) => (from ? `${from}님이 ${to}님을 위해 만든 오리지널 노래.` : `${to}님을 위해 만든 오리지널 노래.`),
    pairTitle: '노래 만들기',
    needsScript: 'TV와 연결하려면 JavaScript가 필요해요.',
    takeItWithYou: '간직하기',
    downloadSong: '노래 내려받기',
    downloadCover: '커버 내려받기',
    lyricVideo: '가사 영상',
    videoNote: '처음 요청할 때 만들어져요. 1분쯤 걸릴 수 있어요.',
    share: '공유하기',
    copyLink: '링크 복사',
    linkCopied: '링크를 복사했어요',
  },
};

export const stringsFor = (language: string): PageStrings => PAGE_STRINGS[isLanguage(language) ? language : 'en'];

/** The first of our languages the browser asks for (Accept-Language, by q then order), else English. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: (tag ?? '').trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1, order };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const r of ranked) if ((LANGUAGES as readonly string[]).includes(r.base)) return r.base as Language;
  return 'en';
}
