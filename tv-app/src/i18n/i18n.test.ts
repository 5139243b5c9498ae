import { createI18n, pickLanguage, resources } from './index';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`))).sort();
const placeholders = (tree: Tree): string[] =>
  keys(tree).map((k) => `${k}:${(String(k.split('.').reduce<string | Tree>((t, p) => (t as Tree)[p]!, tree)).match(/{{\w+}}/g) ?? []).sort().join(',')}`);

describe('translations', () => {
  it('every language has every English key, with the same placeholders', () => {
    for (const [lang, strings] of Object.entries(resources)) {
      expect([lang, keys(strings as Tree)]).toEqual([lang, keys(resources.en as Tree)]);
      expect([lang, placeholders(strings as Tree)]).toEqual([lang, placeholders(resources.en as Tree)]);
    }
  });

  it('translates with interpolation', () => {
    expect(createI18n('ko').t('forYou.toast', { from: 'Alex' })).toBe('Alex님이 보낸 노래가 있어요. 지금 들을까요?');
    expect(createI18n('de').t('live.dedicationFull', { to: 'Mama', from: 'Alex' })).toBe('Für Mama, von Alex');
    // The catalog's names come from shared/, the same words the phone page shows.
    expect(createI18n('ko').t('catalog:genre.ballad')).toBe('발라드');
    expect(createI18n('fr').t('catalog:vibe.heartfelt')).toBe('Émouvante');
  });

  it('picks the saved language, then the device language', () => {
    expect(pickLanguage('fr', ['de-DE'])).toBe('fr');
    expect(pickLanguage(undefined, ['xx', 'pt-BR'])).toBe('pt');
    expect(pickLanguage('zz', ['ja-JP'])).toBe('en');
  });
});
