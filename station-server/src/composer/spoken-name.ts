// How the recipient's name is said aloud: the "sounds like" respelling when the sender gave one,
// else the name as written. For speech only (the singer, the spoken radio intro); text always shows
// `request.to`.
import type { SongRequest } from '@radio-optimism/shared';

export function spokenName(request: Pick<SongRequest, 'to' | 'soundsLike'>): string {
  return request.soundsLike ?? request.to;
}
