import i18next from 'i18next';
import { GENRES, LANGUAGES, RELATIONS, THEMES, VIBES } from './catalog.js';
import { CATALOG_NAMESPACE, CATALOG_STRINGS, catalogI18nResources, checkCatalogResources } from './catalog-strings.js';

describe('catalog strings', () => {
  it('name every genre, vibe, theme and relation in every language', () => {
    const check = checkCatalogResources(CATALOG_STRINGS);
    expect(check).toMatchObject({ ok: true });
    for (const language of LANGUAGES) {
      const s = CATALOG_STRINGS[language];
      expect([language, Object.keys(s.genre).sort()]).toEqual([language, [...GENRES].sort()]);
      expect([language, Object.keys(s.vibe).sort()]).toEqual([language, [...VIBES].sort()]);
      expect([language, Object.keys(s.theme).sort()]).toEqual([language, [...THEMES].sort()]);
      expect([language, Object.keys(s.relation).sort()]).toEqual([language, [...RELATIONS].sort()]);
    }
  });

  it('refuse a missing, empty or unknown name and say where', () => {
    const broken = structuredClone(CATALOG_STRINGS) as unknown as Record<string, Record<string, Record<string, string>>>;
    delete broken.ko!.genre!.jazz;
    expect(checkCatalogResources(broken)).toEqual({ ok: false, code: 'bad-catalog-strings', message: 'ko.genre.jazz is missing: add its name' });
    broken.ko!.genre!.jazz = '  ';
    expect(checkCatalogResources(broken)).toMatchObject({ ok: false, message: 'ko.genre.jazz is empty: write the name people read' });
    broken.ko!.genre!.jazz = '재즈';
    broken.fr!.vibe!.spooky = 'Effrayante';
    expect(checkCatalogResources(broken)).toMatchObject({ ok: false, message: 'fr.vibe: unknown "spooky": remove it' });
    expect(checkCatalogResources({ en: CATALOG_STRINGS.en })).toMatchObject({ ok: false, message: 'es is missing: add its name' });
  });

  it('load into i18next as the catalog namespace', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ko', fallbackLng: 'en', ns: [CATALOG_NAMESPACE], resources: catalogI18nResources() });
    expect(i18n.t('catalog:genre.jazz')).toBe('재즈');
    expect(i18n.t('catalog:vibe.heartfelt', { lng: 'de' })).toBe('Von Herzen');
    expect(i18n.t('catalog:theme.missing-you', { lng: 'pt' })).toBe('Saudade');
  });
});
