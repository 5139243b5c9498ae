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

// How long to wait for the station's answer before saying the connection is the problem.
const ANSWER_TIMEOUT_MS = 10_000;

type Pending = { kind: 'pair' } | { kind: 'resume' } | { kind: 'song'; request: SongRequest; target: 'tv' | 'radio' } | null;

async function start(root: HTMLElement): Promise<void> {
  await initI18n();
  document.documentElement.lang = currentLanguage();

  const banner = createStatusBanner();
  const main = h('main', { class: 'card' });
  root.replaceChildren(createHeader((lang) => void setLanguage(lang)), banner.el, main);

  let pairView: PairView | undefined;
  let formView: FormView | undefined;
  let progressView: ProgressView | undefined;
  let dedicationId: string | undefined;
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
    formView = createFormView({ language: currentLanguage(), from: session.name(), onSubmit: sendSong, onLeave: leave });
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
    } else if (was?.kind === 'song') {
      formView?.setBusy(false);
      formView?.showError('errors.offline');
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
      if (f.id === dedicationId) progressView?.ready(f.song, f.target);
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
