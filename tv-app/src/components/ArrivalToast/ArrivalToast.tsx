/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// "A song for you from Alex: play now?" Appears over any view when a phone's song is ready;
// focus moves into it (Popup restricts Spotlight to itself), and Back or Later puts it off.
import Button from '@enact/sandstone/Button';
import Popup from '@enact/sandstone/Popup';
import Spotlight from '@enact/spotlight';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedSong } from '../../station/settings';
import css from './ArrivalToast.module.less';

/** Unanswered, the toast goes away on its own; the song stays in For you. */
const SHOW_MS = 30_000;

export interface ArrivalToastProps {
  song: ReceivedSong | undefined;
  onPlay(song: ReceivedSong): void;
  onLater(): void;
}

export function ArrivalToast({ song, onPlay, onLater }: ArrivalToastProps) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!song) return;
    const timer = setTimeout(onLater, SHOW_MS);
    return () => clearTimeout(timer);
  }, [song, onLater]);
  return (
    <Popup open={!!song} position="bottom" onClose={onLater} onShow={() => Spotlight.focus('[data-testid="toast-play"]')} spotlightId="arrival-toast">
      {song ? (
        <div className={css.toast} data-testid="toast">
          <p className={css.text}>{song.from ? t('forYou.toast', { from: song.from }) : t('forYou.toastNoFrom')}</p>
          <p className={css.title}>{song.title}</p>
          <div className={css.actions}>
            <Button onClick={() => onPlay(song)} icon="play" spotlightId="toast-play" data-testid="toast-play">
              {t('forYou.playNow')}
            </Button>
            <Button onClick={onLater} data-testid="toast-later">
              {t('forYou.later')}
            </Button>
          </div>
        </div>
      ) : null}
    </Popup>
  );
}
