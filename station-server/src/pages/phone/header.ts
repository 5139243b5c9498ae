// The top bar: the station's name and the language picker (each language in its own name, so a
// person who landed on the wrong one can find theirs), and the connection banner under it.
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '@radio-optimism/shared';
import { currentLanguage } from '../i18n/index.js';
import { h, tx, txAttr, uid } from './dom.js';
import type { LinkStatus } from './connection.js';

export function createHeader(onLanguage: (language: Language) => void): HTMLElement {
  const id = uid('ui-language');
  const select = h('select', { id, class: 'lang-select' });
  for (const lang of LANGUAGES) select.append(h('option', { value: lang, lang, selected: lang === currentLanguage() }, LANGUAGE_NAMES[lang]));
  select.addEventListener('change', () => onLanguage(select.value as Language));
  const label = tx(h('label', { for: id, class: 'visually-hidden' }), 'app.language');
  return h(
    'header',
    { class: 'topbar' },
    h('span', { class: 'brand' }, h('span', { class: 'brand-sun', 'aria-hidden': 'true' }), h('span', { class: 'brand-name' }, 'Radio Optimism')),
    h('span', { class: 'lang' }, label, txAttr(h('span', { class: 'lang-icon', 'aria-hidden': 'true' }), 'title', 'app.language'), select),
  );
}

/** A polite live region: says "reconnecting…" without stealing focus; hidden while all is well. */
export function createStatusBanner(): { el: HTMLElement; show(status: LinkStatus): void } {
  const text = h('span');
  const el = h('div', { class: 'status-banner', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'status-dot', 'aria-hidden': 'true' }), text);
  el.hidden = true;
  return {
    el,
    show(status) {
      el.hidden = status === 'open';
      el.dataset.status = status;
      if (status !== 'open') tx(text, `status.${status}`);
    },
  };
}
