// The console's words in the six languages. English is the reference: every other language must have
// exactly its keys (checked by the type).
import type { Language } from '@radio-optimism/shared';
import { ADMIN_STRINGS, type AdminStrings } from './admin-strings.js';
import { WEBHOOK_STRINGS, type WebhookStrings } from './webhooks-strings.js';
import { CHANNELS_STRINGS, type ChannelsStrings } from './channels-strings.js';
import { PLAYLISTS_STRINGS, type PlaylistsStrings } from './playlists-strings.js';
import { STATS_STRINGS, type StatsStrings } from './stats-strings.js';

const en = {
  title: 'Operators’ console',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  name: 'Name',
  password: 'Password',
  wrongLogin: 'That name and password do not match an account.',
  tooMany: 'Too many attempts. Wait a few minutes and try again.',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name} ({role})',
  language: 'Language',
  queue: 'Moderation',
  library: 'Library',
  queueEmpty: 'Nothing is waiting. New dedications appear here by themselves.',
  queueCount: '{n} waiting',
  to: 'To {name}',
  from: 'from {name}',
  flags: 'Abuse filter',
  noFlags: 'No flags',
  lyrics: 'Lyrics',
  approve: 'Approve',
  reject: 'Reject',
  reason: 'Reason for rejecting',
  reasonNeeded: 'Say why, so the log explains it.',
  approved: 'Approved: it goes on air next.',
  rejected: 'Rejected.',
  viewerOnly: 'You can look; a moderator decides.',
  failed: 'That did not work: {message}',
  search: 'Search',
  kind: 'Show',
  kindSong: 'On air',
  kindPrivate: 'Private',
  kindRemoved: 'Taken down',
  any: 'Any',
  genre: 'Style',
  vibe: 'Mood',
  theme: 'Theme',
  relation: 'Relation',
  created: 'Made',
  madeFrom: 'Made from', madeUntil: 'Made until', aired: 'Aired', airedYes: 'Has aired', airedNo: 'Never aired', lastAired: 'Last aired', neverAired: 'Never', airedOn: '{date} on {channel}',
  noSongs: 'No song matches.',
  more: 'More',
  takedown: 'Take down',
  restore: 'Restore',
  takenDown: 'Taken down by {name} on {date}',
  purged: 'Files deleted: cannot be restored',
  confirmTakedown: 'Take “{title}” off the air and out of the feed?',
  role_viewer: 'viewer',
  role_moderator: 'moderator',
  role_admin: 'admin',
};

export type Strings = typeof en;

const es: Strings = {
  title: 'Consola de operadores', signIn: 'Entrar', signingIn: 'Entrando…', name: 'Nombre', password: 'Contraseña',
  wrongLogin: 'Ese nombre y esa contraseña no coinciden con ninguna cuenta.', tooMany: 'Demasiados intentos. Espera unos minutos y vuelve a probar.',
  signOut: 'Salir', signedInAs: 'Sesión de {name} ({role})', language: 'Idioma', queue: 'Moderación', library: 'Biblioteca',
  queueEmpty: 'No hay nada pendiente. Las nuevas dedicatorias aparecen aquí solas.', queueCount: '{n} pendientes', to: 'Para {name}', from: 'de {name}',
  flags: 'Filtro de abuso', noFlags: 'Sin avisos', lyrics: 'Letra', approve: 'Aprobar', reject: 'Rechazar', reason: 'Motivo del rechazo',
  reasonNeeded: 'Di por qué, para que el registro lo explique.', approved: 'Aprobada: suena a continuación.', rejected: 'Rechazada.',
  viewerOnly: 'Puedes mirar; decide un moderador.', failed: 'No ha funcionado: {message}', search: 'Buscar', kind: 'Mostrar',
  kindSong: 'En antena', kindPrivate: 'Privadas', kindRemoved: 'Retiradas', any: 'Cualquiera', genre: 'Estilo', vibe: 'Ánimo', theme: 'Tema',
  relation: 'Relación', created: 'Creada', noSongs: 'Ninguna canción coincide.', more: 'Más', takedown: 'Retirar', restore: 'Restaurar',
  madeFrom: 'Creada desde', madeUntil: 'Creada hasta', aired: 'Emisión', airedYes: 'Ya emitida', airedNo: 'Nunca emitida', lastAired: 'Última emisión', neverAired: 'Nunca', airedOn: '{date} en {channel}',
  takenDown: 'Retirada por {name} el {date}', purged: 'Archivos borrados: no se puede restaurar', confirmTakedown: '¿Retirar «{title}» de la antena y del feed?',
  role_viewer: 'lector', role_moderator: 'moderador', role_admin: 'administrador',
};

