// Words of the admins' pages (accounts and the audit log), in the six languages; joined in strings.ts.
import type { Language } from '@radio-optimism/shared';

const en = {
  accounts: 'Accounts',
  accountsIntro: 'Who may sign in to this console, and what each may do.',
  role: 'Role',
  addAccount: 'Add an account',
  add: 'Add',
  newPassword: 'Password (at least 12 characters; leave empty to generate one)',
  generatedPassword: 'Account added. Its password, shown only now: {password}',
  added: 'Account added.',
  changeRole: 'Change',
  roleChanged: 'Role changed.',
  remove: 'Remove',
  confirmRemove: 'Remove the account “{name}”? Its sessions end at once.',
  removed: 'Account removed.',
  you: 'you',
  audit: 'Audit log',
  auditIntro: 'Every operator action: who, what, when, and what changed.',
  when: 'When',
  who: 'Who',
  what: 'What',
  target: 'On',
  change: 'Change',
  noAudit: 'Nothing has been done yet.',
  role_desc_viewer: 'reads everything',
  role_desc_moderator: 'also moderates and takes songs down',
  role_desc_admin: 'also edits playlists, accounts and webhooks',
};

export type AdminStrings = typeof en;

const es: AdminStrings = {
  accounts: 'Cuentas', accountsIntro: 'Quién puede entrar en esta consola y qué puede hacer cada uno.', role: 'Rol', addAccount: 'Añadir una cuenta', add: 'Añadir',
  newPassword: 'Contraseña (12 caracteres como mínimo; déjala vacía para generar una)', generatedPassword: 'Cuenta añadida. Su contraseña, que solo se muestra ahora: {password}', added: 'Cuenta añadida.',
  changeRole: 'Cambiar', roleChanged: 'Rol cambiado.', remove: 'Eliminar', confirmRemove: '¿Eliminar la cuenta «{name}»? Sus sesiones terminan enseguida.', removed: 'Cuenta eliminada.', you: 'tú',
  audit: 'Registro de auditoría', auditIntro: 'Cada acción de un operador: quién, qué, cuándo y qué cambió.', when: 'Cuándo', who: 'Quién', what: 'Qué', target: 'Sobre', change: 'Cambio',
  noAudit: 'Todavía no se ha hecho nada.', role_desc_viewer: 'lo ve todo', role_desc_moderator: 'además modera y retira canciones', role_desc_admin: 'además edita listas, cuentas y webhooks',
};

const pt: AdminStrings = {
  accounts: 'Contas', accountsIntro: 'Quem pode entrar neste console e o que cada um pode fazer.', role: 'Função', addAccount: 'Adicionar uma conta', add: 'Adicionar',
  newPassword: 'Senha (pelo menos 12 caracteres; deixe vazio para gerar uma)', generatedPassword: 'Conta adicionada. A senha, mostrada só agora: {password}', added: 'Conta adicionada.',
  changeRole: 'Mudar', roleChanged: 'Função alterada.', remove: 'Remover', confirmRemove: 'Remover a conta “{name}”? As sessões dela terminam na hora.', removed: 'Conta removida.', you: 'você',
  audit: 'Registro de auditoria', auditIntro: 'Cada ação de um operador: quem, o quê, quando e o que mudou.', when: 'Quando', who: 'Quem', what: 'O quê', target: 'Em', change: 'Mudança',
  noAudit: 'Nada foi feito ainda.', role_desc_viewer: 'vê tudo', role_desc_moderator: 'também modera e retira músicas', role_desc_admin: 'também edita playlists, contas e webhooks',
};

const fr: AdminStrings = {
  accounts: 'Comptes', accountsIntro: 'Qui peut se connecter à cette console, et ce que chacun peut faire.', role: 'Rôle', addAccount: 'Ajouter un compte', add: 'Ajouter',
  newPassword: 'Mot de passe (12 caractères au moins ; laissez vide pour en générer un)', generatedPassword: 'Compte ajouté. Son mot de passe, affiché une seule fois : {password}', added: 'Compte ajouté.',
  changeRole: 'Changer', roleChanged: 'Rôle changé.', remove: 'Supprimer', confirmRemove: 'Supprimer le compte « {name} » ? Ses sessions se terminent aussitôt.', removed: 'Compte supprimé.', you: 'vous',
  audit: 'Journal d’audit', auditIntro: 'Chaque action d’un opérateur : qui, quoi, quand, et ce qui a changé.', when: 'Quand', who: 'Qui', what: 'Quoi', target: 'Sur', change: 'Changement',
  noAudit: 'Rien n’a encore été fait.', role_desc_viewer: 'voit tout', role_desc_moderator: 'modère aussi et retire des chansons', role_desc_admin: 'modifie aussi les playlists, les comptes et les webhooks',
};

const de: AdminStrings = {
  accounts: 'Konten', accountsIntro: 'Wer sich in dieser Konsole anmelden darf und was jede Person tun darf.', role: 'Rolle', addAccount: 'Konto hinzufügen', add: 'Hinzufügen',
  newPassword: 'Passwort (mindestens 12 Zeichen; leer lassen, um eines zu erzeugen)', generatedPassword: 'Konto hinzugefügt. Sein Passwort, nur jetzt sichtbar: {password}', added: 'Konto hinzugefügt.',
  changeRole: 'Ändern', roleChanged: 'Rolle geändert.', remove: 'Entfernen', confirmRemove: 'Das Konto „{name}“ entfernen? Seine Sitzungen enden sofort.', removed: 'Konto entfernt.', you: 'du',
  audit: 'Protokoll', auditIntro: 'Jede Aktion eines Operators: wer, was, wann und was sich geändert hat.', when: 'Wann', who: 'Wer', what: 'Was', target: 'Betrifft', change: 'Änderung',
  noAudit: 'Noch ist nichts geschehen.', role_desc_viewer: 'sieht alles', role_desc_moderator: 'moderiert auch und entfernt Songs', role_desc_admin: 'bearbeitet auch Playlists, Konten und Webhooks',
};

const ko: AdminStrings = {
  accounts: '계정', accountsIntro: '이 콘솔에 로그인할 수 있는 사람과 각자 할 수 있는 일.', role: '역할', addAccount: '계정 추가', add: '추가',
  newPassword: '비밀번호 (12자 이상, 비워 두면 자동으로 만들어요)', generatedPassword: '계정을 추가했어요. 비밀번호는 지금만 보여요: {password}', added: '계정을 추가했어요.',
  changeRole: '변경', roleChanged: '역할을 바꿨어요.', remove: '삭제', confirmRemove: '“{name}” 계정을 삭제할까요? 로그인 세션도 바로 끝나요.', removed: '계정을 삭제했어요.', you: '나',
  audit: '감사 로그', auditIntro: '운영자가 한 모든 일: 누가, 무엇을, 언제, 무엇이 바뀌었는지.', when: '언제', who: '누가', what: '무엇을', target: '대상', change: '변경 내용',
  noAudit: '아직 아무 일도 없었어요.', role_desc_viewer: '모든 것을 볼 수 있음', role_desc_moderator: '검토하고 노래를 내릴 수도 있음', role_desc_admin: '플레이리스트, 계정, 웹훅도 편집할 수 있음',
};

export const ADMIN_STRINGS: Record<Language, AdminStrings> = { en, es, pt, fr, de, ko };
