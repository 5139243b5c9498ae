// The Playlists page's words in the six languages (English is the reference; every other language has
// exactly its keys, checked by the type). Joined with the others in strings.ts.
import type { Language } from '@radio-optimism/shared';

const en = {
  playlists: 'Playlists',
  files: 'Files',
  channelsFile: 'Channels and shows',
  check: 'Check',
  save: 'Save',
  saving: 'Saving…',
  revert: 'Undo changes',
  valid: 'No mistakes: it can be saved.',
  problemOne: 'One mistake to fix. Nothing is saved until it is fixed.',
  problemCount: '{n} mistakes to fix. Nothing is saved until they are fixed.',
  problemAt: 'Line {line}',
  inFile: 'in {file}',
  saved: 'Saved. The station reloaded it.',
  savedPending: 'Saved. The station reloads it in a moment.',
  refused: 'Not saved: the file on disk and on air is unchanged.',
  readOnly: 'You can read these files; an admin edits them.',
  unsaved: 'Unsaved changes',
  size: '{kb} of {max} KB',
  editorLabel: 'Contents of {file}',
  confirmDiscard: 'Discard your unsaved changes to {file}?',
};

export type PlaylistsStrings = typeof en;

const es: PlaylistsStrings = {
  playlists: 'Listas', files: 'Archivos', channelsFile: 'Canales y programas', check: 'Comprobar', save: 'Guardar', saving: 'Guardando…',
  revert: 'Deshacer cambios', valid: 'Sin errores: se puede guardar.', problemOne: 'Un error por corregir. No se guarda nada hasta corregirlo.', problemCount: '{n} errores por corregir. No se guarda nada hasta corregirlos.',
  problemAt: 'Línea {line}', inFile: 'en {file}', saved: 'Guardado. La emisora lo ha recargado.', savedPending: 'Guardado. La emisora lo recarga en un momento.',
  refused: 'No se guardó: el archivo del disco y de la antena sigue igual.', readOnly: 'Puedes leer estos archivos; los edita un administrador.',
  unsaved: 'Cambios sin guardar', size: '{kb} de {max} KB', editorLabel: 'Contenido de {file}', confirmDiscard: '¿Descartar los cambios sin guardar de {file}?',
};

const pt: PlaylistsStrings = {
  playlists: 'Playlists', files: 'Arquivos', channelsFile: 'Canais e programas', check: 'Verificar', save: 'Salvar', saving: 'Salvando…',
  revert: 'Desfazer alterações', valid: 'Sem erros: pode ser salvo.', problemOne: 'Um erro para corrigir. Nada é salvo até que seja corrigido.', problemCount: '{n} erros para corrigir. Nada é salvo até que sejam corrigidos.',
  problemAt: 'Linha {line}', inFile: 'em {file}', saved: 'Salvo. A rádio recarregou o arquivo.', savedPending: 'Salvo. A rádio recarrega em instantes.',
  refused: 'Não foi salvo: o arquivo no disco e no ar continua o mesmo.', readOnly: 'Você pode ler estes arquivos; um administrador os edita.',
  unsaved: 'Alterações não salvas', size: '{kb} de {max} KB', editorLabel: 'Conteúdo de {file}', confirmDiscard: 'Descartar as alterações não salvas de {file}?',
};

const fr: PlaylistsStrings = {
  playlists: 'Playlists', files: 'Fichiers', channelsFile: 'Chaînes et émissions', check: 'Vérifier', save: 'Enregistrer', saving: 'Enregistrement…',
  revert: 'Annuler les modifications', valid: 'Aucune erreur : il peut être enregistré.', problemOne: 'Une erreur à corriger. Rien n’est enregistré avant.', problemCount: '{n} erreurs à corriger. Rien n’est enregistré avant.',
  problemAt: 'Ligne {line}', inFile: 'dans {file}', saved: 'Enregistré. La station l’a rechargé.', savedPending: 'Enregistré. La station le recharge dans un instant.',
  refused: 'Non enregistré : le fichier sur le disque et à l’antenne n’a pas changé.', readOnly: 'Vous pouvez lire ces fichiers ; un administrateur les modifie.',
  unsaved: 'Modifications non enregistrées', size: '{kb} sur {max} Ko', editorLabel: 'Contenu de {file}', confirmDiscard: 'Abandonner les modifications de {file} ?',
};

const de: PlaylistsStrings = {
  playlists: 'Playlists', files: 'Dateien', channelsFile: 'Sender und Sendungen', check: 'Prüfen', save: 'Speichern', saving: 'Speichert…',
  revert: 'Änderungen verwerfen', valid: 'Keine Fehler: kann gespeichert werden.', problemOne: 'Ein Fehler zu beheben. Gespeichert wird erst danach.', problemCount: '{n} Fehler zu beheben. Gespeichert wird erst danach.',
  problemAt: 'Zeile {line}', inFile: 'in {file}', saved: 'Gespeichert. Der Sender hat sie neu geladen.', savedPending: 'Gespeichert. Der Sender lädt sie gleich neu.',
  refused: 'Nicht gespeichert: die Datei auf der Platte und auf Sendung ist unverändert.', readOnly: 'Du kannst diese Dateien lesen; Admins bearbeiten sie.',
  unsaved: 'Ungespeicherte Änderungen', size: '{kb} von {max} KB', editorLabel: 'Inhalt von {file}', confirmDiscard: 'Ungespeicherte Änderungen an {file} verwerfen?',
};

const ko: PlaylistsStrings = {
  playlists: '재생목록', files: '파일', channelsFile: '채널과 프로그램', check: '검사', save: '저장', saving: '저장 중…',
  revert: '변경 취소', valid: '오류 없음: 저장할 수 있습니다.', problemOne: '고칠 오류 1개. 고칠 때까지 저장되지 않습니다.', problemCount: '고칠 오류 {n}개. 모두 고칠 때까지 저장되지 않습니다.',
  problemAt: '{line}번째 줄', inFile: '{file} 파일', saved: '저장했습니다. 방송국이 다시 불러왔습니다.', savedPending: '저장했습니다. 방송국이 곧 다시 불러옵니다.',
  refused: '저장하지 않았습니다. 디스크와 방송 중인 파일은 그대로입니다.', readOnly: '이 파일을 읽을 수 있습니다. 편집은 관리자가 합니다.',
  unsaved: '저장하지 않은 변경', size: '{kb} / {max} KB', editorLabel: '{file} 내용', confirmDiscard: '{file}의 저장하지 않은 변경을 버릴까요?',
};

export const PLAYLISTS_STRINGS: Record<Language, PlaylistsStrings> = { en, es, pt, fr, de, ko };
