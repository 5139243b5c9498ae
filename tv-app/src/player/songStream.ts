// Plays one song from its HLS playlist into an <audio> element, from the start: the playlist of a
// song still being made grows (an EVENT playlist) until it ends, so hls.js keeps reloading it and the
// song plays on as its parts arrive. The platform's own HLS (webOS, Safari) where MediaSource is missing.
import Hls, { ErrorTypes, Events, type ErrorData } from 'hls.js';

/** Starts playing `url`; returns what stops it. `onFailed` is told when the stream cannot be played. */
export function playSongStream(audio: HTMLAudioElement, url: string, onFailed: () => void): () => void {
  const play = () => {
    audio.play().catch(() => undefined);
  };
  if (!Hls.isSupported()) {
    audio.src = url;
    play();
    return () => {
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    };
  }
  // startPosition 0: a growing playlist looks live to hls.js, which would otherwise start near its end.
  const hls = new Hls({ startPosition: 0, liveSyncDurationCount: 1, manifestLoadingMaxRetry: 4, levelLoadingMaxRetry: 6 });
  let recovered = false;
  hls.on(Events.MANIFEST_PARSED, play);
  hls.on(Events.ERROR, (_e, data: ErrorData) => {
    if (!data.fatal) return;
    if (data.type === ErrorTypes.MEDIA_ERROR && !recovered) {
      recovered = true;
      hls.recoverMediaError();
      return;
    }
    onFailed();
  });
  hls.loadSource(url);
  hls.attachMedia(audio);
  return () => hls.destroy();
}
