// The week calendar of a channel's cron shows: days as columns, hours as rows, each show a block
// placed by its start and length in the browser's own time zone (the server expands the crons into
// that week, GET /api/v1/schedule). Blocks are placed through the CSSOM (the page's CSP allows no
// inline style attributes).
import { api } from './api.js';
import { el, lang, t } from './dom.js';

interface Slot {
  show: string;
  playlist: string;
  start: string;
  end: string;
}
interface ChannelWeek {
  id: string;
  name: string;
  playlist: string;
  slots: Slot[];
  truncated: boolean;
}
interface Week {
  week: string;
  previous: string;
  next: string;
  tz: string;
  from: string;
  to: string;
  channels: ChannelWeek[];
}

const DAY_MINUTES = 24 * 60;
const zone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
// 24-hour times in every language: a calendar column has room for "23:00–00:00", not for "11:00 PM–12:00 AM".
const hhmm = (d: Date): string => d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const minuteOfDay = (d: Date): number => d.getHours() * 60 + d.getMinutes();
const nextMidnight = (d: Date): number => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();

/** The pieces of a slot inside each day of the week: [day 0–6, first minute, last minute]. */
function pieces(slot: Slot, fromMs: number, toMs: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  let s = Math.max(Date.parse(slot.start), fromMs);
  const e = Math.min(Date.parse(slot.end), toMs);
  const monday = new Date(fromMs);
  while (s < e && out.length < 8) {
    const d = new Date(s);
    const day = Math.round((new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() - new Date(monday.getFullYear(), monday.getMonth(), monday.getDate()).getTime()) / 86_400_000);
    const stop = Math.min(e, nextMidnight(d));
    const endMinute = stop === nextMidnight(d) ? DAY_MINUTES : minuteOfDay(new Date(stop));
    if (day >= 0 && day < 7) out.push([day, minuteOfDay(d), endMinute]);
    s = stop;
  }
  return out;
}

export function weekGrid(): { node: HTMLElement; stop(): void } {
  const picker = el('select', { id: 'week-channel', 'aria-label': t('channel') });
  const prev = el('button', { type: 'button', class: 'op-secondary', 'data-week': 'previous' }, t('prevWeek'));
  const today = el('button', { type: 'button', class: 'op-secondary', 'data-week': 'this' }, t('thisWeek'));
  const next = el('button', { type: 'button', class: 'op-secondary', 'data-week': 'next' }, t('nextWeek'));
  const title = el('h3', { class: 'op-week-title' });
  const note = el('p', { class: 'op-muted op-week-note' });
  const grid = el('div', { class: 'op-week' });
  let week: Week | undefined;
  let chosen = '';
  let clock: number | undefined;

  const draw = () => {
    if (!week) return;
    const channel = week.channels.find((c) => c.id === chosen) ?? week.channels.find((c) => c.slots.length > 0) ?? week.channels[0];
    if (!channel) return;
    chosen = channel.id;
    picker.replaceChildren(...week.channels.map((c) => el('option', { value: c.id, selected: c.id === chosen }, c.name)));
    const from = Date.parse(week.from);
    const to = Date.parse(week.to);
    title.textContent = t('weekOf', { date: new Date(from).toLocaleDateString(lang, { dateStyle: 'long' }) });
    note.textContent = [
      channel.slots.length ? t('outsideShows', { name: channel.playlist }) : t('noShows', { name: channel.playlist }),
      channel.truncated ? t('truncated', { n: channel.slots.length }) : '',
      t('timesIn', { zone: week.tz }),
    ].filter(Boolean).join(' ');

    const days = Array.from({ length: 7 }, (_, i) => new Date(new Date(from).getFullYear(), new Date(from).getMonth(), new Date(from).getDate() + i));
    const head = el('div', { class: 'op-week-head', 'aria-hidden': 'true' }, el('span', { class: 'op-week-corner' }), ...days.map((d) => el('span', { class: 'op-week-day' }, d.toLocaleDateString(lang, { weekday: 'short', day: 'numeric', month: 'short' }))));
    const hours = el('div', { class: 'op-week-hours', 'aria-hidden': 'true' }, ...Array.from({ length: 24 }, (_, h) => el('span', {}, `${String(h).padStart(2, '0')}:00`)));
    // Each day is a list of its shows for screen readers; the grid is how it looks.
    const columns = days.map((d) => el('div', { class: 'op-week-col', role: 'list', 'aria-label': d.toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long' }) }));
    const names = [...new Set(channel.slots.map((s) => s.show))];
    for (const slot of channel.slots) {
      for (const [day, start, end] of pieces(slot, from, to)) {
        const label = `${slot.show} · ${hhmm(new Date(Date.parse(slot.start)))}–${hhmm(new Date(Date.parse(slot.end)))}`;
        const short = end - start < 90 ? ' op-show-short' : '';
        const block = el('div', { role: 'listitem', class: `op-show op-show-${names.indexOf(slot.show) % 4}${short}`, title: `${label} (${slot.playlist})`, 'data-show': slot.show }, el('strong', {}, slot.show), ' ', el('span', {}, `${hhmm(new Date(Date.parse(slot.start)))}–${hhmm(new Date(Date.parse(slot.end)))}`));
        block.style.top = `${(start / DAY_MINUTES) * 100}%`;
        block.style.height = `${(Math.max(end - start, 20) / DAY_MINUTES) * 100}%`;
        columns[day]!.append(block);
      }
    }
    const now = Date.now();
    if (now >= from && now < to) {
      const d = new Date(now);
      const day = days.findIndex((x) => x.getDate() === d.getDate() && x.getMonth() === d.getMonth());
      const line = el('div', { class: 'op-week-now', 'aria-hidden': 'true' });
      line.style.top = `${(minuteOfDay(d) / DAY_MINUTES) * 100}%`;
      if (day >= 0) columns[day]!.append(line);
    }
    grid.replaceChildren(head, el('div', { class: 'op-week-body' }, hours, ...columns));
  };

  const load = async (which?: string) => {
    const params = new URLSearchParams({ tz: zone() });
    if (which) params.set('week', which);
    try {
      const { data } = await api<Week>(`/api/v1/schedule?${params}`);
      week = data;
      draw();
    } catch (e) {
      note.textContent = t('failed', { message: e instanceof Error ? e.message : String(e) });
    }
  };
  picker.addEventListener('change', () => {
    chosen = picker.value;
    draw();
  });
  prev.addEventListener('click', () => void load(week?.previous));
  next.addEventListener('click', () => void load(week?.next));
  today.addEventListener('click', () => void load());
  void load();
  // Once a minute: the "now" line moves, and a channels.yaml saved meanwhile (here or by another
  // operator) shows without a reload.
  clock = window.setInterval(() => void load(week?.week), 60_000);
  return {
    node: el(
      'section',
      { class: 'op-week-section card', 'aria-labelledby': 'week-title' },
      el('h2', { id: 'week-title' }, t('weekTitle')),
      el('div', { class: 'op-week-controls' }, el('label', { for: 'week-channel' }, t('channel')), picker, prev, today, next),
      title,
      note,
      grid,
    ),
    stop: () => window.clearInterval(clock),
  };
}
