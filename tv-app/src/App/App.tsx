/* eslint-disable react/jsx-no-bind -- small inline handlers on panels that re-render rarely; CI builds treat lint warnings as errors */
// The app: theme, language, the long-lived services, and the panel stack. Live is always the
// bottom panel; Back closes the top panel, and on Live asks before leaving.
import Panels from '@enact/sandstone/Panels';
import ThemeDecorator from '@enact/sandstone/ThemeDecorator';
import type { Language } from '@radio-optimism/shared';
import { cloneElement, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ArrivalToast } from '../components/ArrivalToast/ArrivalToast';
import { CoverBackdrop } from '../components/CoverArt/CoverArt';
import { ExitPopup } from '../components/ExitPopup/ExitPopup';
import { applyDocumentLanguage, createI18n, isLanguage, pickLanguage } from '../i18n';
import { loadSettings, saveSettings, type ReceivedSong } from '../station/settings';
import { resolveStationUrl } from '../station/stationUrl';
import { ChannelsPanel } from '../views/ChannelsPanel';
import { ForYouPanel } from '../views/ForYouPanel';
import { LivePanel, type NavTarget } from '../views/LivePanel';
import { PairPanel } from '../views/PairPanel';
import { SettingsPanel } from '../views/SettingsPanel';
import { SongPanel } from '../views/SongPanel';
import { useFocusGuard } from './focusGuard';
import { bringToFront, canBringToFront, useLaunchTargets, type LaunchTarget } from './launch';
import { stepChannel, useRemoteKeys } from './remoteKeys';
import { watchSystemLocale } from './systemLanguage';
import { usePageVisibility } from './visibility';
import { useBackKey, useMediaKeys } from './mediaKeys';
import Spotlight from '@enact/spotlight';
import { createServices, ServicesContext, useLive, useOnline, usePairing, useServices } from './services';
import { conditionOf } from './condition';
import './hangul.less';
import css from './App.module.less';

type View = { kind: NavTarget } | { kind: 'song'; song: ReceivedSong; mode: 'play' | 'karaoke' };

const DEFAULT_CHANNEL = 'radio-optimism';

