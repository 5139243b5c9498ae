// The Channels page's words in the six languages (English is the reference; every other language has
// exactly its keys, checked by the type). Joined with the others in strings.ts.
import type { Language } from '@radio-optimism/shared';

const en = {
  channels: 'Channels',
  onAir: 'On air now',
  upNext: 'Next',
  nothingOnAir: 'Nothing on air yet.',
  timeLeft: '{time} left',
  skip: 'Skip',
  skipped: 'Skipped “{title}”.',
  confirmSkip: 'Skip “{title}” on {channel}? Listeners hear the next song at once.',
  skipNeedsRight: 'A moderator or an admin can skip.',
  showOn: 'Show: {name}',
  playlistOn: 'Playlist: {name}',
  kind_jingle: 'Station ID',
  kind_intro: 'Dedication intro',
  kind_dedication: 'Dedication',
  weekTitle: 'Week of shows',
  weekOf: 'Week of {date}',
  prevWeek: '← Previous week',
  thisWeek: 'This week',
  nextWeek: 'Next week →',
  channel: 'Channel',
  noShows: 'No shows this week: the channel plays its playlist “{name}” all week.',
  outsideShows: 'Outside the shows, the channel plays its playlist “{name}”.',
  truncated: 'Too many shows to draw: only the first {n} are shown.',
  timesIn: 'Times in {zone}.',
};

export type ChannelsStrings = typeof en;

const es: ChannelsStrings = {
  channels: 'Canales', onAir: 'En antena ahora', upNext: 'A continuación', nothingOnAir: 'Todavía no suena nada.', timeLeft: 'quedan {time}',
  skip: 'Saltar', skipped: 'Se saltó «{title}».', confirmSkip: '¿Saltar «{title}» en {channel}? Los oyentes oirán la siguiente canción enseguida.',
  skipNeedsRight: 'Puede saltar un moderador o un administrador.', showOn: 'Programa: {name}', playlistOn: 'Lista: {name}',
  kind_jingle: 'Identificativo', kind_intro: 'Presentación de la dedicatoria', kind_dedication: 'Dedicatoria',
  weekTitle: 'Semana de programas', weekOf: 'Semana del {date}', prevWeek: '← Semana anterior', thisWeek: 'Esta semana', nextWeek: 'Semana siguiente →',
  channel: 'Canal', noShows: 'Sin programas esta semana: el canal suena con su lista «{name}» toda la semana.',
  outsideShows: 'Fuera de los programas, el canal suena con su lista «{name}».', truncated: 'Demasiados programas para dibujar: solo se muestran los {n} primeros.',
  timesIn: 'Horas en {zone}.',
};

const pt: ChannelsStrings = {
  channels: 'Canais', onAir: 'No ar agora', upNext: 'A seguir', nothingOnAir: 'Nada no ar ainda.', timeLeft: 'faltam {time}',
  skip: 'Pular', skipped: '“{title}” foi pulada.', confirmSkip: 'Pular “{title}” em {channel}? Os ouvintes ouvem a próxima música na hora.',
  skipNeedsRight: 'Um moderador ou um administrador pode pular.', showOn: 'Programa: {name}', playlistOn: 'Playlist: {name}',
  kind_jingle: 'Vinheta', kind_intro: 'Apresentação da dedicatória', kind_dedication: 'Dedicatória',
  weekTitle: 'Semana de programas', weekOf: 'Semana de {date}', prevWeek: '← Semana anterior', thisWeek: 'Esta semana', nextWeek: 'Próxima semana →',
  channel: 'Canal', noShows: 'Sem programas nesta semana: o canal toca a playlist “{name}” a semana toda.',
  outsideShows: 'Fora dos programas, o canal toca a playlist “{name}”.', truncated: 'Programas demais para desenhar: só os {n} primeiros aparecem.',
  timesIn: 'Horários em {zone}.',
};

