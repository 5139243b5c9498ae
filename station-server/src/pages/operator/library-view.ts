// The library: filter by kind, language, style, mood, theme, relation, whether it aired and the days
// it was made, a page at a time; play a song, see where and when it last aired; take it down or
// restore it (moderators).
import { CATALOG_STRINGS, GENRES, RELATIONS, THEMES, VIBES } from '@radio-optimism/shared';
import { api, ApiError, type Session } from './api.js';
import { el, formatDate, lang, languageName, LANGUAGES, t } from './dom.js';
import type { Key } from './strings.js';

interface LibrarySong {
  id: string;
  title: string;
  language: string;
  to: string;
  createdAt: string;
  kind: string;
  files: { audio: string; coverSmall: string };
  takedown: { by: string; at: string; restorable: boolean } | null;
  lastAired: { at: string; channel: string | null } | null;
}

function select(name: string, label: Key, options: [string, string][]): HTMLElement {
  const id = `filter-${name}`;
  return el('div', { class: 'op-field' }, el('label', { for: id }, t(label)), el('select', { id, name }, ...options.map(([value, text]) => el('option', { value }, text))));
}

function day(name: string, label: Key): HTMLElement {
  const id = `filter-${name}`;
  return el('div', { class: 'op-field' }, el('label', { for: id }, t(label)), el('input', { id, name, type: 'date' }));
}

/** The day fields as instants: the operator's days, in their own time zone (`until` takes its whole day). */
function dayRange(form: HTMLFormElement, params: URLSearchParams): void {
  const from = form.querySelector<HTMLInputElement>('#filter-from')?.valueAsDate;
  const until = form.querySelector<HTMLInputElement>('#filter-until')?.valueAsDate;
  // valueAsDate is the day's UTC midnight; the operator means their own midnight.
  const local = (d: Date, plusDays: number) => new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + plusDays).toISOString();
  params.delete('from');
  params.delete('until');
  if (from) params.set('since', local(from, 0));
  if (until) params.set('before', local(until, 1));
}

export function libraryView(session: Session): { node: HTMLElement; stop(): void } {
  const names = CATALOG_STRINGS[lang];
  const any: [string, string] = ['', t('any')];
  const form = el(
    'form',
    { class: 'op-filters', role: 'search' },
    select('kind', 'kind', [['song', t('kindSong')], ['private', t('kindPrivate')], ['removed', t('kindRemoved')]]),
    select('language', 'language', [any, ...LANGUAGES.map((l): [string, string] => [l, languageName(l)])]),
    select('genre', 'genre', [any, ...GENRES.map((g): [string, string] => [g, names.genre[g]])]),
    select('vibe', 'vibe', [any, ...VIBES.map((v): [string, string] => [v, names.vibe[v]])]),
    select('theme', 'theme', [any, ...THEMES.map((v): [string, string] => [v, names.theme[v]])]),
    select('relation', 'relation', [any, ...RELATIONS.map((v): [string, string] => [v, names.relation[v]])]),
    select('aired', 'aired', [any, ['yes', t('airedYes')], ['no', t('airedNo')]]),
    day('from', 'madeFrom'),
    day('until', 'madeUntil'),
    el('button', { type: 'submit', class: 'op-primary' }, t('search')),
  );
  const rows = el('tbody');
  const table = el(
    'table',
    { class: 'op-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), el('th', { scope: 'col' }, '♪'), el('th', { scope: 'col' }, t('language')), el('th', { scope: 'col' }, t('created')), el('th', { scope: 'col' }, t('lastAired')), el('th', { scope: 'col' }, ''), el('th', { scope: 'col' }, ''))),
    rows,
  );
  const empty = el('p', { class: 'op-empty', hidden: true }, t('noSongs'));
  const more = el('button', { type: 'button', class: 'op-secondary', hidden: true }, t('more'));
  let next: string | undefined;

  const row = (s: LibrarySong): HTMLElement => {
    const status = el('span', { class: 'op-status', role: 'status' });
    const tr = el('tr', { 'data-id': s.id });
    const action = (which: 'takedown' | 'restore') => {
      const button = el('button', { type: 'button', class: which === 'takedown' ? 'op-danger' : 'op-secondary', 'data-action': which }, t(which));
      button.addEventListener('click', () => {
        if (which === 'takedown' && !window.confirm(t('confirmTakedown', { title: s.title }))) return;
        button.disabled = true;
        api<LibrarySong>(`/api/v1/songs/${encodeURIComponent(s.id)}/${which}`, { method: 'POST' }).then(
          ({ data }) => tr.replaceWith(row(data)),
          (e: unknown) => {
            button.disabled = false;
            status.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
          },
        );
      });
      return button;
    };
    const canModerate = session.role !== 'viewer';
    const down = s.takedown;
    tr.append(
      el('td', {}, s.kind === 'removed' ? '' : el('img', { class: 'op-thumb', src: s.files.coverSmall, alt: '', width: '48', height: '48', loading: 'lazy' })),
      el('td', {}, el('strong', {}, s.title), el('br'), el('span', { class: 'op-muted' }, t('to', { name: s.to })), down ? el('p', { class: 'op-muted' }, t('takenDown', { name: down.by, date: formatDate(down.at) }), down.restorable ? '' : ` · ${t('purged')}`) : null),
      el('td', {}, LANGUAGES.includes(s.language as never) ? languageName(s.language as (typeof LANGUAGES)[number]) : s.language),
      el('td', {}, formatDate(s.createdAt)),
      el('td', { 'data-col': 'aired' }, s.lastAired ? (s.lastAired.channel ? t('airedOn', { date: formatDate(s.lastAired.at), channel: s.lastAired.channel }) : formatDate(s.lastAired.at)) : el('span', { class: 'op-muted' }, t('neverAired'))),
      el('td', {}, s.kind === 'removed' ? '' : el('audio', { controls: true, preload: 'none', src: s.files.audio })),
      el('td', {}, canModerate ? (s.kind === 'removed' ? (down?.restorable ? action('restore') : '') : action('takedown')) : '', status),
    );
    return tr;
  };

  const load = async (fresh: boolean) => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v) params.set(k, v);
    dayRange(form, params);
    params.set('limit', '25');
    const path = fresh ? `/api/v1/library?${params}` : next!;
    const { data, next: after } = await api<LibrarySong[]>(path);
    if (fresh) rows.replaceChildren();
    rows.append(...data.map(row));
    next = after;
    more.hidden = !next;
    empty.hidden = rows.children.length > 0;
    table.hidden = rows.children.length === 0;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load(true);
  });
  more.addEventListener('click', () => void load(false));
  void load(true);
  return { node: el('section', { class: 'op-section', 'aria-labelledby': 'library-title' }, el('h1', { id: 'library-title' }, t('library')), form, table, empty, more), stop() {} };
}
