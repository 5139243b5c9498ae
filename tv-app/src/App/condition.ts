// What the status banner says, from the network and the player: one place decides.
import type { Condition } from '../components/StatusBanner/StatusBanner';
import type { PlayerStatus } from '../player/livePlayer';

export function conditionOf(online: boolean, status: PlayerStatus): Condition {
  if (!online) return 'offline';
  switch (status) {
    case 'playing':
      return 'ok';
    case 'idle':
    case 'loading':
      return 'loading';
    default:
      return status;
  }
}
