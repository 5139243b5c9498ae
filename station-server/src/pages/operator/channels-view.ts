// The Channels page: what is on air now and next on every channel, with the time left counted down
// and the list refreshed every few seconds without a reload; a skip for those with the `control-air`
// right (moderators and admins; the server checks again); and the week calendar of the shows.
import { api, ApiError, type Session } from './api.js';
import { el, t } from './dom.js';
import type { Key } from './strings.js';
import { weekGrid } from './week-grid.js';

interface AirItem {
  index: number;
  kind: string;
  songId: string;
  title: string;
  start: string;
  end: string;
  artworkSmall: string;
  dedication: { to: string; from: string | null; message: string } | null;
}
interface AirChannel {
  id: string;
  name: string;
  description: string;
  playlist: string;
  show?: string;
  serverTime: string;
  current: AirItem | null;
  next: AirItem | null;
}

const REFRESH_MS = 5_000;

const clockText = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const kindLabel = (kind: string): string => (kind === 'jingle' || kind === 'intro' || kind === 'dedication' ? t(`kind_${kind}` as Key) : '');

export function channelsView(session: Session): { node: HTMLElement; stop(): void } {
  const mayskip = session.role !== 'viewer';
  const list = el('div', { class: 'op-air', 'aria-live': 'polite' });
  const status = el('p', { class: 'op-status', role: 'status' });
  // Server time minus this browser's, so "time left" is right even on a laptop whose clock is off.
  let skew = 0;
  let latest: AirChannel[] = [];
  const countdowns: { node: HTMLElement; bar: HTMLElement; item: AirItem }[] = [];

  const updateClocks = () => {
    const now = Date.now() + skew;
    for (const { node, bar, item } of countdowns) {
      const [start, end] = [Date.parse(item.start), Date.parse(item.end)];
      node.textContent = t('timeLeft', { time: clockText(end - now) });
      bar.style.width = `${Math.min(100, Math.max(0, ((now - start) / (end - start)) * 100))}%`;
    }
  };

  const card = (c: AirChannel): HTMLElement => {
    const cur = c.current;
    const skip = el('button', { type: 'button', class: 'op-danger', 'data-action': 'skip', disabled: !mayskip || !cur, title: mayskip ? undefined : t('skipNeedsRight') }, t('skip'));
    skip.addEventListener('click', () => {
      if (!cur || !window.confirm(t('confirmSkip', { title: cur.title, channel: c.name }))) return;
      skip.disabled = true;
      api(`/api/v1/channels/${encodeURIComponent(c.id)}/skip`, { method: 'POST' }).then(
        () => {
          status.textContent = t('skipped', { title: cur.title });
          void refresh();
        },
        (e: unknown) => {
          skip.disabled = false;
          status.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
        },
      );
    });
    const left = el('p', { class: 'op-time-left' });
    const bar = el('span', {});
    if (cur) countdowns.push({ node: left, bar, item: cur });
    const people = cur?.dedication ? [t('to', { name: cur.dedication.to }), cur.dedication.from ? t('from', { name: cur.dedication.from }) : ''].filter(Boolean).join(' · ') : kindLabel(cur?.kind ?? '');
    return el(
      'article',
      { class: 'op-air-card card', 'data-channel': c.id },
      // The tile shows its colour when the cover cannot be loaded (the image is then hidden).
      el('div', { class: 'op-air-cover' }, cur ? el('img', { src: cur.artworkSmall, alt: '', width: '112', height: '112' }) : null),
      el(
        'div',
        { class: 'op-air-body' },
        el('div', { class: 'op-air-head' }, el('h2', {}, c.name), el('span', { class: 'op-pill' }, c.show ? t('showOn', { name: c.show }) : t('playlistOn', { name: c.playlist }))),
        el('p', { class: 'op-air-label' }, t('onAir')),
        cur ? el('p', { class: 'op-air-title', 'data-song': cur.songId, 'data-index': String(cur.index) }, cur.title) : el('p', { class: 'op-muted' }, t('nothingOnAir')),
        people ? el('p', { class: 'op-muted op-air-people' }, people) : null,
        cur ? el('div', { class: 'op-progress', 'aria-hidden': 'true' }, bar) : null,
        cur ? left : null,
        c.next ? el('p', { class: 'op-air-next' }, el('span', { class: 'op-muted' }, `${t('upNext')}: `), el('span', { 'data-song': c.next.songId }, c.next.title)) : null,
      ),
      el('div', { class: 'op-air-actions' }, skip),
    );
  };

  const render = () => {
    countdowns.length = 0;
    list.replaceChildren(...latest.map(card));
    updateClocks();
  };

  let failed = false;
  const refresh = async () => {
    try {
      const { data } = await api<AirChannel[]>('/api/v1/air');
      if (data[0]) skew = Date.parse(data[0].serverTime) - Date.now();
      // Redraw only when something changed, so a skip button is not replaced under the pointer.
      const key = (cs: AirChannel[]) => cs.map((c) => `${c.id}:${c.current?.index}:${c.next?.songId}:${c.show ?? c.playlist}`).join('|');
      if (key(data) !== key(latest) || list.childElementCount === 0) {
        latest = data;
        render();
      }
      if (failed) status.textContent = '';
      failed = false;
    } catch (e) {
      failed = true;
      status.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
    }
  };

  const week = weekGrid();
  void refresh();
  const timers = [window.setInterval(() => void refresh(), REFRESH_MS), window.setInterval(updateClocks, 1000)];
  return {
    node: el('section', { class: 'op-section', 'aria-labelledby': 'channels-title' }, el('h1', { id: 'channels-title' }, t('channels')), mayskip ? null : el('p', { class: 'op-muted' }, t('skipNeedsRight')), status, list, week.node),
    stop() {
      for (const id of timers) window.clearInterval(id);
      week.stop();
    },
  };
}
