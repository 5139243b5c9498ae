// Stage 1, understand: reads a request's message for what it does (its intent, given as the catalog's
// theme), the details it mentions, the relation, and the sender's own phrases. Names are trimmed but
// never otherwise changed: the song sings them as written.
import type { SongRequest } from '@radio-optimism/shared';
import type { Understanding } from '../types.js';
import { detectTheme } from './theme.js';
import { detectIntent } from './intent.js';
import { inferRelation } from './relation.js';
import { keyPhrases } from './phrases.js';
import { detailsOf } from './details.js';
import { foldedWords, hasHangul } from './text.js';
import { foldMessage } from './match.js';

export function understand(request: SongRequest): Understanding {
  const message = request.message.normalize('NFC');
  const folded = foldMessage(foldedWords(message));
  const hangul = hasHangul(message);
  const recipient = request.to.normalize('NFC').trim();
  const relation = inferRelation(request.relation, recipient, folded, request.language, hangul);
  // What the sentences do decides; with no speech act at all, the topic words, then relation and vibe.
  const theme = detectIntent(message, request.language)?.intent ?? detectTheme(folded, request.language, hangul, relation, request.vibe).theme;
  const phrases = keyPhrases(message, request.language, theme);
  const understanding: Understanding = {
    language: request.language,
    theme,
    recipient,
    relation,
    keyPhrases: phrases.map((p) => p.text),
    phrases,
    details: detailsOf(message, request.language),
  };
  const sender = request.from?.normalize('NFC').trim();
  if (sender) understanding.sender = sender;
  return understanding;
}
