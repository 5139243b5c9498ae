// The console's DOM builder and words. Text goes in through textContent only (never innerHTML), so
// whatever a listener typed stays text.
import { isLanguage, LANGUAGES, type Language } from '@radio-optimism/shared';
import { STRINGS, type Key } from './strings.js';

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  if (node instanceof HTMLImageElement) node.addEventListener('error', () => node.classList.add('op-missing'));
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const STORED = 'radio-optimism.console-language';

function pickLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLanguage(asked)) return asked;
  const kept = localStorage.getItem(STORED);
  if (isLanguage(kept)) return kept;
  for (const l of navigator.languages ?? []) {
    const base = l.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export let lang: Language = pickLanguage();

export function setLanguage(next: Language): void {
  lang = next;
  localStorage.setItem(STORED, next);
  document.documentElement.lang = next;
}

export const t = (key: Key, args: Record<string, string | number> = {}): string => STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));

export const languageName = (code: Language): string => new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;

export const formatDate = (iso: string): string => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

export { LANGUAGES };
