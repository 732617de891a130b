import { describe, expect, it } from 'vitest';
import { isPylonLanguage, PYLON_LANGUAGES, pylonLanguageOf } from '../../src/pylon-api/index.js';

describe("Pylon's language codes", () => {
  it('are the 57 codes of its translation page, each once', () => {
    expect(PYLON_LANGUAGES).toHaveLength(57);
    expect(new Set(PYLON_LANGUAGES).size).toBe(57);
    for (const code of ['pt-br', 'zh-cn', 'zh-tw', 'fr-ca', 'de-formal', 'no', 'fil'])
      expect(isPylonLanguage(code)).toBe(true);
    for (const code of ['nb', 'pt-BR', 'zh-Hans', 'tl', 'zh']) expect(isPylonLanguage(code)).toBe(false);
  });

  it.each([
    ['ja', 'ja'],
    ['pt-BR', 'pt-br'],
    ['pt_BR', 'pt-br'],
    ['pt-PT', 'pt'],
    ['fr-CA', 'fr-ca'],
    ['fr-FR', 'fr'],
    ['zh-Hans', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-Hans-CN', 'zh-cn'],
    ['zh-Hant', 'zh-tw'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh', 'zh-cn'],
    ['nb', 'no'],
    ['nn', 'no'],
    ['nb-NO', 'no'],
    ['tl', 'fil'],
    ['iw', 'he'],
    ['en-US', 'en'],
    ['es-419', 'es'],
    ['sr-Latn', 'sr'],
    ['de-formal', 'de-formal'],
  ])('maps the tree’s %s to %s', (written, code) => {
    expect(pylonLanguageOf(written)).toEqual({ code });
  });

  it('gives a hint for a language Pylon lacks, listing the codes it takes', () => {
    for (const code of ['eo', 'yue', 'gsw', 'ka']) {
      const mapping = pylonLanguageOf(code);
      expect(mapping.code).toBeUndefined();
      expect('hint' in mapping && mapping.hint).toContain('pt-br, bg, ca, zh-cn');
    }
  });
});
