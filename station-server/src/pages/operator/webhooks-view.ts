// Webhooks (admins): add a receiver for some events in JSON or Discord's format (its secret is shown
// once, right after), send it a test, remove it; and the delivery log, newest first, refreshed by itself.
import { api, ApiError, type Session } from './api.js';
import { el, formatDate, lang, t } from './dom.js';
import type { Key } from './strings.js';

interface Hook {
  id: string;
  url: string;
  events: string[];
  format: 'json' | 'discord';
  createdBy: string;
  createdAt: string;
}

interface Delivery {
  id: string;
  hookId: string;
  event: string;
  channel: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

const EVENTS = ['song.changed', 'dedication.pending', 'dedication.aired', 'station.silent'] as const;
const eventLabel = (e: string): string => ((EVENTS as readonly string[]).includes(e) ? t(`whEvent_${e.replace('.', '_')}` as Key) : e);
const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};
/** Deliveries come seconds apart: the log shows seconds. */
const formatTime = (iso: string): string => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' });
/** The log refreshes itself this often while the page is open. */
const REFRESH_MS = 10_000;

export function webhooksView(_session: Session): { node: HTMLElement; stop(): void } {
  const error = el('p', { class: 'op-error', role: 'alert' });
  const url = el('input', { id: 'wh-url', name: 'url', type: 'url', required: true, placeholder: 'https://example.com/hooks/radio', class: 'wh-url', autocomplete: 'off' });
  const boxes = EVENTS.map((e) => el('input', { type: 'checkbox', name: 'events', value: e, id: `wh-ev-${e}`, checked: e === 'song.changed' }));
  const format = el('select', { id: 'wh-format', name: 'format' }, el('option', { value: 'json' }, t('whFormatJson')), el('option', { value: 'discord' }, t('whFormatDiscord')));
  const add = el('button', { type: 'submit', class: 'op-primary' }, t('whAdd'));
  const form = el(
    'form',
    { class: 'op-filters wh-form' },
    el('div', { class: 'op-field wh-wide' }, el('label', { for: 'wh-url' }, t('whUrl')), url),
    el('fieldset', { class: 'wh-events' }, el('legend', {}, t('whEvents')), ...boxes.map((b, i) => el('label', { class: 'wh-check', for: b.id }, b, ` ${eventLabel(EVENTS[i]!)}`))),
    el('div', { class: 'op-field' }, el('label', { for: 'wh-format' }, t('whFormat')), format),
    add,
  );
  const secret = el('div', { class: 'wh-secret', hidden: true, role: 'status' });
  const hooks = el('tbody');
  const hookTable = el('table', { class: 'op-table' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('whTo')), el('th', { scope: 'col' }, t('whEvents')), el('th', { scope: 'col' }, t('whFormat')), el('th', { scope: 'col' }, ''))), hooks);
  const noHooks = el('p', { class: 'op-empty', hidden: true }, t('whNone'));
  const log = el('tbody');
  const logTable = el(
    'table',
    { class: 'op-table' },
    el('thead', {}, el('tr', {}, ...(['whWhen', 'whEvent', 'whTo', 'whStatus', 'whAttempts', 'whLast'] as const).map((k) => el('th', { scope: 'col' }, t(k))))),
    log,
  );
  const noLog = el('p', { class: 'op-empty', hidden: true }, t('whNoDeliveries'));
  const more = el('button', { type: 'button', class: 'op-secondary', hidden: true }, t('more'));
  const refresh = el('button', { type: 'button', class: 'op-secondary' }, t('whRefresh'));
  let known: Hook[] = [];
  let next: string | undefined;
  const say = (e: unknown) => (error.textContent = t('failed', { message: e instanceof ApiError ? e.message : String(e) }));

  const hookRow = (h: Hook): HTMLElement => {
    const status = el('span', { class: 'op-status', role: 'status' });
    const test = el('button', { type: 'button', class: 'op-secondary', 'data-action': 'test' }, t('whTest'));
    const remove = el('button', { type: 'button', class: 'op-danger', 'data-action': 'remove' }, t('whRemove'));
    test.addEventListener('click', () => {
      test.disabled = true;
      api(`/api/v1/webhooks/${encodeURIComponent(h.id)}/test`, { method: 'POST' }).then(
        () => {
          status.textContent = t('whTestSent');
          test.disabled = false;
          window.setTimeout(() => void loadLog(true), 1500);
        },
        (e: unknown) => ((test.disabled = false), say(e)),
      );
    });
    remove.addEventListener('click', () => {
      if (!window.confirm(t('whConfirmRemove', { url: h.url }))) return;
      remove.disabled = true;
      api(`/api/v1/webhooks/${encodeURIComponent(h.id)}`, { method: 'DELETE' }).then(
        () => void Promise.all([loadHooks(), loadLog(true)]),
        (e: unknown) => ((remove.disabled = false), say(e)),
      );
    });
    return el(
      'tr',
      { 'data-id': h.id },
      el('td', { class: 'wh-url-cell' }, el('code', {}, h.url), el('p', { class: 'op-muted' }, t('whAddedBy', { name: h.createdBy, date: formatDate(h.createdAt) }))),
      el('td', {}, el('ul', { class: 'wh-list' }, ...h.events.map((e) => el('li', {}, eventLabel(e))))),
      el('td', {}, h.format === 'discord' ? 'Discord' : 'JSON'),
      el('td', {}, el('div', { class: 'op-actions' }, test, remove), status),
    );
  };

  const logRow = (d: Delivery): HTMLElement => {
    const hook = known.find((h) => h.id === d.hookId);
    const last = d.lastError ?? (d.lastStatus === null ? '' : `HTTP ${d.lastStatus}`);
    return el(
      'tr',
      { 'data-id': d.id, 'data-status': d.status },
      el('td', {}, formatTime(d.createdAt)),
      el('td', {}, d.event === 'ping' ? t('whTest') : eventLabel(d.event), d.channel ? el('p', { class: 'op-muted' }, d.channel) : null),
      el('td', {}, hook ? hostOf(hook.url) : ''),
      el('td', {}, el('span', { class: `wh-badge wh-${d.status}` }, t(`whStatus_${d.status}` as Key))),
      el('td', {}, String(d.attempts)),
      el('td', { class: 'wh-last' }, last, d.status === 'pending' && d.nextAt && d.attempts > 0 ? el('p', { class: 'op-muted' }, t('whNextTry', { date: formatTime(d.nextAt) })) : null),
    );
  };

  async function loadHooks(): Promise<void> {
    const { data } = await api<{ hooks: Hook[] }>('/api/v1/webhooks');
    known = data.hooks;
    hooks.replaceChildren(...known.map(hookRow));
    hookTable.hidden = known.length === 0;
    noHooks.hidden = known.length > 0;
  }
  async function loadLog(fresh: boolean): Promise<void> {
    const { data, next: after } = await api<Delivery[]>(fresh ? '/api/v1/webhooks/deliveries?limit=25' : next!);
    if (fresh) log.replaceChildren();
    log.append(...data.map(logRow));
    next = after;
    more.hidden = !next;
    logTable.hidden = log.children.length === 0;
    noLog.hidden = log.children.length > 0;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    const events = boxes.filter((b) => b.checked).map((b) => b.value);
    if (!events.length) return void (error.textContent = t('whPickEvent'));
    add.disabled = true;
    api<{ hook: Hook; secret: string }>('/api/v1/webhooks', { method: 'POST', body: { url: url.value, events, format: format.value } }).then(
      async ({ data }) => {
        add.disabled = false;
        url.value = '';
        secret.replaceChildren(el('p', {}, t('whSecretOnce')), el('code', { class: 'wh-secret-value' }, data.secret));
        secret.hidden = false;
        await loadHooks();
      },
      (err: unknown) => ((add.disabled = false), say(err)),
    );
  });
  more.addEventListener('click', () => void loadLog(false).catch(say));
  refresh.addEventListener('click', () => void loadLog(true).catch(say));
  void loadHooks().then(() => loadLog(true)).catch(say);
  const timer = window.setInterval(() => {
    if (next === undefined || log.children.length <= 25) void loadLog(true).catch(() => undefined);
  }, REFRESH_MS);

  return {
    node: el(
      'section',
      { class: 'op-section', 'aria-labelledby': 'webhooks-title' },
      el('h1', { id: 'webhooks-title' }, t('webhooks')),
      el('p', { class: 'op-muted wh-intro' }, t('whIntro')),
      form,
      error,
      secret,
      el('h2', { class: 'wh-h2' }, t('whReceivers')),
      hookTable,
      noHooks,
      el('div', { class: 'wh-log-head' }, el('h2', { class: 'wh-h2' }, t('whLog')), refresh),
      logTable,
      noLog,
      more,
    ),
    stop: () => window.clearInterval(timer),
  };
}