const pt: Strings = {
  title: 'Console dos operadores', signIn: 'Entrar', signingIn: 'Entrando…', name: 'Nome', password: 'Senha',
  wrongLogin: 'Esse nome e essa senha não correspondem a nenhuma conta.', tooMany: 'Tentativas demais. Aguarde alguns minutos e tente de novo.',
  signOut: 'Sair', signedInAs: 'Conectado como {name} ({role})', language: 'Idioma', queue: 'Moderação', library: 'Biblioteca',
  queueEmpty: 'Nada esperando. Novas dedicatórias aparecem aqui sozinhas.', queueCount: '{n} esperando', to: 'Para {name}', from: 'de {name}',
  flags: 'Filtro de abuso', noFlags: 'Sem alertas', lyrics: 'Letra', approve: 'Aprovar', reject: 'Recusar', reason: 'Motivo da recusa',
  reasonNeeded: 'Diga o porquê, para o registro explicar.', approved: 'Aprovada: toca em seguida.', rejected: 'Recusada.',
  viewerOnly: 'Você pode ver; um moderador decide.', failed: 'Não funcionou: {message}', search: 'Buscar', kind: 'Mostrar',
  kindSong: 'No ar', kindPrivate: 'Privadas', kindRemoved: 'Retiradas', any: 'Qualquer', genre: 'Estilo', vibe: 'Clima', theme: 'Tema',
  relation: 'Relação', created: 'Criada', noSongs: 'Nenhuma música encontrada.', more: 'Mais', takedown: 'Retirar', restore: 'Restaurar',
  madeFrom: 'Criada desde', madeUntil: 'Criada até', aired: 'Transmissão', airedYes: 'Já tocou', airedNo: 'Nunca tocou', lastAired: 'Última vez no ar', neverAired: 'Nunca', airedOn: '{date} em {channel}',
  takenDown: 'Retirada por {name} em {date}', purged: 'Arquivos apagados: não pode ser restaurada', confirmTakedown: 'Tirar “{title}” do ar e do feed?',
  role_viewer: 'leitor', role_moderator: 'moderador', role_admin: 'administrador',
};

const fr: Strings = {
  title: 'Console des opérateurs', signIn: 'Se connecter', signingIn: 'Connexion…', name: 'Nom', password: 'Mot de passe',
  wrongLogin: 'Ce nom et ce mot de passe ne correspondent à aucun compte.', tooMany: 'Trop de tentatives. Attendez quelques minutes et réessayez.',
  signOut: 'Se déconnecter', signedInAs: 'Connecté : {name} ({role})', language: 'Langue', queue: 'Modération', library: 'Bibliothèque',
  queueEmpty: 'Rien en attente. Les nouvelles dédicaces apparaissent ici toutes seules.', queueCount: '{n} en attente', to: 'Pour {name}', from: 'de {name}',
  flags: 'Filtre anti-abus', noFlags: 'Aucune alerte', lyrics: 'Paroles', approve: 'Approuver', reject: 'Refuser', reason: 'Motif du refus',
  reasonNeeded: 'Dites pourquoi, pour que le journal l’explique.', approved: 'Approuvée : elle passe à l’antenne ensuite.', rejected: 'Refusée.',
  viewerOnly: 'Vous pouvez regarder ; un modérateur décide.', failed: 'Cela n’a pas marché : {message}', search: 'Rechercher', kind: 'Afficher',
  kindSong: 'À l’antenne', kindPrivate: 'Privées', kindRemoved: 'Retirées', any: 'Toutes', genre: 'Style', vibe: 'Ambiance', theme: 'Thème',
  relation: 'Relation', created: 'Créée', noSongs: 'Aucune chanson ne correspond.', more: 'Plus', takedown: 'Retirer', restore: 'Rétablir',
  madeFrom: 'Créée depuis le', madeUntil: 'Créée jusqu’au', aired: 'Diffusion', airedYes: 'Déjà diffusée', airedNo: 'Jamais diffusée', lastAired: 'Dernière diffusion', neverAired: 'Jamais', airedOn: '{date} sur {channel}',
  takenDown: 'Retirée par {name} le {date}', purged: 'Fichiers supprimés : impossible à rétablir', confirmTakedown: 'Retirer « {title} » de l’antenne et du fil ?',
  role_viewer: 'lecteur', role_moderator: 'modérateur', role_admin: 'administrateur',
};

