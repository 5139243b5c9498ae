// Plays a live HLS stream into an <audio> element: hls.js where MediaSource exists (it reads
// PROGRAM-DATE-TIME and DATERANGE itself), the platform's own HLS otherwise. One place decides
// recovery: media errors get hls.js's recovery once, everything else restarts the stream with
// backoff until the station answers again.
import Hls, { ErrorTypes, Events, type ErrorData, type LevelUpdatedData } from 'hls.js';
import { backoffMs } from '../station/api';
import type { DateRangeLike } from './itemTimeline';

export type PlayerStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'blocked' | 'unreachable';

export interface LivePlayerEvents {
  status(status: PlayerStatus): void;
  /** The DATERANGEs of a playlist refresh (hls.js only). */
  dateRanges(ranges: DateRangeLike[]): void;
}

/** A restart is forced when playback makes no progress for this long. */
const STALL_MS = 8_000;

export class LivePlayer {
  private hls: Hls | undefined;
  private url: string | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private lastTime = -1;
  private lastProgressAt = 0;
  private mediaRecovered = false;
  status: PlayerStatus = 'idle';
  readonly usesHlsJs: boolean;

  constructor(
    readonly audio: HTMLAudioElement,
    private readonly events: LivePlayerEvents,
  ) {
    this.usesHlsJs = Hls.isSupported();
    audio.addEventListener('playing', this.onPlaying);
    audio.addEventListener('pause', this.onPause);
    audio.addEventListener('waiting', this.onWaiting);
  }

  /** Milliseconds since the epoch of the sample being heard, from the stream's PROGRAM-DATE-TIME. */
  playingDate(): number | undefined {
    return this.hls?.playingDate?.getTime();
  }

  start(url: string): void {
    this.stop();
    this.url = url;
    this.attempt = 0;
    this.load();
    this.watchdog = setInterval(this.checkProgress, 1000);
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    this.hls?.destroy();
    this.hls = undefined;
    this.url = undefined;
    this.audio.pause();
    this.audio.removeAttribute('src');
    this.audio.load();
    this.setStatus('idle');
  }

  togglePause(): void {
    if (!this.url) return;
    if (this.audio.paused) this.resume();
    else this.audio.pause();
  }

  resume(): void {
    // After a pause the live window has moved on: jump back to the live edge.
    if (this.hls && this.hls.liveSyncPosition !== null && this.hls.liveSyncPosition > this.audio.currentTime + 30) {
      this.audio.currentTime = this.hls.liveSyncPosition;
    }
    this.play();
  }

  destroy(): void {
    this.stop();
    this.audio.removeEventListener('playing', this.onPlaying);
    this.audio.removeEventListener('pause', this.onPause);
    this.audio.removeEventListener('waiting', this.onWaiting);
  }

  private load() {
    const url = this.url;
    if (!url) return;
    this.setStatus('loading');
    this.lastProgressAt = Date.now();
    this.lastTime = -1;
    if (!this.usesHlsJs) {
      this.audio.src = url;
      this.play();
      return;
    }
    this.hls?.destroy();
    // backBufferLength: hls.js keeps every played segment (and its record) by default; a radio plays
    // for hours, so only the last 30 s stay (the bench saw the heap grow ~50 KB a minute without it).
    const hls = new Hls({ lowLatencyMode: false, liveSyncDurationCount: 3, manifestLoadingMaxRetry: 2, levelLoadingMaxRetry: 4, backBufferLength: 30 });
    this.hls = hls;
    hls.on(Events.LEVEL_UPDATED, (_e, data: LevelUpdatedData) => {
      const ranges = Object.values(data.details.dateRanges ?? {}).filter((r): r is NonNullable<typeof r> => !!r);
      this.events.dateRanges(ranges.map((r) => ({ id: r.id, class: r.class, startDate: r.startDate, duration: r.duration, attr: r.attr as unknown as Record<string, unknown> })));
    });
    hls.on(Events.ERROR, (_e, data: ErrorData) => this.onError(data));
    hls.on(Events.MANIFEST_PARSED, () => this.play());
    hls.loadSource(url);
    hls.attachMedia(this.audio);
  }

  private play() {
    this.audio.play().catch((error: unknown) => {
      // NotAllowedError: autoplay refused until the viewer presses a key.
      if (error instanceof DOMException && error.name === 'NotAllowedError') this.setStatus('blocked');
    });
  }

  private onError(data: ErrorData) {
    if (!data.fatal) {
      // hls.js is still retrying, but the viewer hears nothing: say so now, not after the retries.
      if (data.type === ErrorTypes.NETWORK_ERROR && this.audio.readyState < 3 && !this.audio.paused) this.setStatus('unreachable');
      return;
    }
    if (data.type === ErrorTypes.MEDIA_ERROR && !this.mediaRecovered) {
      this.mediaRecovered = true;
      this.hls?.recoverMediaError();
      return;
    }
    this.restartLater();
  }

  private restartLater() {
    this.hls?.destroy();
    this.hls = undefined;
    this.setStatus('unreachable');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.load(), backoffMs(Math.min(this.attempt++, 4)));
  }

  private readonly checkProgress = () => {
    if (!this.url || this.audio.paused || this.status === 'unreachable' || this.status === 'blocked') return;
    const t = this.audio.currentTime;
    if (t !== this.lastTime) {
      this.lastTime = t;
      this.lastProgressAt = Date.now();
    } else if (Date.now() - this.lastProgressAt > STALL_MS) {
      this.restartLater();
    }
  };

  private readonly onPlaying = () => {
    this.attempt = 0;
    this.mediaRecovered = false;
    this.setStatus('playing');
  };

  /** The buffer ran dry: show it at once rather than a frozen "playing". */
  private readonly onWaiting = () => {
    if (this.status === 'playing') this.setStatus('loading');
  };

  private readonly onPause = () => {
    if (this.url && this.status === 'playing') this.setStatus('paused');
  };

  private setStatus(status: PlayerStatus) {
    if (status === this.status) return;
    this.status = status;
    this.events.status(status);
  }
}
