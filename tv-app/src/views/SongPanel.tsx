/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// One song on demand: "play" is the full mix with the line being sung; "karaoke" is the
// accompaniment alone with large lyrics to sing. When it ends, the caller returns to Live.
import Button from '@enact/sandstone/Button';
import { Header, Panel } from '@enact/sandstone/Panels';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../App/services';
import { CoverArt } from '../components/CoverArt/CoverArt';
import { LyricsView } from '../components/LyricsView/LyricsView';
import { ProgressLine } from '../components/ProgressLine/ProgressLine';
import { StatusBanner } from '../components/StatusBanner/StatusBanner';
import { parseVtt, type LyricCue } from '../lyrics/vtt';
import type { ReceivedSong } from '../station/settings';
import type { Song } from '../station/types';
import css from './SongPanel.module.less';

export interface SongPanelProps {
  song: ReceivedSong;
  mode: 'play' | 'karaoke';
  onDone(): void;
  /** The element the media keys should act on while this panel is up. */
  onMedia(audio: HTMLAudioElement | null): void;
}

export function SongPanel({ song: received, mode, onDone, onMedia, ...rest }: SongPanelProps) {
  const { t } = useTranslation();
  const { api } = useServices();
  const audio = useRef<HTMLAudioElement>(null);
  const [song, setSong] = useState<Song | undefined>(received.files ? (received as Song) : undefined);
  const [cues, setCues] = useState<LyricCue[]>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    api.song(received.id, { signal: abort.signal }).then(
      (s) => {
        setSong(s);
        return api.text(s.files.lyrics, { signal: abort.signal }).then((v) => setCues(parseVtt(v)));
      },
      () => !abort.signal.aborted && setFailed(true),
    ).catch(() => setCues([]));
    return () => abort.abort();
  }, [api, received.id]);

  useEffect(() => {
    onMedia(audio.current);
    return () => onMedia(null);
  }, [onMedia]);

  const src = song && api.url(mode === 'karaoke' ? song.files.karaoke : song.files.audio);

  const getTime = useCallback(() => audio.current?.currentTime, []);
  const cover = song && api.url(song.files.cover);
  const title = song?.title ?? received.title;
  const to = song?.to ?? received.to;
  const from = song?.from ?? received.from;

  return (
    <Panel {...rest} className={css.song} data-testid="view-song" data-mode={mode}>
      <Header title={mode === 'karaoke' ? t('karaoke.title') : title} subtitle={to ? (from ? t('forYou.fromLine', { to, from }) : t('live.dedicationTo', { to })) : undefined} type="compact" />
      <audio ref={audio} src={src} autoPlay onEnded={onDone} onError={() => setFailed(true)} data-testid="song-audio" />
      <div className={css.body}>
        {failed ? <StatusBanner condition="unreachable" text={t('error.unreachable')} /> : null}
        {mode === 'karaoke' ? (
          <div className={css.karaoke}>
            {cues && cues.length === 0 ? <p className={css.none}>{t('karaoke.noLyrics')}</p> : <LyricsView cues={cues} getTime={getTime} variant="karaoke" waiting={title} />}
          </div>
        ) : (
          <div className={css.play}>
            <CoverArt src={cover} title={title} />
            <div className={css.info}>
              <LyricsView cues={cues} getTime={getTime} />
            </div>
          </div>
        )}
        <div className={css.footer}>
          {song ? <ProgressLine getTime={getTime} durationSec={song.durationSec} /> : null}
          <Button size="small" icon="liveplay" onClick={onDone} data-testid="back-to-live" className={css.back}>{t('forYou.backToLive')}</Button>
        </div>
      </div>
    </Panel>
  );
}
