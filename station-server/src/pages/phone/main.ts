// The phone companion page (/pair): pair with a TV, write a dedication, watch the song being made,
// then hear it, share it, or send another. One controller holds the state; each step is a view.
import type { SongRequest } from '@radio-optimism/shared';
import { currentLanguage, initI18n, onLanguageChanged, setLanguage } from '../i18n/index.js';
import { h, translateAll } from './dom.js';
import { openLink, stationSocketUrl, type Link } from './connection.js';
import { session } from './session.js';
import type { ServerFrame } from './frames.js';
import { pairErrorKey, songErrorKey } from './errors.js';
import { createHeader, createStatusBanner } from './header.js';
import { createPairView, type PairView } from './pair-view.js';
import { createFormView, type FormView } from './form-view.js';
import { createProgressView, type ProgressView } from './progress-view.js';
import type { FormValues } from './validate.js';
import { createLyricsView, type LyricsView } from './lyrics-view.js';
import { createTakesView, type TakesView } from './takes-view.js';

// How long to wait for the station's answer before saying the connection is the problem.
const ANSWER_TIMEOUT_MS = 10_000;

type Pending = { kind: 'pair' } | { kind: 'resume' } | { kind: 'song'; request: SongRequest; target: 'tv' | 'radio' } | { kind: 'draft' } | { kind: 'take' } | null;

