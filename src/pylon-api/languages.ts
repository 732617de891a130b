/**
 * The language codes Pylon's knowledge bases take for translations (its "knowledge base → translation"
 * page, reference §9a): 57 codes, not all plain BCP 47 — lower-case regions (`pt-br`, `zh-cn`), `no` rather
 * than `nb`, `fil`, and the register variant `de-formal`. A docs tree names its languages the way its
 * generator does (`pt-BR`, `zh-Hans`, `nb`, `ja`); `pylonLanguageOf` maps one to Pylon's code.
 */
export const PYLON_LANGUAGES = [
  'en',
  'ar',
  'bn',
  'bs',
  'pt-br',
  'bg',
  'ca',
  'zh-cn',
  'zh-tw',
  'hr',
  'cs',
  'da',
  'nl',
  'et',
  'fil',
  'fi',
  'fr',
  'fr-ca',
  'de',
  'de-formal',
  'el',
  'gu',
  'ha',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'jv',
  'kn',
  'ko',
  'lv',
  'lt',
  'ms',
  'ml',
  'mr',
  'mn',
  'no',
  'fa',
  'pl',
  'pt',
  'pa',
  'ro',
  'ru',
  'sr',
  'sl',
  'es',
  'sw',
  'sv',
  'ta',
  'te',
  'th',
  'tr',
  'uk',
  'ur',
  'vi',
] as const;
export type PylonLanguage = (typeof PYLON_LANGUAGES)[number];

const KNOWN: ReadonlySet<string> = new Set(PYLON_LANGUAGES);

/** Codes (lower-case) that name one of Pylon's languages another way: scripts, old ISO codes, macro-languages. */
const ALIASES: Readonly<Record<string, PylonLanguage>> = {
  // Chinese: simplified script and the regions that write it → zh-cn; traditional → zh-tw.
  zh: 'zh-cn',
  'zh-hans': 'zh-cn',
  'zh-sg': 'zh-cn',
  'zh-my': 'zh-cn',
  'zh-hans-cn': 'zh-cn',
  'zh-hant': 'zh-tw',
  'zh-hk': 'zh-tw',
  'zh-mo': 'zh-tw',
  'zh-hant-tw': 'zh-tw',
  'zh-hant-hk': 'zh-tw',
  // Norwegian: Bokmål and Nynorsk are both Pylon's `no`.
  nb: 'no',
  nn: 'no',
  'nb-no': 'no',
  'nn-no': 'no',
  // Filipino and Tagalog.
  tl: 'fil',
  // Old ISO 639 codes Java and some generators still write.
  iw: 'he',
  in: 'id',
  ji: 'he',
  // Three-letter forms of the same languages.
  fil: 'fil',
  por: 'pt',
  // Formal German as generators name it.
  'de-de-formal': 'de-formal',
  'de-x-formal': 'de-formal',
  'de-formal': 'de-formal',
};

/** Regions whose Portuguese or French Pylon keeps apart; every other region falls back to the language. */
const REGIONAL: Readonly<Record<string, PylonLanguage>> = {
  'pt-br': 'pt-br',
  'fr-ca': 'fr-ca',
  'zh-cn': 'zh-cn',
  'zh-tw': 'zh-tw',
};

export type LanguageMapping = { code: PylonLanguage } | { code?: undefined; hint: string };

/**
 * Pylon's code for a language written in a tree (`pt-BR` → `pt-br`, `zh-Hans` → `zh-cn`, `nb` → `no`,
 * `en-US` → `en`, `sr-Latn` → `sr`).
 * A language Pylon lacks gives a hint instead, listing the codes Pylon has.
 */
export function pylonLanguageOf(written: string): LanguageMapping {
  const lower = written.trim().toLowerCase().replace(/_/g, '-');
  const direct = KNOWN.has(lower) ? (lower as PylonLanguage) : (ALIASES[lower] ?? REGIONAL[lower]);
  if (direct) return { code: direct };
  const subtags = lower.split('-');
  // Drop subtags from the end (`zh-Hans-CN` → `zh-hans`, `es-419` → `es`) until a known code is left.
  for (let end = subtags.length - 1; end >= 1; end--) {
    const prefix = subtags.slice(0, end).join('-');
    const found = KNOWN.has(prefix) ? (prefix as PylonLanguage) : ALIASES[prefix];
    if (found) return { code: found };
  }
  return {
    hint: `Pylon's knowledge bases take only these languages: ${PYLON_LANGUAGES.join(', ')}. Leave the file out of the content directory, or name its language with one of them.`,
  };
}

/** Whether Pylon takes the code as it is (the emulator refuses any other, as Pylon does). */
export function isPylonLanguage(code: string): code is PylonLanguage {
  return KNOWN.has(code);
}
