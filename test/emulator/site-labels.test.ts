import { describe, expect, it } from 'vitest';
import { calloutLabelsCss, formatDate, siteLabels } from '../../src/emulator/site/labels.js';

describe('help-center labels', () => {
  it('picks the table by the primary language subtag, English otherwise', () => {
    expect(siteLabels('fr').search).toBe('Rechercher');
    expect(siteLabels('fr-CA').search).toBe('Rechercher');
    expect(siteLabels('pt_BR').search).toBe('Pesquisar');
    expect(siteLabels('DE').search).toBe('Suchen');
    expect(siteLabels('ja').search).toBe('Search');
    expect(siteLabels('').search).toBe('Search');
  });

  it('agrees counts with their number', () => {
    expect(siteLabels('en').matches(1, 'x')).toBe('1 article matches “x”.');
    expect(siteLabels('en').matches(2, 'x')).toBe('2 articles match “x”.');
    expect(siteLabels('fr').articleCount(1)).toBe('1 article');
    expect(siteLabels('es').articleCount(3)).toBe('3 artículos');
    expect(siteLabels('de').matches(2, 'x')).toBe('2 Artikel passen zu „x“.');
  });

  it('writes dates in the language, in UTC', () => {
    const iso = '2026-12-01T23:30:00-05:00';
    expect(formatDate(iso)).toBe('December 2, 2026');
    expect(formatDate(iso, siteLabels('fr'))).toBe('2 décembre 2026');
    expect(formatDate(iso, siteLabels('de'))).toBe('2. Dezember 2026');
    expect(formatDate('not a date', siteLabels('fr'))).toBe('not a date');
  });

  it('has every label in every language', () => {
    const english = Object.keys(siteLabels('en')).sort();
    for (const lang of ['fr', 'de', 'es', 'pt', 'it', 'nl']) {
      const labels = siteLabels(lang);
      expect(Object.keys(labels).sort(), lang).toEqual(english);
      for (const [key, value] of Object.entries(labels))
        if (typeof value === 'string') expect(value, `${lang}.${key}`).not.toBe('');
    }
  });

  it('gives callouts their heading in each translated language, and leaves English to the base rules', () => {
    const css = calloutLabelsCss();
    expect(css).toContain('blockquote.callout-tip:lang(fr)::before { content: "Astuce"; }');
    expect(css).toContain('blockquote.callout-warning:lang(de)::before { content: "Warnung"; }');
    expect(css).not.toContain(':lang(en)');
    expect(css.trim().split('\n')).toHaveLength(6 * 5);
  });
});
