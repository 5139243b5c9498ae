/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// Channels: every channel with what is on it now; Enter tunes in and returns to Live. A
// VirtualList, because one station can run thousands of channels.
import Item from '@enact/sandstone/Item';
import { Header, Panel } from '@enact/sandstone/Panels';
import VirtualList from '@enact/sandstone/VirtualList';
import ri from '@enact/ui/resolution';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../App/services';
import { StatusBanner } from '../components/StatusBanner/StatusBanner';
import type { Channel } from '../station/types';
import css from './ChannelsPanel.module.less';

export interface ChannelsPanelProps {
  current: string | undefined;
  onChoose(channel: string): void;
}

const REFRESH_MS = 10_000;

export function ChannelsPanel({ current, onChoose, ...rest }: ChannelsPanelProps) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [channels, setChannels] = useState<Channel[]>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    const load = () =>
      api.channels({ signal: abort.signal }).then(
        (list) => {
          setChannels(list);
          setFailed(false);
        },
        () => !abort.signal.aborted && setFailed(true),
      );
    void load();
    // What is on changes with every item: keep the list fresh while it is open.
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [api]);

  const renderItem = ({ index, ...itemRest }: { index: number }) => {
    const channel = channels?.[index];
    if (!channel) return null;
    const now = channel.now ? t('channels.nowOn', { title: channel.now.title }) : t('channels.startingSoon');
    const listening = channel.id === current;
    return (
      <Item
        {...itemRest}
        className={css.item}
        label={`${listening ? `${t('channels.listening')} · ` : ''}${now}`}
        onClick={() => onChoose(channel.id)}
        data-testid={`channel-${channel.id}`}
        selected={listening}
      >
        {channel.name}
      </Item>
    );
  };

  return (
    <Panel {...rest} data-testid="view-channels">
      <Header title={t('channels.title')} subtitle={t('channels.subtitle')} />
      {failed && !channels ? <StatusBanner condition="unreachable" text={t('status.unreachable')} /> : null}
      {!channels && !failed ? <StatusBanner condition="loading" text={t('status.loading')} /> : null}
      {channels && channels.length === 0 ? <p className={css.empty}>{t('channels.empty')}</p> : null}
      {channels && channels.length > 0 ? (
        <VirtualList className={css.list} dataSize={channels.length} itemRenderer={renderItem} itemSize={ri.scale(276)} spacing={ri.scale(6)} />
      ) : null}
    </Panel>
  );
}
