/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// For you: songs phones have sent to this TV, newest first. Each plays on demand (then Live
// comes back) or as karaoke over its accompaniment.
import Button from '@enact/sandstone/Button';
import { Header, Panel } from '@enact/sandstone/Panels';
import Scroller from '@enact/sandstone/Scroller';
import { spotlightDefaultClass } from '@enact/spotlight/SpotlightContainerDecorator';
import { useTranslation } from 'react-i18next';
import { usePairing } from '../App/services';
import type { ReceivedSong } from '../station/settings';
import css from './ForYouPanel.module.less';

export interface ForYouPanelProps {
  onPlay(song: ReceivedSong, mode: 'play' | 'karaoke'): void;
}

export function ForYouPanel({ onPlay, ...rest }: ForYouPanelProps) {
  const { t } = useTranslation();
  const { received } = usePairing();
  return (
    <Panel {...rest} data-testid="view-forYou" spotlightId="for-you-panel">
      <Header title={t('forYou.title')} subtitle={t('forYou.subtitle')} />
      {received.length === 0 ? (
        <p className={css.empty} data-testid="for-you-empty">{t('forYou.empty')}</p>
      ) : (
        <Scroller className={css.scroller} focusableScrollbar={false}>
          {received.map((song, i) => (
            <div key={song.id} className={css.row} data-testid={`received-${song.id}`}>
              <div className={css.text}>
                <div className={css.title}>{song.title}</div>
                {song.to ? <div className={css.from}>{song.from ? t('forYou.fromLine', { to: song.to, from: song.from }) : t('live.dedicationTo', { to: song.to })}</div> : null}
              </div>
              <Button size="small" icon="play" className={i === 0 ? spotlightDefaultClass : undefined} onClick={() => onPlay(song, 'play')} data-testid={`play-${song.id}`}>{t('forYou.play')}</Button>
              <Button size="small" icon="lyrics" onClick={() => onPlay(song, 'karaoke')} data-testid={`karaoke-${song.id}`}>{t('forYou.karaoke')}</Button>
            </div>
          ))}
        </Scroller>
      )}
    </Panel>
  );
}
