// The moderation queue: each pending radio dedication with its cover, words, lyrics, a player and the
// abuse filter's flags; approve, or reject with a reason. The list is polled every few seconds, and
// only new or decided items change on screen (what a moderator is typing or playing stays put).
import { api, ApiError, type Session } from './api.js';
import { el, t } from './dom.js';

interface Pending {
  id: string;
  createdAt: string;
  flags: string[];
  message: string;
  to: string;
  from: string | null;
  song: { title: string; files: { audio: string; coverSmall: string; lyrics: string } } | null;
}

export const POLL_MS = 4000;

/** Cue text of a WebVTT file, one line each (timings and numbers left out). */
function vttLines(vtt: string): string[] {
  return vtt
    .split(/\r?\n/)
    .filter((line) => line.trim() && !/^WEBVTT|-->|^\d+$|^NOTE/.test(line.trim()))
    .map((line) => line.replace(/<[^>]*>/g, ''));
}

function card(d: Pending, session: Session, decided: (id: string) => void): HTMLElement {
  const canDecide = session.role !== 'viewer';
  const status = el('p', { class: 'op-status', role: 'status' });
  const lyrics = el('div', { class: 'op-lyrics' });
  if (d.song) {
    void fetch(d.song.files.lyrics).then(async (r) => (r.ok ? vttLines(await r.text()) : [])).then(
      (lines) => lyrics.append(...lines.map((l) => el('p', {}, l))),
      () => undefined,
    );
  }
  const reasonId = `reason-${d.id}`;
  const reason = el('input', { id: reasonId, class: 'op-reason', maxlength: '500', placeholder: t('reasonNeeded') });
  const approve = el('button', { type: 'button', class: 'op-primary', 'data-action': 'approve' }, t('approve'));
  const reject = el('button', { type: 'button', class: 'op-danger', 'data-action': 'reject' }, t('reject'));
  const decide = (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && !reason.value.trim()) {
      status.textContent = t('reasonNeeded');
      reason.focus();
      return;
    }
    approve.disabled = reject.disabled = true;
    api(`/api/v1/moderation/${encodeURIComponent(d.id)}/${decision}`, { method: 'POST', body: decision === 'reject' ? { reason: reason.value.trim() } : {} }).then(
      () => {
        status.textContent = decision === 'approve' ? t('approved') : t('rejected');
        article.classList.add('op-decided');
        setTimeout(() => decided(d.id), 1500);
      },
      (e: unknown) => {
        approve.disabled = reject.disabled = false;
        status.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
      },
    );
  };
  approve.addEventListener('click', () => decide('approve'));
  reject.addEventListener('click', () => decide('reject'));
  reason.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') decide('reject');
  });
  const article = el(
    'article',
    { class: 'op-item card', 'data-id': d.id, 'aria-labelledby': `title-${d.id}` },
    d.song ? el('img', { class: 'op-cover', src: d.song.files.coverSmall, alt: '', width: '160', height: '160' }) : null,
    el(
      'div',
      { class: 'op-body' },
      el('h2', { id: `title-${d.id}` }, d.song?.title ?? d.id),
      el('p', { class: 'op-people' }, t('to', { name: d.to }), d.from ? ` · ${t('from', { name: d.from })}` : ''),
      el('blockquote', { class: 'op-message' }, d.message),
      el(
        'div',
        { class: 'op-flags', 'aria-label': t('flags') },
        el('span', { class: 'op-flags-label' }, `${t('flags')}:`),
        ...(d.flags.length ? d.flags.map((f) => el('span', { class: 'op-flag' }, f)) : [el('span', { class: 'op-flag op-flag-none' }, t('noFlags'))]),
      ),
      d.song ? el('audio', { controls: true, preload: 'none', src: d.song.files.audio }) : null,
      el('details', {}, el('summary', {}, t('lyrics')), lyrics),
      canDecide
        ? el('div', { class: 'op-actions' }, approve, el('label', { for: reasonId, class: 'op-visually-hidden' }, t('reason')), reason, reject)
        : el('p', { class: 'op-muted' }, t('viewerOnly')),
      status,
    ),
  );
  return article;
}

export function queueView(session: Session): { node: HTMLElement; stop(): void } {
  const list = el('div', { class: 'op-list' });
  const count = el('p', { class: 'op-count', 'aria-live': 'polite' });
  const empty = el('p', { class: 'op-empty' }, t('queueEmpty'));
  const shown = new Map<string, HTMLElement>();
  const removed = new Set<string>();
  const drop = (id: string) => {
    removed.add(id);
    shown.get(id)?.remove();
    shown.delete(id);
    render();
  };
  const render = () => {
    count.textContent = t('queueCount', { n: shown.size });
    count.hidden = shown.size === 0;
    empty.hidden = shown.size > 0;
  };
  let timer: number | undefined;
  let stopped = false;
  const poll = async () => {
    try {
      const { data } = await api<Pending[]>('/api/v1/moderation?limit=50');
      const now = new Set(data.map((d) => d.id));
      for (const [id, node] of shown) if (!now.has(id) && !node.classList.contains('op-decided')) drop(id);
      for (const d of data) if (!shown.has(d.id) && !removed.has(d.id)) {
        const node = card(d, session, drop);
        shown.set(d.id, node);
        list.append(node);
      }
      render();
    } catch {
      // Kept as is; the next poll tries again.
    }
    if (!stopped) timer = window.setTimeout(() => void poll(), POLL_MS);
  };
  void poll();
  return {
    node: el('section', { class: 'op-section', 'aria-labelledby': 'queue-title' }, el('h1', { id: 'queue-title' }, t('queue')), count, empty, list),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
