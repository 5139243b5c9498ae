// The operators' console at /operator: sign in, then one page per tab (views.ts). Everything is an
// /api/v1/… call; the server checks the role of every one.
import { isLanguage } from '@radio-optimism/shared';
import { api, useSession, type Session } from './api.js';
import { el, lang, languageName, LANGUAGES, setLanguage, t } from './dom.js';
import { loginView } from './login-view.js';
import { pageFor, PAGES, type View } from './views.js';

const app = document.getElementById('app')!;
let session: Session | undefined;
let current: View | undefined;

function header(s: Session): HTMLElement {
  const page = pageFor(location.hash, s);
  const tabs = PAGES.filter((p) => !p.roles || p.roles.includes(s.role)).map((p) =>
    el('a', { href: `#${p.hash}`, class: 'op-tab', 'aria-current': p === page ? 'page' : undefined }, t(p.label)),
  );
  const picker = el('select', { id: 'op-language', 'aria-label': t('language') }, ...LANGUAGES.map((l) => el('option', { value: l, selected: l === lang }, languageName(l))));
  picker.addEventListener('change', () => {
    if (isLanguage(picker.value)) setLanguage(picker.value);
    render();
  });
  const out = el('button', { type: 'button', class: 'op-secondary' }, t('signOut'));
  out.addEventListener('click', () => {
    void api('/api/v1/auth/logout', { method: 'POST' }).finally(() => {
      session = undefined;
      useSession(undefined);
      render();
    });
  });
  return el(
    'header',
    { class: 'op-header' },
    el('a', { class: 'brand', href: '/operator' }, el('span', { class: 'brand-sun', 'aria-hidden': 'true' }), el('span', { class: 'brand-name' }, 'Radio Optimism')),
    el('nav', { 'aria-label': t('title') }, ...tabs),
    el('div', { class: 'op-who' }, el('span', { class: 'op-muted' }, t('signedInAs', { name: s.name, role: t(`role_${s.role}`) })), picker, out),
  );
}

function render(): void {
  current?.stop();
  current = undefined;
  document.documentElement.lang = lang;
  document.title = `${t('title')} · Radio Optimism`;
  if (!session) {
    app.replaceChildren(loginView((s) => {
      session = s;
      useSession(s);
      render();
    }));
    return;
  }
  current = pageFor(location.hash, session).open(session);
  app.replaceChildren(header(session), el('main', { class: 'op-main', id: 'op-main' }, current.node));
}

window.addEventListener('hashchange', render);
api<Session>('/api/v1/auth/session').then(
  ({ data }) => {
    session = data;
    useSession(data);
  },
  () => undefined,
).finally(render);
