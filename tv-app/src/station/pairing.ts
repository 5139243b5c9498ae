// The TV's side of pairing over the station socket: says hello (with the identity it was given
// before, so paired phones stay paired), keeps the current code and phones, and collects the
// songs phones send. The server side of these names is described in docs/ARCHITECTURE.md.
import type { StationSocket } from './socket';
import { addReceived, loadReceived, loadSettings, saveSettings, type ReceivedSong } from './settings';
import type { PairedPhone, ServerFrame } from './types';

export type PairingState =
  | { kind: 'connecting' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; code: string; url: string; expiresAt: number; phones: PairedPhone[] };

export interface PairingSnapshot {
  pairing: PairingState;
  received: ReceivedSong[];
  /** The latest arrival not yet answered, for the toast. */
  arrived: ReceivedSong | undefined;
  /** Songs still being made that failed, by song id, and dedications given up, by dedication id (newest last). */
  failed: readonly string[];
}

/** Whether the station said this song, not yet whole, will not be finished. */
export const songFailed = (failed: readonly string[], song: ReceivedSong): boolean =>
  !song.files && (failed.includes(song.id) || (song.dedication !== undefined && failed.includes(song.dedication)));

export class PairingClient {
  private snapshot: PairingSnapshot = { pairing: { kind: 'connecting' }, received: loadReceived(), arrived: undefined, failed: [] };
  /** Dedications already reported playing, so a replay does not say it again. */
  private readonly playingSent = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly off: Array<() => void> = [];
  private renewTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly socket: StationSocket) {
    this.off.push(socket.on((frame) => this.onFrame(frame)));
    this.off.push(
      socket.onState((state) => {
        if (state === 'closed' && this.snapshot.pairing.kind === 'ready') this.update({ pairing: { kind: 'connecting' } });
      }),
    );
    this.hello();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PairingSnapshot => this.snapshot;

  unpair(phoneId: string): void {
    this.socket.send({ type: 'tv.unpair', phoneId });
    // Shown at once; the station's next welcome or phone list is the truth.
    const p = this.snapshot.pairing;
    if (p.kind === 'ready') this.update({ pairing: { ...p, phones: p.phones.filter((ph) => ph.id !== phoneId) } });
  }

  /** This TV started playing a dedication it was sent (its first audio): the phone that sent it is told. */
  playing(dedication: string): void {
    if (this.playingSent.has(dedication)) return;
    this.playingSent.add(dedication);
    this.socket.send({ type: 'tv.playing', id: dedication });
  }

  /** The toast was answered (played or put off). An arrow: the toast is handed it as its callback. */
  dismissArrival = (): void => {
    this.update({ arrived: undefined });
  };

  destroy(): void {
    clearTimeout(this.renewTimer);
    for (const off of this.off) off();
    this.listeners.clear();
  }

  private hello() {
    const { tvId, token } = loadSettings();
    this.socket.send({ type: 'tv.hello', ...(tvId ? { tvId } : {}), ...(token ? { token } : {}) }, 'hello');
  }

  private onFrame(frame: ServerFrame) {
    switch (frame.type) {
      case 'tv.welcome': {
        saveSettings({ tvId: frame.tvId, ...(frame.token ? { token: frame.token } : {}) });
        const expiresAt = Date.parse(frame.expiresAt);
        this.update({ pairing: { kind: 'ready', code: frame.pairingCode, url: frame.pairingUrl, expiresAt, phones: frame.phones ?? [] } });
        // A code is short-lived: ask for a fresh one as this one runs out.
        clearTimeout(this.renewTimer);
        this.renewTimer = setTimeout(() => this.hello(), Math.max(1000, expiresAt - Date.now()));
        return;
      }
      case 'tv.phones': {
        const p = this.snapshot.pairing;
        if (p.kind === 'ready') this.update({ pairing: { ...p, phones: frame.phones } });
        return;
      }
      case 'dedication.playable': {
        // The song's start can be played while the rest is made: offered now, listed once it is whole.
        const { id, title, durationSec, to, from, stream } = frame.song;
        this.update({ arrived: { id, title, durationSec, to, from, stream, dedication: frame.id, receivedAt: new Date().toISOString() } });
        return;
      }
      case 'dedication.ready': {
        const song: ReceivedSong = { ...frame.song, id: frame.song.id ?? frame.id, dedication: frame.id, receivedAt: new Date().toISOString() };
        this.update({ received: addReceived(song), arrived: song });
        return;
      }
      case 'dedication.failed': {
        // A song offered while it was made will not be finished: a panel playing it says so and goes
        // back to the channel; a toast still offering it is withdrawn.
        const failed = [...this.snapshot.failed.filter((f) => f !== (frame.songId ?? frame.id)), frame.songId ?? frame.id].slice(-20);
        const arrived = this.snapshot.arrived && songFailed(failed, this.snapshot.arrived) ? undefined : this.snapshot.arrived;
        this.update({ failed, arrived });
        return;
      }
      case 'error':
        // A station without pairing answers tv.hello with unknown-type.
        if (frame.code === 'unknown-type' && /tv\.hello/.test(frame.message) && this.snapshot.pairing.kind === 'connecting') this.update({ pairing: { kind: 'unavailable' } });
        return;
      default:
        return;
    }
  }

  private update(patch: Partial<PairingSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
