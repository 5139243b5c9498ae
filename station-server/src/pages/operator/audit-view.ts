// The audit log (admins): every operator action, newest first, a page at a time: who, what, when,
// on what, and what changed (before → after; a long change such as a file's diff folds away).
import { api, ApiError } from './api.js';
import { el, formatDate, t } from './dom.js';
import type { View } from './views.js';
import type { AuditRecord } from '../../library/store.js';

type AuditEntry = AuditRecord;

const LONG = 160;

/** One side of a change as short text, or a folded block when it is long (a diff, a whole file). */
function side(value: unknown): Node | string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>)
          .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join('\n')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  if (text.length <= LONG && !text.includes('\n')) return text;
  if (text.length <= LONG) return el('pre', { class: 'op-change' }, text);
  return el('details', {}, el('summary', {}, `${text.slice(0, 60).split('\n')[0]}…`), el('pre', { class: 'op-change' }, text));
}

export function auditView(): View {
  const rows = el('tbody');
  const empty = el('p', { class: 'op-empty', hidden: true }, t('noAudit'));
  const more = el('button', { type: 'button', class: 'op-secondary', hidden: true }, t('more'));
  const status = el('p', { class: 'op-error', role: 'alert' });
  let next: string | undefined;

  const row = (a: AuditEntry): HTMLElement => {
    const before = side(a.before);
    const after = side(a.after);
    return el(
      'tr',
      { 'data-action': a.action },
      el('td', {}, formatDate(a.at)),
      el('td', {}, el('strong', {}, a.actor)),
      el('td', {}, el('code', {}, a.action)),
      el('td', {}, a.target ?? ''),
      el('td', { class: 'op-change-cell' }, before, before && after ? el('span', { class: 'op-muted', 'aria-hidden': 'true' }, ' → ') : null, after),
    );
  };
  const load = async (fresh: boolean) => {
    try {
      const { data, next: after } = await api<AuditEntry[]>(fresh ? '/api/v1/audit?limit=50' : next!);
      if (fresh) rows.replaceChildren();
      rows.append(...data.map(row));
      next = after;
      more.hidden = !next;
      empty.hidden = rows.children.length > 0;
    } catch (e) {
      status.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) });
    }
  };
  more.addEventListener('click', () => void load(false));
  void load(true);
  const table = el(
    'table',
    { class: 'op-table op-audit' },
    el('thead', {}, el('tr', {}, ...(['when', 'who', 'what', 'target', 'change'] as const).map((k) => el('th', { scope: 'col' }, t(k))))),
    rows,
  );
  return {
    node: el('section', { class: 'op-section', 'aria-labelledby': 'audit-title' }, el('h1', { id: 'audit-title' }, t('audit')), el('p', { class: 'op-muted' }, t('auditIntro')), status, table, empty, more),
    stop() {},
  };
}