function Screens({ language, onLanguage, stationUrl }: { language: Language; onLanguage(l: Language): void; stationUrl: string }) {
  const services = useServices();
  const { live, api, socket, pairing } = services;
  const { arrived } = usePairing();
  const { status, item } = useLive();
  const online = useOnline();
  const i18n = useMemo(() => createI18n(language), [language]);
  const [stack, setStack] = useState<View[]>([]);
  const [exitOpen, setExitOpen] = useState(false);
  const [channel, setChannel] = useState(() => loadSettings().startChannel ?? DEFAULT_CHANNEL);
  const [channelNames, setChannelNames] = useState<Record<string, string>>({});
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [startChannel, setStartChannel] = useState(() => loadSettings().startChannel);
  const songMedia = useRef<HTMLAudioElement | null>(null);
  // Per panel depth, the control that had focus when a panel was opened over it: Back puts focus
  // there again (Sandstone's own last-focused memory does not survive the panel unmounting).
  const returnFocus = useRef<(string | undefined)[]>([]);
  const top = stack[stack.length - 1];

  // Tune at once (first audio matters most), then check the channel exists; retry until the
  // station answers so a TV switched on before the station still finds its channels.
  useEffect(() => {
    live.tune(channel);
    socket.send({ type: 'channel.subscribe', channel }, 'subscribe');
  }, [live, socket, channel]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const abort = new AbortController();
    const load = () =>
      api.channels({ signal: abort.signal }).then(
        (list) => {
          setChannelNames(Object.fromEntries(list.map((c) => [c.id, c.name])));
          setChannelIds(list.map((c) => c.id));
          if (list.length && !list.some((c) => c.id === channel)) setChannel(list[0]!.id);
        },
        () => {
          if (!abort.signal.aborted) timer = setTimeout(load, 5000);
        },
      );
    void load();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api, channel]);

  const rememberFocus = (depth: number) => {
    // Only a control inside the panels: a popup's button (the toast's) is gone when Back returns.
    const active = document.activeElement;
    returnFocus.current[depth] = (active?.closest('[data-view]') && active.getAttribute('data-testid')) || undefined;
    returnFocus.current.length = depth + 1;
  };
  const push = (view: View) => {
    rememberFocus(stack.length);
    setStack([...stack, view]);
  };
  const pop = () => {
    if (top?.kind === 'song') live.tune(channel);
    setStack(stack.slice(0, -1));
  };

  const playSong = (song: ReceivedSong, mode: 'play' | 'karaoke') => {
    pairing.dismissArrival();
    live.suspend();
    // A song replaces whatever song panel is up rather than stacking on it.
    const rest = stack.filter((v) => v.kind !== 'song');
    if (top?.kind !== 'song') rememberFocus(rest.length);
    setStack([...rest, { kind: 'song', song, mode }]);
  };
  const finishSong = useCallback(() => {
    setStack((s) => s.filter((v) => v.kind !== 'song'));
    live.tune(channel);
  }, [live, channel]);

  const toastOpen = !!arrived && top?.kind !== 'song';

  // Live, on `id`: what a launch with {channel} and the channel keys ask for.
  const goLive = (id: string) => {
    setStack([]);
    if (id !== channel) setChannel(id);
    else if (top?.kind === 'song') live.tune(id);
  };
  useLaunchTargets((target: LaunchTarget) => {
    if ('channel' in target) goLive(target.channel);
    else playSong({ id: target.songId, title: '', receivedAt: new Date().toISOString() }, 'play');
  });
  // A song for this TV while the app is in the background: webOS brings it forward on that song.
  const playSongNow = useRef(playSong);
  playSongNow.current = playSong;
  useEffect(() => {
    if (arrived && document.hidden && canBringToFront()) {
      bringToFront();
      playSongNow.current(arrived, 'play');
    }
  }, [arrived]);
  // Hidden: nothing plays. Shown: the socket reconnects at once and Live starts again at the live
  // edge (a fresh playlist), or the song on screen carries on.
  usePageVisibility({
    onHidden: () => {
      songMedia.current?.pause();
      live.suspend();
    },
    onShown: () => {
      socket.reconnectNow();
      if (top?.kind === 'song') void songMedia.current?.play().catch(() => undefined);
      else live.tune(channel);
    },
  });
  useRemoteKeys(stack.length === 0 && !exitOpen && !toastOpen, {
    onChannel: (step) => {
      const next = stepChannel(channelIds, channel, step);
      if (next) setChannel(next);
    },
    onView: (kind) => push({ kind }),
  });
  // Panels call this for Back inside a panel above Live.
  const onBack = () => {
    if (stack.length > 0) pop();
  };
  useBackKey((focusLost) => {
    // Open popups close themselves on Back.
    if (exitOpen || toastOpen) return;
    // After this key up is done: a popup opened during it would take it as its own Back.
    if (stack.length === 0) setTimeout(() => setExitOpen(true), 0);
    else if (focusLost) pop();
  });
  // Back to a panel: focus the control that opened the panel above it, once the slide is over.
  const onTransition = () => {
    const key = returnFocus.current[stack.length];
    const target = key && document.querySelector(`[data-view] [data-testid="${key}"]`);
    // Spotlight.focus takes an element too; its typings only list ids.
    if (target && !Spotlight.getPointerMode()) (Spotlight.focus as unknown as (node: Element) => boolean)(target);
  };


  const onMedia = useCallback((el: HTMLAudioElement | null) => {
    songMedia.current = el;
  }, []);
  useMediaKeys({ live, songMedia, blocked: status === 'blocked' });
  useFocusGuard();

  const leave = () => {
    // webOS closes an app that calls window.close(); a browser tab ignores it.
    window.close();
    setExitOpen(false);
  };

  const condition = conditionOf(online, status);
  /** Sandstone's autoFocus for the panel at `depth`: the control to focus when it shows again. */
  const focusAt = (depth: number) => {
    const key = returnFocus.current[depth];
    return key ? `[data-testid="${key}"]` : undefined;
  };
  const renderView = (view: View, i: number) => cloneElement(renderPanel(view, i), { autoFocus: focusAt(i + 1) });
  const renderPanel = (view: View, i: number) => {
    switch (view.kind) {
      case 'channels':
        return <ChannelsPanel key={`v${i}`} current={channel} onChoose={(id) => { setChannel(id); pop(); }} />;
      case 'forYou':
        return <ForYouPanel key={`v${i}`} onPlay={playSong} />;
      case 'pair':
        return <PairPanel key={`v${i}`} />;
      case 'settings':
        return (
          <SettingsPanel
            key={`v${i}`}
            language={language}
            startChannel={startChannel ?? DEFAULT_CHANNEL}
            stationUrl={stationUrl}
            onLanguage={onLanguage}
            onStartChannel={(id) => {
              saveSettings({ startChannel: id });
              setStartChannel(id);
            }}
            onStationUrl={(url) => {
              saveSettings({ stationUrl: url });
              window.location.reload();
            }}
          />
        );
      case 'song':
        return <SongPanel key={`song-${view.song.id}-${view.mode}`} song={view.song} mode={view.mode} onDone={finishSong} onMedia={onMedia} />;
    }
  };

  return (
    <I18nextProvider i18n={i18n}>
      {/* Behind every panel: the art of what is heard, blurred. */}
      <CoverBackdrop src={top?.kind === 'song' ? api.url(top.song.files?.cover ?? `/media/songs/${top.song.id}/cover.jpg`) : item?.artwork} />
      <Panels index={stack.length} onBack={onBack} onTransition={onTransition} noCloseButton backButtonAriaLabel={i18n.t('nav.back')} className={css.panels} data-view={top?.kind ?? 'live'}>
        <LivePanel key="live" autoFocus={focusAt(0)} condition={condition} conditionText={i18n.t(`status.${condition === 'ok' ? 'loading' : condition}`)} channelName={channelNames[channel]} onNavigate={(kind) => push({ kind })} />
        {stack.map(renderView)}
      </Panels>
      <ExitPopup open={exitOpen} onLeave={leave} onStay={() => setExitOpen(false)} />
      <ArrivalToast song={toastOpen ? arrived : undefined} onPlay={(song) => playSong(song, 'play')} onLater={pairing.dismissArrival} />
    </I18nextProvider>
  );
}

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

