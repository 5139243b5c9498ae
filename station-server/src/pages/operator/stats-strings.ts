// The Statistics page's words in the six languages (English is the reference; every other language
// has exactly its keys). Joined into the console's table in strings.ts.
import type { Language } from '@radio-optimism/shared';

const en = {
  stats: 'Statistics',
  statsRangeHour: 'Last hour',
  statsRangeDay: 'Last 24 hours',
  statsRangeWeek: 'Last 7 days',
  statsRange: 'Period',
  statsTime: 'Time',
  statsNow: 'Listening now',
  statsPeak: 'Most at once',
  statsPlaysTotal: 'Songs played',
  statsSent: 'Dedications sent',
  statsListeners: 'Listeners per channel',
  statsListenersNote: 'The most listeners at once in each step. A listener is a player that fetched its playlist in the last 4 seconds.',
  statsPlays: 'Songs played per channel',
  statsFunnel: 'Radio dedications, step by step',
  statsFunnel_sent: 'Sent',
  statsFunnel_made: 'Made',
  statsFunnel_approved: 'Approved',
  statsFunnel_aired: 'Aired',
  statsFunnel_listened: 'Heard by someone',
  statsAbout: 'What people write about',
  statsThemes: 'Themes',
  statsRelations: 'For whom',
  statsLanguages: 'Languages',
  statsTopSongs: 'Most played songs',
  statsPlaysCol: 'Plays',
  statsDeleted: '(song deleted)',
  statsNothing: 'Nothing in this period yet.',
  statsCsv: 'Download CSV',
  statsUpdated: 'Updated {time}',
};

export type StatsStrings = typeof en;

const es: StatsStrings = {
  stats: 'Estadísticas', statsTime: 'Hora', statsRangeHour: 'Última hora', statsRangeDay: 'Últimas 24 horas', statsRangeWeek: 'Últimos 7 días', statsRange: 'Periodo',
  statsNow: 'Escuchando ahora', statsPeak: 'Máximo a la vez', statsPlaysTotal: 'Canciones emitidas', statsSent: 'Dedicatorias enviadas',
  statsListeners: 'Oyentes por canal', statsListenersNote: 'El máximo de oyentes a la vez en cada tramo. Un oyente es un reproductor que pidió su lista en los últimos 4 segundos.',
  statsPlays: 'Canciones emitidas por canal', statsFunnel: 'Dedicatorias a la radio, paso a paso',
  statsFunnel_sent: 'Enviadas', statsFunnel_made: 'Creadas', statsFunnel_approved: 'Aprobadas', statsFunnel_aired: 'Emitidas', statsFunnel_listened: 'Escuchadas por alguien',
  statsAbout: 'Sobre qué escribe la gente', statsThemes: 'Temas', statsRelations: 'Para quién', statsLanguages: 'Idiomas',
  statsTopSongs: 'Canciones más emitidas', statsPlaysCol: 'Veces', statsDeleted: '(canción borrada)', statsNothing: 'Todavía nada en este periodo.',
  statsCsv: 'Descargar CSV', statsUpdated: 'Actualizado a las {time}',
};

const pt: StatsStrings = {
  stats: 'Estatísticas', statsTime: 'Hora', statsRangeHour: 'Última hora', statsRangeDay: 'Últimas 24 horas', statsRangeWeek: 'Últimos 7 dias', statsRange: 'Período',
  statsNow: 'Ouvindo agora', statsPeak: 'Máximo ao mesmo tempo', statsPlaysTotal: 'Músicas tocadas', statsSent: 'Dedicatórias enviadas',
  statsListeners: 'Ouvintes por canal', statsListenersNote: 'O máximo de ouvintes ao mesmo tempo em cada intervalo. Um ouvinte é um player que pediu sua lista nos últimos 4 segundos.',
  statsPlays: 'Músicas tocadas por canal', statsFunnel: 'Dedicatórias para a rádio, passo a passo',
  statsFunnel_sent: 'Enviadas', statsFunnel_made: 'Criadas', statsFunnel_approved: 'Aprovadas', statsFunnel_aired: 'No ar', statsFunnel_listened: 'Ouvidas por alguém',
  statsAbout: 'Sobre o que as pessoas escrevem', statsThemes: 'Temas', statsRelations: 'Para quem', statsLanguages: 'Idiomas',
  statsTopSongs: 'Músicas mais tocadas', statsPlaysCol: 'Vezes', statsDeleted: '(música apagada)', statsNothing: 'Ainda nada neste período.',
  statsCsv: 'Baixar CSV', statsUpdated: 'Atualizado às {time}',
};

