// A tiny DOM builder. Text only ever goes in through textContent (never innerHTML), so a name or a
// message a person typed can never become markup. Translated text is tagged so a language switch can
// re-translate the whole page in place, without losing what was typed or where focus is.
import { t } from '../i18n/index.js';

type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

type Args = Record<string, string | number>;

/** Sets an element's text to a translation and remembers the key, so translateAll can redo it. */
export function tx<E extends HTMLElement>(el: E, key: string, args?: Args): E {
  el.dataset.i18n = key;
  if (args) el.dataset.i18nArgs = JSON.stringify(args);
  else delete el.dataset.i18nArgs;
  el.textContent = t(key, args);
  return el;
}

/** Same for an attribute (placeholder, aria-label, alt). */
export function txAttr<E extends HTMLElement>(el: E, attr: string, key: string, args?: Args): E {
  el.dataset[`i18nAttr${attr.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`] = JSON.stringify({ attr, key, args });
  el.setAttribute(attr, t(key, args));
  return el;
}

/** Re-translates every tagged element under root (after a language switch). */
export function translateAll(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    const args = el.dataset.i18nArgs ? (JSON.parse(el.dataset.i18nArgs) as Args) : undefined;
    el.textContent = t(el.dataset.i18n!, args);
  });
  root.querySelectorAll<HTMLElement>('*').forEach((el) => {
    for (const [name, value] of Object.entries(el.dataset)) {
      if (!name.startsWith('i18nAttr') || !value) continue;
      const { attr, key, args } = JSON.parse(value) as { attr: string; key: string; args?: Args };
      el.setAttribute(attr, t(key, args));
    }
  });
}

let ids = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix: string): string => `${prefix}-${++ids}`;

/** A translated button. */
export const button = (key: string, attrs: Attrs = {}): HTMLButtonElement => tx(h('button', { type: 'button', ...attrs }), key);
