// The Webhooks page's words in the six languages (English is the reference; joined in strings.ts).
import type { Language } from '@radio-optimism/shared';

const en = {
  webhooks: 'Webhooks',
  whIntro: 'Tell other services what happens on air. Each body is signed: the X-Radio-Optimism-Signature header holds sha256= and the HMAC-SHA256 of the body with the webhook’s secret.',
  whUrl: 'Receiver address (https:// or http://)',
  whEvents: 'Events',
  whEvent_song_changed: 'A song starts on air',
  whEvent_dedication_pending: 'A dedication waits for moderation',
  whEvent_dedication_aired: 'A dedication goes on air',
  whEvent_station_silent: 'A channel has nothing on air',
  whFormat: 'Format',
  whFormatJson: 'JSON (signed)',
  whFormatDiscord: 'Discord (content)',
  whAdd: 'Add webhook',
  whSecretOnce: 'Copy this secret now; it is not shown again:',
  whReceivers: 'Receivers',
  whNone: 'No webhooks yet.',
  whAddedBy: 'Added by {name}, {date}',
  whTest: 'Send a test',
  whTestSent: 'Test queued: see the delivery log.',
  whRemove: 'Remove',
  whConfirmRemove: 'Remove the webhook to {url} and its delivery log?',
  whLog: 'Delivery log',
  whNoDeliveries: 'Nothing sent yet.',
  whRefresh: 'Refresh',
  whWhen: 'When',
  whEvent: 'Event',
  whTo: 'To',
  whStatus: 'Status',
  whAttempts: 'Tries',
  whLast: 'Last answer',
  whStatus_pending: 'Waiting',
  whStatus_delivered: 'Delivered',
  whStatus_failed: 'Failed',
  whNextTry: 'next try {date}',
  whPickEvent: 'Choose at least one event.',
};

export type WebhookStrings = typeof en;

const es: WebhookStrings = {
  webhooks: 'Webhooks',
  whIntro: 'Avisa a otros servicios de lo que pasa en antena. Cada cuerpo va firmado: la cabecera X-Radio-Optimism-Signature lleva sha256= y el HMAC-SHA256 del cuerpo con el secreto del webhook.',
  whUrl: 'Dirección del receptor (https:// o http://)', whEvents: 'Eventos',
  whEvent_song_changed: 'Empieza una canción en antena', whEvent_dedication_pending: 'Una dedicatoria espera moderación',
  whEvent_dedication_aired: 'Una dedicatoria sale al aire', whEvent_station_silent: 'Un canal no tiene nada en antena',
  whFormat: 'Formato', whFormatJson: 'JSON (firmado)', whFormatDiscord: 'Discord (content)', whAdd: 'Añadir webhook',
  whSecretOnce: 'Copia este secreto ahora; no se volverá a mostrar:', whReceivers: 'Receptores', whNone: 'Aún no hay webhooks.',
  whAddedBy: 'Añadido por {name}, {date}', whTest: 'Enviar una prueba', whTestSent: 'Prueba en cola: mira el registro de envíos.',
  whRemove: 'Quitar', whConfirmRemove: '¿Quitar el webhook a {url} y su registro de envíos?', whLog: 'Registro de envíos',
  whNoDeliveries: 'Aún no se ha enviado nada.', whRefresh: 'Actualizar', whWhen: 'Cuándo', whEvent: 'Evento', whTo: 'A',
  whStatus: 'Estado', whAttempts: 'Intentos', whLast: 'Última respuesta', whStatus_pending: 'En espera', whStatus_delivered: 'Entregado',
  whStatus_failed: 'Fallido', whNextTry: 'próximo intento {date}', whPickEvent: 'Elige al menos un evento.',
};

const pt: WebhookStrings = {
  webhooks: 'Webhooks',
  whIntro: 'Avise outros serviços do que acontece no ar. Cada corpo é assinado: o cabeçalho X-Radio-Optimism-Signature traz sha256= e o HMAC-SHA256 do corpo com o segredo do webhook.',
  whUrl: 'Endereço do receptor (https:// ou http://)', whEvents: 'Eventos',
  whEvent_song_changed: 'Uma música começa no ar', whEvent_dedication_pending: 'Uma dedicatória aguarda moderação',
  whEvent_dedication_aired: 'Uma dedicatória vai ao ar', whEvent_station_silent: 'Um canal está sem nada no ar',
  whFormat: 'Formato', whFormatJson: 'JSON (assinado)', whFormatDiscord: 'Discord (content)', whAdd: 'Adicionar webhook',
  whSecretOnce: 'Copie este segredo agora; ele não será mostrado de novo:', whReceivers: 'Receptores', whNone: 'Ainda não há webhooks.',
  whAddedBy: 'Adicionado por {name}, {date}', whTest: 'Enviar um teste', whTestSent: 'Teste na fila: veja o registro de envios.',
  whRemove: 'Remover', whConfirmRemove: 'Remover o webhook para {url} e seu registro de envios?', whLog: 'Registro de envios',
  whNoDeliveries: 'Nada enviado ainda.', whRefresh: 'Atualizar', whWhen: 'Quando', whEvent: 'Evento', whTo: 'Para',
  whStatus: 'Estado', whAttempts: 'Tentativas', whLast: 'Última resposta', whStatus_pending: 'Aguardando', whStatus_delivered: 'Entregue',
  whStatus_failed: 'Falhou', whNextTry: 'próxima tentativa {date}', whPickEvent: 'Escolha pelo menos um evento.',
};