function AppBase({ className, ...props }: { className?: string }) {
  const [language, setLanguage] = useState<Language>(() => pickLanguage(loadSettings().language, browserLanguages()));
  const stationUrl = useMemo(() => resolveStationUrl(window.location, loadSettings().stationUrl), []);
  const [services] = useState(() => {
    const audio = document.createElement('audio');
    audio.setAttribute('data-testid', 'live-audio');
    audio.preload = 'auto';
    document.body.appendChild(audio);
    return createServices(stationUrl, audio);
  });
  useEffect(() => () => services.destroy(), [services]);
  // The TV's own language, unless the viewer chose one in Settings (that choice always wins).
  useEffect(
    () =>
      watchSystemLocale((locale) => {
        if (!isLanguage(loadSettings().language)) setLanguage(pickLanguage(undefined, [locale, ...browserLanguages()]));
      }),
    [],
  );
  useEffect(() => applyDocumentLanguage(language), [language]);
  const onLanguage = useCallback((l: Language) => {
    saveSettings({ language: l });
    setLanguage(l);
  }, []);
  return (
    <div {...props} className={[className, css.app].filter(Boolean).join(' ')}>
      <ServicesContext.Provider value={services}>
        <Screens language={language} onLanguage={onLanguage} stationUrl={stationUrl} />
      </ServicesContext.Provider>
    </div>
  );
}

// i18n: false: the text is translated by i18next; ilib would fetch locale files this app does not ship.
export const App = ThemeDecorator({ i18n: false }, AppBase);
export default App;
