// Step 3b: takes. Each take is the same words with a new seed; they are shown side by side (cover,
// title, a player), up to MAX_TAKES, and the sender sends the one they like to the TV or the radio.
import { MAX_TAKES, type DedicationStage } from '@radio-optimism/shared';
import { button, h, tx, txAttr } from './dom.js';
import { setError } from './controls.js';
import type { ReadySong } from './frames.js';
import { markPlaying } from './song-card.js';

export interface TakesView {
  el: HTMLElement;
  accepted(id: string, take: number): void;
  stage(id: string, stage: DedicationStage): void;
  ready(id: string, take: number, song: ReadySong): void;
  failed(id: string, key: string): void;
  /** A take was sent: its card says where. */
  sent(songId: string, target: 'tv' | 'radio'): void;
  /** The TV started playing this take. */
  playing(songId: string): void;
  showError(key: string | null): void;
  setBusy(busy: boolean): void;
}

export interface TakesOptions {
  to: string;
  onAnother(): void;
  onSend(takeId: string, target: 'tv' | 'radio'): void;
  onNew(): void;
}

export function createTakesView(options: TakesOptions): TakesView {
  const cards = new Map<string, { el: HTMLElement; body: HTMLElement; take: number }>();
  const grid = h('div', { class: 'takes' });
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const another = button('takes.another', { class: 'button secondary another-take' });
  another.addEventListener('click', () => options.onAnother());
  const fresh = button('ready.another', { class: 'link-button' });
  fresh.addEventListener('click', () => options.onNew());
  const cardOf = (songId: string) => [...cards.values()].find((x) => x.el.querySelector('audio')?.getAttribute('src')?.includes(`/${songId}/`) || x.el.dataset.id === songId);
  const refresh = () => {
    const making = [...cards.values()].some((c) => c.el.dataset.state === 'making');
    another.disabled = cards.size >= MAX_TAKES || making;
    tx(another, 'takes.another', { left: MAX_TAKES - cards.size });
  };
  const el = h('section', { class: 'view takes-view' }, tx(h('h1', { class: 'title', tabindex: '-1' }), 'takes.heading', { to: options.to }), tx(h('p', { class: 'lead' }), 'takes.intro', { max: MAX_TAKES }), grid, formError, another, fresh);
  refresh();

  const card = (id: string, take: number) => {
    let c = cards.get(id);
    if (!c) {
      const body = h('div', { class: 'take-body' });
      const cardEl = h('article', { class: 'take', 'data-take': String(take), 'data-id': id, 'data-state': 'making' }, tx(h('p', { class: 'eyebrow' }), 'takes.take', { n: take }), body);
      c = { el: cardEl, body, take };
      cards.set(id, c);
      grid.append(cardEl);
    }
    return c;
  };
  return {
    el,
    accepted(id, take) {
      const c = card(id, take);
      c.body.replaceChildren(h('div', { class: 'equalizer', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')), tx(h('p', { class: 'take-stage', role: 'status' }), 'progress.queued'));
      refresh();
    },
    stage(id, stage) {
      const c = cards.get(id);
      const line = c?.body.querySelector<HTMLElement>('.take-stage');
      if (line && stage !== 'ready' && stage !== 'queued') tx(line, `progress.${stage}`);
    },
    ready(id, take, song) {
      const c = card(id, take);
      c.el.dataset.state = 'ready';
      const title = h('h2', { class: 'song-title' });
      title.textContent = song.title;
      const toTv = button('takes.sendTv', { class: 'button primary send-tv' });
      const toRadio = button('takes.sendRadio', { class: 'button secondary send-radio' });
      toTv.addEventListener('click', () => options.onSend(song.id, 'tv'));
      toRadio.addEventListener('click', () => options.onSend(song.id, 'radio'));
      c.body.replaceChildren(
        txAttr(h('img', { class: 'cover', src: song.files.coverSmall, width: '400', height: '400' }), 'alt', 'ready.cover', { title: song.title }),
        title,
        h('audio', { class: 'player', controls: true, preload: 'none', src: song.files.audio }),
        h('p', { class: 'take-note', role: 'status' }),
        h('div', { class: 'take-actions' }, toTv, toRadio),
      );
      refresh();
    },
    failed(id, key) {
      const c = cards.get(id);
      if (!c) return;
      c.el.dataset.state = 'failed';
      c.body.replaceChildren(tx(h('p', { class: 'field-error' }), key));
      refresh();
    },
    playing(songId) {
      const note = cardOf(songId)?.body.querySelector<HTMLElement>('.take-note');
      if (note) markPlaying(note);
    },
    sent(songId, target) {
      const c = cardOf(songId);
      if (!c) return;
      c.el.dataset.sent = target;
      const note = c.body.querySelector<HTMLElement>('.take-note');
      if (note) tx(note, target === 'tv' ? 'ready.onTv' : 'ready.onRadio');
      c.body.querySelector<HTMLButtonElement>(target === 'tv' ? '.send-tv' : '.send-radio')?.setAttribute('disabled', '');
    },
    showError: (key) => setError(formError, key),
    setBusy(busy) {
      another.disabled = busy || cards.size >= MAX_TAKES;
    },
  };
}
