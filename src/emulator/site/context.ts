import type { UrlSuffix } from '../article-model.js';
import type { KbRecord } from '../model.js';
import type { Store } from '../store.js';

/** Everything a help-center page needs to know about the request it answers. */
export interface SiteContext {
  store: Store;
  kb: KbRecord;
  suffix: UrlSuffix;
  /** Local path the site lives under: `/_site/<slug>`, `/_preview/<slug>`, or `` / `/_preview` for Host routing. */
  base: string;
  /** Base of the published site, for the "view published" link of the preview. */
  publishedBase: string;
  /** Base of the preview site (drafts). */
  previewBase: string;
  /** Drafts shown (the preview URL): draft titles and bodies, unpublished articles listed and marked. */
  preview: boolean;
  /** The requested language (`?lang=`), or the KB's default. */
  lang: string;
  /** Origin of the emulator itself (`http://127.0.0.1:PORT`), whose absolute URLs are made local. */
  origin: string;
  /** Store version the page was rendered at (live reload compares it). */
  version: number;
  /** Per-response nonce of the live-reload script; absent when live reload is off (no script at all). */
  liveReloadNonce?: string;
}

/** A site path with the current language kept (`?lang=fr` when it is not the default). */
export function sitePath(ctx: SiteContext, path: string, lang = ctx.lang): string {
  const href = `${ctx.base}${path}`;
  if (lang === ctx.kb.default_language) return href;
  return `${href}${href.includes('?') ? '&' : '?'}lang=${encodeURIComponent(lang)}`;
}

const LANGUAGE_NAMES = new Map<string, string>();

/** A language's name in that language (`fr` → `Français`), or its code when the runtime does not know it. */
export function languageName(code: string): string {
  let name = LANGUAGE_NAMES.get(code);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    name = name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
    LANGUAGE_NAMES.set(code, name);
  }
  return name;
}