const de: Strings = {
  title: 'Konsole für Betreiber', signIn: 'Anmelden', signingIn: 'Anmeldung…', name: 'Name', password: 'Passwort',
  wrongLogin: 'Name und Passwort passen zu keinem Konto.', tooMany: 'Zu viele Versuche. Warte ein paar Minuten und versuche es erneut.',
  signOut: 'Abmelden', signedInAs: 'Angemeldet als {name} ({role})', language: 'Sprache', queue: 'Moderation', library: 'Bibliothek',
  queueEmpty: 'Nichts wartet. Neue Widmungen erscheinen hier von selbst.', queueCount: '{n} warten', to: 'Für {name}', from: 'von {name}',
  flags: 'Missbrauchsfilter', noFlags: 'Keine Hinweise', lyrics: 'Songtext', approve: 'Freigeben', reject: 'Ablehnen', reason: 'Grund der Ablehnung',
  reasonNeeded: 'Sag, warum – das Protokoll hält es fest.', approved: 'Freigegeben: läuft als Nächstes.', rejected: 'Abgelehnt.',
  viewerOnly: 'Du kannst zusehen; Moderatoren entscheiden.', failed: 'Das hat nicht geklappt: {message}', search: 'Suchen', kind: 'Zeigen',
  kindSong: 'Auf Sendung', kindPrivate: 'Privat', kindRemoved: 'Entfernt', any: 'Alle', genre: 'Stil', vibe: 'Stimmung', theme: 'Thema',
  relation: 'Beziehung', created: 'Erstellt', noSongs: 'Kein Song passt.', more: 'Mehr', takedown: 'Entfernen', restore: 'Wiederherstellen',
  madeFrom: 'Erstellt ab', madeUntil: 'Erstellt bis', aired: 'Gesendet', airedYes: 'Schon gesendet', airedNo: 'Nie gesendet', lastAired: 'Zuletzt gesendet', neverAired: 'Nie', airedOn: '{date} auf {channel}',
  takenDown: 'Entfernt von {name} am {date}', purged: 'Dateien gelöscht: nicht wiederherstellbar', confirmTakedown: '„{title}“ aus dem Programm und dem Feed nehmen?',
  role_viewer: 'Betrachter', role_moderator: 'Moderator', role_admin: 'Admin',
};

const ko: Strings = {
  title: '운영자 콘솔', signIn: '로그인', signingIn: '로그인 중…', name: '이름', password: '비밀번호',
  wrongLogin: '이름과 비밀번호가 일치하는 계정이 없습니다.', tooMany: '시도가 너무 많습니다. 몇 분 뒤에 다시 시도하세요.',
  signOut: '로그아웃', signedInAs: '{name} ({role}) 로그인됨', language: '언어', queue: '검토', library: '라이브러리',
  queueEmpty: '대기 중인 항목이 없습니다. 새 사연은 여기에 자동으로 나타납니다.', queueCount: '{n}건 대기', to: '{name}에게', from: '{name} 보냄',
  flags: '악용 필터', noFlags: '경고 없음', lyrics: '가사', approve: '승인', reject: '거절', reason: '거절 사유',
  reasonNeeded: '기록에 남도록 이유를 적어 주세요.', approved: '승인됨: 다음 곡으로 방송됩니다.', rejected: '거절됨.',
  viewerOnly: '볼 수만 있습니다. 결정은 검토자가 합니다.', failed: '실패했습니다: {message}', search: '검색', kind: '보기',
  kindSong: '방송 중', kindPrivate: '비공개', kindRemoved: '내린 곡', any: '전체', genre: '장르', vibe: '분위기', theme: '주제',
  relation: '관계', created: '만든 날', noSongs: '맞는 곡이 없습니다.', more: '더 보기', takedown: '내리기', restore: '복원',
  madeFrom: '만든 날짜부터', madeUntil: '만든 날짜까지', aired: '방송', airedYes: '방송됨', airedNo: '방송 안 됨', lastAired: '마지막 방송', neverAired: '없음', airedOn: '{date}, {channel}',
  takenDown: '{name}님이 {date}에 내림', purged: '파일 삭제됨: 복원할 수 없음', confirmTakedown: '“{title}”을(를) 방송과 피드에서 내릴까요?',
  role_viewer: '열람자', role_moderator: '검토자', role_admin: '관리자',
};

const CORE: Record<Language, Strings> = { en, es, pt, fr, de, ko };

// Each console page may keep its words in its own table (same shape: English keys, every language);
// they are joined here so `t()` knows every key.
const TABLES = [CORE, ADMIN_STRINGS, WEBHOOK_STRINGS, CHANNELS_STRINGS, PLAYLISTS_STRINGS, STATS_STRINGS] as const;

// One `& OtherStrings` per table in TABLES.
type Joined = Strings & AdminStrings & WebhookStrings & ChannelsStrings & PlaylistsStrings & StatsStrings;
export type Key = keyof Joined;

export const STRINGS = Object.fromEntries(
  (['en', 'es', 'pt', 'fr', 'de', 'ko'] as const).map((l) => [l, Object.assign({}, ...TABLES.map((table) => table[l])) as Joined]),
) as Record<Language, Joined>;