const fr: ChannelsStrings = {
  channels: 'Chaînes', onAir: 'À l’antenne', upNext: 'Ensuite', nothingOnAir: 'Rien à l’antenne pour l’instant.', timeLeft: 'encore {time}',
  skip: 'Passer', skipped: '« {title} » a été passée.', confirmSkip: 'Passer « {title} » sur {channel} ? Les auditeurs entendent aussitôt la chanson suivante.',
  skipNeedsRight: 'Un modérateur ou un administrateur peut passer.', showOn: 'Émission : {name}', playlistOn: 'Playlist : {name}',
  kind_jingle: 'Jingle', kind_intro: 'Annonce de la dédicace', kind_dedication: 'Dédicace',
  weekTitle: 'Semaine des émissions', weekOf: 'Semaine du {date}', prevWeek: '← Semaine précédente', thisWeek: 'Cette semaine', nextWeek: 'Semaine suivante →',
  channel: 'Chaîne', noShows: 'Aucune émission cette semaine : la chaîne joue sa playlist « {name} » toute la semaine.',
  outsideShows: 'En dehors des émissions, la chaîne joue sa playlist « {name} ».', truncated: 'Trop d’émissions à dessiner : seules les {n} premières sont affichées.',
  timesIn: 'Heures de {zone}.',
};

const de: ChannelsStrings = {
  channels: 'Sender', onAir: 'Jetzt auf Sendung', upNext: 'Danach', nothingOnAir: 'Noch läuft nichts.', timeLeft: 'noch {time}',
  skip: 'Überspringen', skipped: '„{title}“ übersprungen.', confirmSkip: '„{title}“ auf {channel} überspringen? Die Hörer hören sofort den nächsten Song.',
  skipNeedsRight: 'Moderatoren und Admins können überspringen.', showOn: 'Sendung: {name}', playlistOn: 'Playlist: {name}',
  kind_jingle: 'Senderkennung', kind_intro: 'Ansage der Widmung', kind_dedication: 'Widmung',
  weekTitle: 'Sendungen der Woche', weekOf: 'Woche ab {date}', prevWeek: '← Vorige Woche', thisWeek: 'Diese Woche', nextWeek: 'Nächste Woche →',
  channel: 'Sender', noShows: 'Diese Woche keine Sendungen: der Sender spielt die ganze Woche seine Playlist „{name}“.',
  outsideShows: 'Außerhalb der Sendungen spielt der Sender seine Playlist „{name}“.', truncated: 'Zu viele Sendungen zum Zeichnen: nur die ersten {n} werden gezeigt.',
  timesIn: 'Zeiten in {zone}.',
};

const ko: ChannelsStrings = {
  channels: '채널', onAir: '지금 방송 중', upNext: '다음 곡', nothingOnAir: '아직 방송 중인 곡이 없습니다.', timeLeft: '{time} 남음',
  skip: '건너뛰기', skipped: '“{title}”을(를) 건너뛰었습니다.', confirmSkip: '{channel}에서 “{title}”을(를) 건너뛸까요? 청취자는 곧바로 다음 곡을 듣게 됩니다.',
  skipNeedsRight: '검토자나 관리자가 건너뛸 수 있습니다.', showOn: '프로그램: {name}', playlistOn: '재생목록: {name}',
  kind_jingle: '방송국 ID', kind_intro: '사연 소개', kind_dedication: '사연',
  weekTitle: '주간 편성표', weekOf: '{date} 주', prevWeek: '← 지난주', thisWeek: '이번 주', nextWeek: '다음 주 →',
  channel: '채널', noShows: '이번 주에는 프로그램이 없습니다. 채널은 일주일 내내 재생목록 “{name}”을(를) 방송합니다.',
  outsideShows: '프로그램 시간 외에는 재생목록 “{name}”을(를) 방송합니다.', truncated: '프로그램이 너무 많아 처음 {n}개만 표시합니다.',
  timesIn: '{zone} 기준 시간.',
};

export const CHANNELS_STRINGS: Record<Language, ChannelsStrings> = { en, es, pt, fr, de, ko };
