// What the station says between songs, in each language: the spoken intro of a dedication and the
// station IDs. Written for each language rather than translated word by word.
import type { Language } from '@radio-optimism/shared';

/** eSpeak voices the announcer speaks with. */
export const ANNOUNCER_VOICES: Record<Language, string> = { en: 'en-us+m3', es: 'es+m3', pt: 'pt-br+m3', fr: 'fr+m3', de: 'de+m3', ko: 'ko+m3' };

/** The intro's words ("this one goes out to …, from …"). */
export function introText(language: Language, to: string, from: string | null): string {
  switch (language) {
    case 'es':
      return from ? `Esta canción va para ${to}, de parte de ${from}.` : `Esta canción va para ${to}, con mucho cariño.`;
    case 'pt':
      return from ? `Essa música vai para ${to}, com carinho de ${from}.` : `Essa música vai para ${to}, com muito carinho.`;
    case 'fr':
      return from ? `Cette chanson est pour ${to}, de la part de ${from}.` : `Cette chanson est pour ${to}, avec tendresse.`;
    case 'de':
      return from ? `Dieses Lied geht an ${to}, von ${from}.` : `Dieses Lied geht an ${to}, von Herzen.`;
    case 'ko':
      return from ? `${from}님이 ${to}님께 보내는 노래입니다.` : `${to}님께 보내는 노래입니다.`;
    default:
      return from ? `This one goes out to ${to}, from ${from}.` : `This one goes out to ${to}, with love.`;
  }
}

export const STATION_IDS: Record<Language, string> = {
  en: 'You are listening to Radio Optimism. Songs for the ones you love.',
  es: 'Estás escuchando Radio Optimism. Canciones para quien más quieres.',
  pt: 'Você está ouvindo a Radio Optimism. Músicas para quem você ama.',
  fr: 'Vous écoutez Radio Optimism. Des chansons pour ceux que vous aimez.',
  de: 'Du hörst Radio Optimism. Lieder für die Menschen, die du liebst.',
  ko: '라디오 옵티미즘을 듣고 계십니다. 사랑하는 사람을 위한 노래.',
};