const fr: StatsStrings = {
  stats: 'Statistiques', statsTime: 'Heure', statsRangeHour: 'Dernière heure', statsRangeDay: 'Dernières 24 heures', statsRangeWeek: '7 derniers jours', statsRange: 'Période',
  statsNow: 'À l’écoute', statsPeak: 'Maximum simultané', statsPlaysTotal: 'Chansons diffusées', statsSent: 'Dédicaces envoyées',
  statsListeners: 'Auditeurs par chaîne', statsListenersNote: 'Le plus d’auditeurs simultanés à chaque pas. Un auditeur est un lecteur qui a demandé sa playlist dans les 4 dernières secondes.',
  statsPlays: 'Chansons diffusées par chaîne', statsFunnel: 'Dédicaces pour la radio, étape par étape',
  statsFunnel_sent: 'Envoyées', statsFunnel_made: 'Créées', statsFunnel_approved: 'Approuvées', statsFunnel_aired: 'Diffusées', statsFunnel_listened: 'Entendues par quelqu’un',
  statsAbout: 'De quoi parlent les gens', statsThemes: 'Thèmes', statsRelations: 'Pour qui', statsLanguages: 'Langues',
  statsTopSongs: 'Chansons les plus diffusées', statsPlaysCol: 'Diffusions', statsDeleted: '(chanson supprimée)', statsNothing: 'Rien encore sur cette période.',
  statsCsv: 'Télécharger le CSV', statsUpdated: 'Mis à jour à {time}',
};

const de: StatsStrings = {
  stats: 'Statistik', statsTime: 'Zeit', statsRangeHour: 'Letzte Stunde', statsRangeDay: 'Letzte 24 Stunden', statsRangeWeek: 'Letzte 7 Tage', statsRange: 'Zeitraum',
  statsNow: 'Hören gerade zu', statsPeak: 'Höchstens gleichzeitig', statsPlaysTotal: 'Gespielte Songs', statsSent: 'Gesendete Widmungen',
  statsListeners: 'Hörer je Kanal', statsListenersNote: 'Die meisten gleichzeitigen Hörer je Abschnitt. Ein Hörer ist ein Player, der seine Playlist in den letzten 4 Sekunden abgerufen hat.',
  statsPlays: 'Gespielte Songs je Kanal', statsFunnel: 'Widmungen fürs Radio, Schritt für Schritt',
  statsFunnel_sent: 'Gesendet', statsFunnel_made: 'Erstellt', statsFunnel_approved: 'Freigegeben', statsFunnel_aired: 'Gesendet im Radio', statsFunnel_listened: 'Von jemandem gehört',
  statsAbout: 'Worüber die Leute schreiben', statsThemes: 'Themen', statsRelations: 'Für wen', statsLanguages: 'Sprachen',
  statsTopSongs: 'Meistgespielte Songs', statsPlaysCol: 'Mal gespielt', statsDeleted: '(Song gelöscht)', statsNothing: 'In diesem Zeitraum noch nichts.',
  statsCsv: 'CSV herunterladen', statsUpdated: 'Aktualisiert um {time}',
};

const ko: StatsStrings = {
  stats: '통계', statsTime: '시간', statsRangeHour: '최근 1시간', statsRangeDay: '최근 24시간', statsRangeWeek: '최근 7일', statsRange: '기간',
  statsNow: '지금 듣는 중', statsPeak: '최대 동시 청취', statsPlaysTotal: '방송된 곡', statsSent: '보낸 사연',
  statsListeners: '채널별 청취자', statsListenersNote: '구간마다 동시에 들은 최대 청취자 수입니다. 청취자는 최근 4초 안에 재생 목록을 받아 간 플레이어입니다.',
  statsPlays: '채널별 방송된 곡', statsFunnel: '라디오 사연, 단계별',
  statsFunnel_sent: '보냄', statsFunnel_made: '제작됨', statsFunnel_approved: '승인됨', statsFunnel_aired: '방송됨', statsFunnel_listened: '누군가 들음',
  statsAbout: '사람들이 쓰는 이야기', statsThemes: '주제', statsRelations: '받는 사람', statsLanguages: '언어',
  statsTopSongs: '가장 많이 방송된 곡', statsPlaysCol: '횟수', statsDeleted: '(삭제된 곡)', statsNothing: '이 기간에는 아직 아무것도 없습니다.',
  statsCsv: 'CSV 내려받기', statsUpdated: '{time} 업데이트',
};

export const STATS_STRINGS: Record<Language, StatsStrings> = { en, es, pt, fr, de, ko };
