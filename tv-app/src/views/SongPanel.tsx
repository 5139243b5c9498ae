/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// One song on demand: "play" is the full mix with the line being sung; "karaoke" is the
// accompaniment alone with large lyrics to sing. When it ends, the caller returns to Live.
import Button from '@enact/sandstone/Button';
import { Header, Panel } from '@enact/sandstone/Panels';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePairing, useServices } from '../App/services';
import { CoverArt } from '../components/CoverArt/CoverArt';
import { LyricsView } from '../components/LyricsView/LyricsView';
import { ProgressLine } from '../components/ProgressLine/ProgressLine';
import { StatusBanner } from '../components/StatusBanner/StatusBanner';
import { parseVtt, type LyricCue } from '../lyrics/vtt';
import { playSongStream } from '../player/songStream';
import { songFailed } from '../station/pairing';
import type { ReceivedSong } from '../station/settings';
import type { Song } from '../station/types';
import css from './SongPanel.module.less';

/** How long the "could not be finished" message stays before the TV goes back to its channel. */
export const FAILED_RETURN_MS = 6000;

export interface SongPanelProps {
  song: ReceivedSong;
  mode: 'play' | 'karaoke';
  onDone(): void;
  /** The element the media keys should act on while this panel is up. */
  onMedia(audio: HTMLAudioElement | null): void;
}

export function SongPanel({ song: received, mode, onDone, onMedia, ...rest }: SongPanelProps) {
  const { t } = useTranslation();
  const { api, pairing } = useServices();
  const { failed: failedSongs } = usePairing();
  const audio = useRef<HTMLAudioElement | null>(null);
  const [song, setSong] = useState<Song | undefined>(received.files ? (received as Song) : undefined);
  const [cues, setCues] = useState<LyricCue[]>();
  const [failed, setFailed] = useState(false);

  // A song still being made plays from its growing playlist; its files (cover, words) come when it is whole.
  const [stream] = useState(() => (received.stream && !received.files ? received.stream : undefined));
  // The station gave up on the song being made: say so kindly, stop its stream and go back by itself.
  const unfinished = !song && songFailed(failedSongs, received);
  useEffect(() => {
    if (!unfinished) return undefined;
    const timer = setTimeout(onDone, FAILED_RETURN_MS);
    return () => clearTimeout(timer);
  }, [unfinished, onDone]);

  useEffect(() => {
    const abort = new AbortController();
    const load = (tries: number): Promise<void> =>
      api.song(received.id, { signal: abort.signal }).then((s) => {
        if (!s.files) throw new Error('not yet made');
        return s;
      }).then(
        (s) => {
          setSong(s);
          return api.text(s.files.lyrics, { signal: abort.signal }).then((v) => setCues(parseVtt(v)));
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          if (stream && tries > 0) return new Promise<void>((r) => setTimeout(r, 3000)).then(() => (abort.signal.aborted ? undefined : load(tries - 1)));
          setFailed(true);
          throw error;
        },
      );
    load(stream ? 60 : 0).catch(() => setCues([]));
    return () => abort.abort();
  }, [api, received.id, stream]);

  // The element as state, not only a ref: the panel may render its body after it mounts, and the
  // stream must start (and the media keys attach) when the element is there.
  const [element, setElement] = useState<HTMLAudioElement | null>(null);
  const audioRef = useCallback((el: HTMLAudioElement | null) => {
    audio.current = el;
    setElement(el);
  }, []);

  useEffect(() => {
    if (!stream || !element || unfinished) return undefined;
    return playSongStream(element, api.url(stream), () => setFailed(true));
  }, [api, stream, element, unfinished]);

  // Its first audio: the phone that sent it learns it is playing on the TV now.
  const onPlaying = useCallback(() => {
    if (received.dedication) pairing.playing(received.dedication);
  }, [pairing, received.dedication]);

  useEffect(() => {
    onMedia(element);
    return () => onMedia(null);
  }, [onMedia, element]);

  const src = stream ? undefined : song && api.url(mode === 'karaoke' ? song.files.karaoke : song.files.audio);

  const getTime = useCallback(() => audio.current?.currentTime, []);
  const cover = song && api.url(song.files.cover);
  const title = song?.title ?? received.title;
  const to = song?.to ?? received.to;
  const from = song?.from ?? received.from;

  // Where the words would be sung: the one thing on screen to read.
  const notice = (
    <div className={css.unfinished} role="alert" data-testid="song-failed">
      <p className={css.unfinishedTitle}>{t('songFailed.title')}</p>
      <p className={css.unfinishedBack}>{t('songFailed.back')}</p>
    </div>
  );

  return (
    <Panel {...rest} className={css.song} data-testid="view-song" data-mode={mode}>
      <Header title={mode === 'karaoke' ? t('karaoke.title') : title} subtitle={to ? (from ? t('forYou.fromLine', { to, from }) : t('live.dedicationTo', { to })) : undefined} type="compact" />
      <audio ref={audioRef} src={src} autoPlay onEnded={onDone} onPlaying={onPlaying} onError={() => setFailed(true)} data-testid="song-audio" />
      <div className={css.body}>
        {failed && !unfinished ? <StatusBanner condition="unreachable" text={t('error.unreachable')} /> : null}
        {mode === 'karaoke' ? (
          <div className={css.karaoke}>
            {unfinished ? notice : cues && cues.length === 0 ? <p className={css.none}>{t('karaoke.noLyrics')}</p> : <LyricsView cues={cues} getTime={getTime} variant="karaoke" waiting={title} />}
          </div>
        ) : (
          <div className={css.play}>
            <CoverArt src={cover} title={title} />
            <div className={css.info}>
              {unfinished ? notice : <LyricsView cues={cues} getTime={getTime} />}
            </div>
          </div>
        )}
        <div className={css.footer}>
          {song || received.durationSec ? <ProgressLine getTime={getTime} durationSec={song?.durationSec ?? received.durationSec!} /> : null}
          <Button size="small" icon="liveplay" onClick={onDone} data-testid="back-to-live" className={css.back}>{t('forYou.backToLive')}</Button>
        </div>
      </div>
    </Panel>
  );
}