const fr: WebhookStrings = {
  webhooks: 'Webhooks',
  whIntro: 'Prévenez d’autres services de ce qui passe à l’antenne. Chaque corps est signé : l’en-tête X-Radio-Optimism-Signature porte sha256= et le HMAC-SHA256 du corps avec le secret du webhook.',
  whUrl: 'Adresse du destinataire (https:// ou http://)', whEvents: 'Événements',
  whEvent_song_changed: 'Une chanson commence à l’antenne', whEvent_dedication_pending: 'Une dédicace attend la modération',
  whEvent_dedication_aired: 'Une dédicace passe à l’antenne', whEvent_station_silent: 'Une chaîne n’a plus rien à l’antenne',
  whFormat: 'Format', whFormatJson: 'JSON (signé)', whFormatDiscord: 'Discord (content)', whAdd: 'Ajouter le webhook',
  whSecretOnce: 'Copiez ce secret maintenant ; il ne sera plus affiché :', whReceivers: 'Destinataires', whNone: 'Aucun webhook pour l’instant.',
  whAddedBy: 'Ajouté par {name}, {date}', whTest: 'Envoyer un test', whTestSent: 'Test en file : voir le journal des envois.',
  whRemove: 'Supprimer', whConfirmRemove: 'Supprimer le webhook vers {url} et son journal des envois ?', whLog: 'Journal des envois',
  whNoDeliveries: 'Rien n’a encore été envoyé.', whRefresh: 'Actualiser', whWhen: 'Quand', whEvent: 'Événement', whTo: 'À',
  whStatus: 'État', whAttempts: 'Essais', whLast: 'Dernière réponse', whStatus_pending: 'En attente', whStatus_delivered: 'Livré',
  whStatus_failed: 'Échec', whNextTry: 'prochain essai {date}', whPickEvent: 'Choisissez au moins un événement.',
};

const de: WebhookStrings = {
  webhooks: 'Webhooks',
  whIntro: 'Anderen Diensten mitteilen, was auf Sendung passiert. Jeder Inhalt ist signiert: Der Header X-Radio-Optimism-Signature enthält sha256= und den HMAC-SHA256 des Inhalts mit dem Geheimnis des Webhooks.',
  whUrl: 'Adresse des Empfängers (https:// oder http://)', whEvents: 'Ereignisse',
  whEvent_song_changed: 'Ein Lied beginnt auf Sendung', whEvent_dedication_pending: 'Eine Widmung wartet auf Moderation',
  whEvent_dedication_aired: 'Eine Widmung geht auf Sendung', whEvent_station_silent: 'Ein Kanal hat nichts auf Sendung',
  whFormat: 'Format', whFormatJson: 'JSON (signiert)', whFormatDiscord: 'Discord (content)', whAdd: 'Webhook hinzufügen',
  whSecretOnce: 'Kopieren Sie dieses Geheimnis jetzt; es wird nicht wieder angezeigt:', whReceivers: 'Empfänger', whNone: 'Noch keine Webhooks.',
  whAddedBy: 'Hinzugefügt von {name}, {date}', whTest: 'Test senden', whTestSent: 'Test eingereiht: siehe Zustellprotokoll.',
  whRemove: 'Entfernen', whConfirmRemove: 'Den Webhook an {url} und sein Zustellprotokoll entfernen?', whLog: 'Zustellprotokoll',
  whNoDeliveries: 'Noch nichts gesendet.', whRefresh: 'Aktualisieren', whWhen: 'Wann', whEvent: 'Ereignis', whTo: 'An',
  whStatus: 'Status', whAttempts: 'Versuche', whLast: 'Letzte Antwort', whStatus_pending: 'Wartet', whStatus_delivered: 'Zugestellt',
  whStatus_failed: 'Fehlgeschlagen', whNextTry: 'nächster Versuch {date}', whPickEvent: 'Wählen Sie mindestens ein Ereignis.',
};

const ko: WebhookStrings = {
  webhooks: '웹훅',
  whIntro: '방송에서 일어나는 일을 다른 서비스에 알립니다. 모든 본문에는 서명이 붙습니다: X-Radio-Optimism-Signature 헤더에 sha256=과 웹훅 비밀 키로 만든 본문의 HMAC-SHA256이 담깁니다.',
  whUrl: '받는 주소 (https:// 또는 http://)', whEvents: '이벤트',
  whEvent_song_changed: '곡이 방송을 시작할 때', whEvent_dedication_pending: '사연이 검토를 기다릴 때',
  whEvent_dedication_aired: '사연이 방송될 때', whEvent_station_silent: '채널에 방송할 것이 없을 때',
  whFormat: '형식', whFormatJson: 'JSON (서명)', whFormatDiscord: 'Discord (content)', whAdd: '웹훅 추가',
  whSecretOnce: '이 비밀 키를 지금 복사하세요. 다시 보여 주지 않습니다:', whReceivers: '받는 곳', whNone: '아직 웹훅이 없습니다.',
  whAddedBy: '{name}님이 추가, {date}', whTest: '테스트 보내기', whTestSent: '테스트를 대기열에 넣었습니다. 전송 기록을 보세요.',
  whRemove: '삭제', whConfirmRemove: '{url}(으)로 가는 웹훅과 전송 기록을 삭제할까요?', whLog: '전송 기록',
  whNoDeliveries: '아직 보낸 것이 없습니다.', whRefresh: '새로 고침', whWhen: '시각', whEvent: '이벤트', whTo: '받는 곳',
  whStatus: '상태', whAttempts: '시도', whLast: '마지막 응답', whStatus_pending: '대기 중', whStatus_delivered: '전달됨',
  whStatus_failed: '실패', whNextTry: '다음 시도 {date}', whPickEvent: '이벤트를 하나 이상 고르세요.',
};

export const WEBHOOK_STRINGS: Record<Language, WebhookStrings> = { en, es, pt, fr, de, ko };
