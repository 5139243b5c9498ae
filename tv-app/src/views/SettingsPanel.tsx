/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// Settings: language, the channel to start on, and (for the installed app) the station address.
import Button from '@enact/sandstone/Button';
import { InputField } from '@enact/sandstone/Input';
import { Header, Panel } from '@enact/sandstone/Panels';
import Scroller from '@enact/sandstone/Scroller';
import { spotlightDefaultClass } from '@enact/spotlight/SpotlightContainerDecorator';
import type { Language } from '@radio-optimism/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../App/services';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n';
import { normaliseStationUrl } from '../station/stationUrl';
import type { Channel } from '../station/types';
import css from './SettingsPanel.module.less';

export interface SettingsPanelProps {
  language: Language;
  startChannel: string | undefined;
  stationUrl: string;
  onLanguage(language: Language): void;
  onStartChannel(channel: string): void;
  onStationUrl(url: string): void;
}

export function SettingsPanel({ language, startChannel, stationUrl, onLanguage, onStartChannel, onStationUrl, ...rest }: SettingsPanelProps) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [channels, setChannels] = useState<Channel[]>([]);
  const [url, setUrl] = useState(stationUrl);
  const valid = normaliseStationUrl(url) !== undefined;
  // Without a choice saved, the app starts on the station's first channel (or the default one).
  const starting = channels.some((c) => c.id === startChannel) ? startChannel : channels[0]?.id;

  useEffect(() => {
    const abort = new AbortController();
    api.channels({ signal: abort.signal }).then(setChannels, () => undefined);
    return () => abort.abort();
  }, [api]);

  return (
    <Panel {...rest} data-testid="view-settings">
      <Header title={t('settings.title')} />
      <Scroller className={css.scroller} focusableScrollbar={false}>
        <h2 className={css.heading}>{t('settings.language')}</h2>
        <div className={css.row}>
          {LANGUAGES.map((lang) => (
            <Button
              key={lang}
              size="small"
              // Focus starts on the language in use: the viewer came to change it, or to see it.
              className={lang === language ? spotlightDefaultClass : undefined}
              selected={lang === language} icon={lang === language ? 'check' : undefined} onClick={() => onLanguage(lang)} data-testid={`lang-${lang}`} lang={lang}>
              {LANGUAGE_NAMES[lang]}
            </Button>
          ))}
        </div>
        <h2 className={css.heading}>{t('settings.startChannel')}</h2>
        <div className={css.row}>
          {channels.map((c) => (
            <Button key={c.id} size="small" selected={c.id === starting} icon={c.id === starting ? 'check' : undefined} onClick={() => onStartChannel(c.id)}>
              {c.name}
            </Button>
          ))}
        </div>
        <h2 className={css.heading}>{t('settings.station')}</h2>
        <p className={css.hint}>{t('settings.stationHint', { url: stationUrl })}</p>
        <div className={css.row}>
          <InputField className={css.input} value={url} onChange={({ value }: { value: string }) => setUrl(value)} invalid={!valid} invalidMessage={t('settings.invalidUrl')} type="url" />
          <Button size="small" disabled={!valid} onClick={() => onStationUrl(normaliseStationUrl(url)!)}>{t('settings.save')}</Button>
        </div>
      </Scroller>
    </Panel>
  );
}
