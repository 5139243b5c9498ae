/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// Live: the channel on air, full screen. Cover art over a blurred copy of itself, title, genre
// and vibe, the dedication, the line being sung, progress, and what comes next; the other views
// are one row of buttons away.
import Button from '@enact/sandstone/Button';
import { Panel } from '@enact/sandstone/Panels';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { colourOf } from '../App/remoteKeys';
import { useLive, useServices } from '../App/services';
import { CoverArt } from '../components/CoverArt/CoverArt';
import { LyricsView } from '../components/LyricsView/LyricsView';
import { ProgressLine } from '../components/ProgressLine/ProgressLine';
import { StatusBanner, type Condition } from '../components/StatusBanner/StatusBanner';
import type { ShownItem } from '../player/liveController';
import css from './LivePanel.module.less';

export type NavTarget = 'channels' | 'forYou' | 'pair' | 'settings';

const NAV: readonly { target: NavTarget; icon: string; label: string }[] = [
  { target: 'channels', icon: 'list', label: 'nav.channels' },
  { target: 'forYou', icon: 'heart', label: 'nav.forYou' },
  { target: 'pair', icon: 'mobile', label: 'nav.pair' },
  { target: 'settings', icon: 'gear', label: 'nav.settings' },
];

export interface LivePanelProps {
  condition: Condition;
  conditionText: string;
  channelName: string | undefined;
  onNavigate(target: NavTarget): void;
  /** Sandstone's autoFocus: a selector for the control to focus when the panel shows. */
  autoFocus?: string;
}

function useDedication(item: ShownItem | undefined) {
  const { t } = useTranslation();
  if (!item || item.kind === 'jingle') return undefined;
  const to = item.air?.dedication?.to ?? item.song?.to;
  const from = item.air?.dedication?.from ?? item.song?.from;
  if (!to) return undefined;
  return { line: from ? t('live.dedicationFull', { to, from }) : t('live.dedicationTo', { to }), message: item.air?.dedication?.message };
}

export function LivePanel({ condition, conditionText, channelName, onNavigate, ...rest }: LivePanelProps) {
  const { t } = useTranslation();
  const { live } = useServices();
  const { item, next } = useLive();
  const dedication = useDedication(item);
  const itemId = item?.id;
  const getTime = useCallback(() => {
    const p = live.position();
    return p && p.key === itemId ? p.offset : undefined;
  }, [live, itemId]);
  const genre = item?.song?.genre ?? item?.air?.genre;
  const vibe = item?.song?.vibe ?? item?.air?.vibe;
  const tags = item?.kind === 'jingle' ? [t('live.jingle')] : [genre && t(`catalog:genre.${genre}`), vibe && t(`catalog:vibe.${vibe}`)].filter((x): x is string => !!x);

  return (
    <Panel {...rest} className={css.live} data-testid="view-live" spotlightId="live-panel">
      <div className={css.layout}>
        <div className={css.top}>
          <span className={css.onAir}>● {t('live.onAir')}{channelName ? ` · ${channelName}` : ''}</span>
          <StatusBanner condition={condition} text={conditionText} />
        </div>
        <div className={css.main}>
          <CoverArt src={item?.artwork} title={item?.title ?? ''} className={css.cover} />
          <div className={css.info} data-testid="now" data-item={item?.id ?? ''} data-song={item?.songId ?? ''}>
            <h1 className={css.title} data-testid="title">{item?.title ?? ''}</h1>
            {tags.length ? <div className={css.tags}>{tags.map((tag) => <span key={tag} className={css.tag}>{tag}</span>)}</div> : null}
            {dedication ? (
              <div className={css.dedication} data-testid="dedication">
                <span className={css.dedicationLine}>{dedication.line}</span>
                {dedication.message ? <q className={css.message}>{dedication.message}</q> : null}
              </div>
            ) : null}
            <LyricsView cues={item?.cues} getTime={getTime} waiting={item?.cues?.length ? t('live.lyricsSoon') : undefined} />
            {item ? <ProgressLine getTime={getTime} durationSec={item.durationMs / 1000} /> : null}
            {next ? (
              <div className={css.next} data-testid="next">
                <span className={css.nextLabel}>{t('live.upNext')}</span> {next.kind === 'jingle' ? t('live.jingle') : next.title}
              </div>
            ) : null}
          </div>
        </div>
        <nav className={css.nav}>
          {NAV.map(({ target, icon, label }) => (
            <Button key={target} icon={icon} size="small" onClick={() => onNavigate(target)} data-testid={`nav-${target}`}>
              {/* The remote's colour key that opens this view from Live. */}
              <span className={`${css.colourKey} ${css[colourOf(target)]}`} data-testid={`key-${colourOf(target)}`} aria-hidden="true" />
              {t(label)}
            </Button>
          ))}
        </nav>
      </div>
    </Panel>
  );
}
