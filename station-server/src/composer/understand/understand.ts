// Stage 1, understand: reads a request's message for its theme, the relation, and the sender's own
// phrases. Names are trimmed but never otherwise changed: the song sings them as written.
import type { SongRequest } from '@radio-optimism/shared';
import type { Understanding } from '../types.js';
import { detectTheme } from './theme.js';
import { inferRelation } from './relation.js';
import { keyPhrases } from './phrases.js';
import { foldedWords, hasHangul } from './text.js';
import { foldMessage } from './match.js';

export function understand(request: SongRequest): Understanding {
  const message = request.message.normalize('NFC');
  const folded = foldMessage(foldedWords(message));
  const hangul = hasHangul(message);
  const recipient = request.to.normalize('NFC').trim();
  const relation = inferRelation(request.relation, recipient, folded, request.language, hangul);
  const { theme } = detectTheme(folded, request.language, hangul, relation, request.vibe);
  const understanding: Understanding = { language: request.language, theme, recipient, relation, keyPhrases: keyPhrases(message, request.language) };
  const sender = request.from?.normalize('NFC').trim();
  if (sender) understanding.sender = sender;
  return understanding;
}