async function start(root: HTMLElement): Promise<void> {
  await initI18n();
  document.documentElement.lang = currentLanguage();

  const banner = createStatusBanner();
  const main = h('main', { class: 'card' });
  root.replaceChildren(createHeader((lang) => void setLanguage(lang)), banner.el, main);

  let pairView: PairView | undefined;
  let formView: FormView | undefined;
  let progressView: ProgressView | undefined;
  let lyricsView: LyricsView | undefined;
  let takesView: TakesView | undefined;
  /** The request being drafted or taken, and the group its takes belong to. */
  let drafting: { request: SongRequest; target: 'tv' | 'radio'; values: FormValues } | undefined;
  let takeGroup: string | undefined;
  let dedicationId: string | undefined;
  /** Takes sent as dedications: dedication id → the take's song id. */
  const sentTakes = new Map<string, string>();
  let lastSong: { request: SongRequest; target: 'tv' | 'radio'; values: FormValues } | undefined;
  let pending: Pending = null;
  let timer: number | undefined;

  const show = (view: HTMLElement, focus?: () => void) => {
    main.replaceChildren(view);
    window.scrollTo({ top: 0 });
    focus?.();
  };

  const wait = (next: Pending) => {
    pending = next;
    window.clearTimeout(timer);
    if (next) timer = window.setTimeout(() => answerTimedOut(), ANSWER_TIMEOUT_MS);
  };
  const answered = () => wait(null);

  const showPair = (errorKey: string | null = null) => {
    formView = undefined;
    progressView = undefined;
    const code = new URLSearchParams(location.search).get('code') ?? '';
    pairView = createPairView({ code: code.toUpperCase().slice(0, 9), name: session.name(), onSubmit: pair });
    show(pairView.el);
    pairView.showError(errorKey);
  };

  const showForm = (fill?: FormValues, errorKey: string | null = null) => {
    pairView = undefined;
    progressView = undefined;
    lyricsView = undefined;
    takesView = undefined;
    formView = createFormView({ language: currentLanguage(), from: session.name(), onSubmit: sendSong, onWrite: writeWords, onLeave: leave });
    if (fill) formView.fill(fill);
    show(formView.el);
    formView.showError(errorKey);
  };

  const showProgress = (to: string) => {
    progressView = createProgressView({
      to,
      onAnother: () => showForm(),
      onRetry: () => lastSong && sendSong(lastSong.request, lastSong.target),
      onEdit: () => showForm(lastSong?.values),
    });
    formView = undefined;
    show(progressView.el, () => progressView?.el.querySelector<HTMLElement>('h1')?.focus());
  };

  function pair(code: string, name: string) {
    session.saveName(name);
    if (!link.send({ type: 'phone.pair', code, ...(name ? { name } : {}) })) return pairView?.showError('errors.offline');
    pairView?.setBusy(true);
    wait({ kind: 'pair' });
  }

  function sendSong(request: SongRequest, target: 'tv' | 'radio') {
    const values = formView?.values() ?? lastSong?.values;
    if (values) lastSong = { request, target, values };
    if (request.from) session.saveName(request.from);
    if (!link.send({ type: 'dedication.create', request, target })) {
      if (formView) return formView.showError('errors.offline');
      return progressView?.failed('errors.offline');
    }
    formView?.setBusy(true);
    dedicationId = undefined;
    wait({ kind: 'song', request, target });
  }

  function writeWords(request: SongRequest, target: 'tv' | 'radio') {
    const values = formView?.values();
    if (values) drafting = { request, target, values };
    if (request.from) session.saveName(request.from);
    if (!link.send({ type: 'lyrics.draft', request })) return formView?.showError('errors.offline');
    formView?.setBusy(true);
    wait({ kind: 'draft' });
  }

  function makeTake(request: SongRequest) {
    if (!link.send({ type: 'take.create', request })) return lyricsView?.showError('errors.offline');
    lyricsView?.setBusy(true);
    takeGroup = undefined;
    wait({ kind: 'take' });
  }

  const showTakes = (to: string) => {
    formView = undefined;
    lyricsView = undefined;
    takesView = createTakesView({
      to,
      onAnother: () => {
        if (!takeGroup || !link.send({ type: 'take.another', group: takeGroup })) return takesView?.showError('errors.offline');
        takesView?.setBusy(true);
        wait({ kind: 'take' });
      },
      onSend: (take, target) => {
        if (!link.send({ type: 'take.send', take, target })) return takesView?.showError('errors.offline');
        wait({ kind: 'take' });
      },
      onNew: () => showForm(),
    });
    show(takesView.el, () => takesView?.el.querySelector<HTMLElement>('h1')?.focus());
  };

  function leave() {
    link.send({ type: 'phone.leave' });
    session.clearToken();
    showPair();
  }

  function answerTimedOut() {
    const was = pending;
    pending = null;
    if (was?.kind === 'pair') {
      pairView?.setBusy(false);
      pairView?.showError('errors.offline');
    } else if (was?.kind === 'song' || was?.kind === 'draft') {
      formView?.setBusy(false);
      formView?.showError('errors.offline');
    } else if (was?.kind === 'take') {
      lyricsView?.setBusy(false);
      lyricsView?.showError('errors.offline');
    }
  }

  const handlers: { [K in ServerFrame['type']]: (frame: Extract<ServerFrame, { type: K }>) => void } = {
    'phone.paired': (f) => {
      session.saveToken(f.sessionToken);
      const was = pending;
      answered();
      if (was?.kind === 'pair' || pairView) showForm();
    },
    'phone.left': (f) => {
      session.clearToken();
      answered();
      showPair(f.reason === 'unpaired-by-tv' ? 'errors.leftByTv' : 'errors.left');
    },
    'dedication.accepted': (f) => {
      dedicationId = f.id;
      answered();
      // A first try and a retry alike start a fresh progress view.
      if (lastSong) showProgress(lastSong.request.to);
      progressView?.stage('queued', f.position);
    },
    'dedication.progress': (f) => {
      if (f.id === dedicationId) progressView?.stage(f.stage, f.position);
    },
    'dedication.ready': (f) => {
      if (f.id === dedicationId) {
        progressView?.ready(f.song, f.target);
        if (f.moderation === 'approved') progressView?.moderated('approved');
      }
      else if (takesView) {
        answered();
        sentTakes.set(f.id, f.song.id);
        takesView.sent(f.song.id, f.target);
      }
    },
    'lyrics.drafted': (f) => {
      if (pending?.kind !== 'draft' || !drafting) return;
      answered();
      const { request } = drafting;
      formView = undefined;
      // The words were drafted with this seed: sent back unchanged, the first take sings them as written.
      lyricsView = createLyricsView({ request: { ...request, seed: f.seed }, sections: f.sections, onMake: makeTake, onBack: () => showForm(drafting?.values) });
      show(lyricsView.el, () => lyricsView?.el.querySelector<HTMLElement>('h1')?.focus());
    },
    'take.accepted': (f) => {
      answered();
      if (!takesView) showTakes(drafting?.request.to ?? '');
      takeGroup = f.group;
      takesView?.accepted(f.id, f.take);
    },
    'take.progress': (f) => {
      if (f.group === takeGroup) takesView?.stage(f.id, f.stage);
    },
    'take.ready': (f) => {
      if (f.group === takeGroup) takesView?.ready(f.id, f.take, f.song);
    },
    'take.failed': (f) => {
      if (f.group === takeGroup) takesView?.failed(f.id, songErrorKey(f.code));
    },
    'dedication.moderated': (f) => {
      if (f.id === dedicationId) progressView?.moderated(f.moderation);
    },
    'dedication.playing': (f) => {
      if (f.id === dedicationId) progressView?.playing();
      else if (sentTakes.has(f.id)) takesView?.playing(sentTakes.get(f.id)!);
    },
    'dedication.failed': (f) => {
      if (f.id === dedicationId) progressView?.failed(songErrorKey(f.code));
    },
    error: (f) => {
      const was = pending;
      answered();
      if (f.code === 'not-paired' && (was?.kind !== 'pair')) {
        session.clearToken();
        return showPair('errors.notPaired');
      }
      if (was?.kind === 'pair') {
        pairView?.setBusy(false);
        pairView?.showError(pairErrorKey(f.code));
      } else if (was?.kind === 'draft') {
        formView?.setBusy(false);
        formView?.showError(songErrorKey(f.code));
      } else if (was?.kind === 'take') {
        lyricsView?.setBusy(false);
        lyricsView?.showError(songErrorKey(f.code));
        takesView?.setBusy(false);
        takesView?.showError(songErrorKey(f.code));
      } else if (was?.kind === 'song') {
        if (formView) {
          formView.setBusy(false);
          formView.showError(songErrorKey(f.code));
        } else progressView?.failed(songErrorKey(f.code));
      }
    },
  };

  const link: Link = openLink({
    url: stationSocketUrl(),
    onOpen() {
      // Every new socket must say who it is: a reload, a reconnect after sleep, a network change.
      const token = session.token();
      if (token) {
        link.send({ type: 'phone.resume', sessionToken: token });
        if (!pending) wait({ kind: 'resume' });
      }
    },
    onFrame(frame) {
      const handler = handlers[frame.type as ServerFrame['type']] as ((f: ServerFrame) => void) | undefined;
      handler?.(frame as unknown as ServerFrame);
    },
    onStatus: (status) => banner.show(status),
  });
  banner.show(link.status);

  onLanguageChanged((lang) => {
    document.documentElement.lang = lang;
    translateAll(document);
    formView?.followLanguage(lang);
  });

  // A remembered pairing goes straight to the form; if the station no longer knows it, the
  // not-paired answer to phone.resume brings the pairing step back with a clear message.
  if (session.token()) showForm();
  else showPair();
  pairView?.focus();
}

const root = document.getElementById('app');
if (root) void start(root);
