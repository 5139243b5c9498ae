// Step 3: the song being made, stage by stage as the station reports them (the current one moves),
// the place in the queue while it waits, then the finished song, or a clear failure with "try again".
import type { DedicationStage } from '@radio-optimism/shared';
import { button, h, tx } from './dom.js';
import type { ReadySong } from './frames.js';
import { createSongCard, markPlaying } from './song-card.js';

/** The stages a person sees; "queued" and "ready" are states of the whole view, not steps. */
const SHOWN: readonly DedicationStage[] = ['lyrics', 'music', 'voice', 'mix', 'artwork'];

export interface ProgressView {
  el: HTMLElement;
  stage(stage: DedicationStage, position?: number): void;
  ready(song: ReadySong, target: 'tv' | 'radio'): void;
  failed(key: string): void;
  /** The station's moderators decided a radio dedication: on air next, or turned down (its song is gone). */
  moderated(outcome: 'approved' | 'rejected'): void;
  /** The TV started playing it (it may, before the song is whole). */
  playing(): void;
}


export interface ProgressOptions {
  to: string;
  onAnother(): void;
  onRetry(): void;
  onEdit(): void;
}

export function createProgressView(options: ProgressOptions): ProgressView {
  const reported = new Set<DedicationStage>();
  let playingOnTv = false;
  let current: DedicationStage = 'queued';
  const rows = new Map<DedicationStage, { li: HTMLLIElement; state: HTMLSpanElement }>();
  const list = h('ol', { class: 'stages' });
  for (const stage of SHOWN) {
    const state = h('span', { class: 'stage-state' });
    const li = h('li', { class: 'stage', 'data-state': 'pending' }, h('span', { class: 'stage-mark', 'aria-hidden': 'true' }), tx(h('span', { class: 'stage-name' }), `progress.${stage}`), state);
    rows.set(stage, { li, state });
    list.append(li);
  }
  const queue = h('p', { class: 'queue' });
  // The TV may play the song's start while the rest is made: said here until the card comes.
  const playingNote = h('p', { class: 'ready-note playing-note' });
  playingNote.hidden = true;
  const heading = tx(h('h1', { class: 'title', tabindex: '-1' }), 'progress.heading', { to: options.to });
  const working = h(
    'div',
    { class: 'working', role: 'status', 'aria-live': 'polite' },
    h('div', { class: 'equalizer', 'aria-hidden': 'true' }, h('span'), h('span'), h('span'), h('span'), h('span')),
    playingNote,
    queue,
    list,
  );
  const el = h('section', { class: 'view progress-view' }, heading, tx(h('p', { class: 'lead' }), 'progress.intro'), working);

  const render = (position?: number) => {
    for (const [stage, row] of rows) {
      const state = stage === current ? 'current' : reported.has(stage) ? 'done' : 'pending';
      row.li.dataset.state = state;
      if (state === 'current') row.li.setAttribute('aria-current', 'step');
      else row.li.removeAttribute('aria-current');
      if (state === 'pending') {
        row.state.textContent = '';
        delete row.state.dataset.i18n;
      } else tx(row.state, state === 'done' ? 'progress.done' : 'progress.now');
    }
    const waiting = current === 'queued';
    queue.hidden = !waiting;
    if (waiting) {
      if (position && position > 1) tx(queue, 'progress.position', { position });
      else tx(queue, 'progress.queued');
    }
  };
  render();

  return {
    el,
    stage(stage, position) {
      if (stage === 'ready') return;
      if (stage !== 'queued') reported.add(stage);
      current = stage;
      render(position);
    },
    ready(song, target) {
      const card = createSongCard(song, target);
      const another = button('ready.another', { class: 'button secondary' });
      another.addEventListener('click', options.onAnother);
      el.replaceChildren(card, another);
      const note = card.querySelector<HTMLElement>('.ready-note');
      if (playingOnTv && target === 'tv' && note) markPlaying(note);
      card.querySelector<HTMLElement>('h1')?.focus();
    },
    playing() {
      playingOnTv = true;
      const note = el.querySelector<HTMLElement>('.song-card .ready-note') ?? (el.contains(playingNote) ? playingNote : undefined);
      if (!note) return;
      markPlaying(note);
      note.hidden = false;
    },
    moderated(outcome) {
      const note = el.querySelector<HTMLElement>('.ready-note');
      if (!note) return;
      tx(note, outcome === 'approved' ? 'ready.approved' : 'ready.rejected');
      note.dataset.moderation = outcome;
      note.setAttribute('role', 'status');
      // Turned down means deleted: no player or share link that would lead nowhere.
      if (outcome === 'rejected') for (const gone of el.querySelectorAll('.player, .share, .lyrics')) gone.remove();
    },
    failed(key) {
      const retry = button('failed.retry', { class: 'button primary' });
      retry.addEventListener('click', options.onRetry);
      const edit = button('failed.edit', { class: 'button secondary' });
      edit.addEventListener('click', options.onEdit);
      const title = tx(h('h1', { class: 'title', tabindex: '-1' }), 'failed.heading');
      el.replaceChildren(
        h('div', { class: 'failed', role: 'alert' }, h('span', { class: 'failed-icon', 'aria-hidden': 'true' }), title, tx(h('p', { class: 'lead' }), key)),
        retry,
        edit,
      );
      title.focus();
    },
  };
}
