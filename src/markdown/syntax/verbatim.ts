import type { SourceLine } from './lines.js';
import { rewriteText } from './rewrite.js';

/**
 * Text the generator itself shows as written, in code and out: Liquid `{% raw %}…{% endraw %}`, VitePress's
 * `v-pre` (`<span v-pre>…</span>`, `::: v-pre`) and Hugo's
 * escaped shortcodes (`{{<` slash-star … star-slash `>}}`). Their braces are set aside (as a private-use character) so that
 * no later pass reads them as syntax, and put back by `restoreVerbatim` at the end.
 */
const HELD_BRACE = '\uE000';
const VERBATIM =
  /\{%-?[ \t]*raw[ \t]*-?%\}([\s\S]*?)\{%-?[ \t]*endraw[ \t]*-?%\}|\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}|(<([a-z][\w-]*)[^<>]*?\sv-pre(?:[\s=>][^<>]*)?>[\s\S]*?<\/\6>|^[ \t]*:::[ \t]*v-pre[ \t]*\n[\s\S]*?\n[ \t]*:::[ \t]*$)/gm;
export const VERBATIM_SYNTAX = /\{%-?[ \t]*raw|\{\{[<%]\/\*|\sv-pre\b|:::[ \t]*v-pre/;

export function holdVerbatim(lines: readonly SourceLine[]): SourceLine[] {
  return rewriteText(lines, VERBATIM, (match) => {
    if (match[1] !== undefined) return match[1].replace(/\{/g, HELD_BRACE);
    // VitePress's `v-pre` (an element's attribute, or a `::: v-pre` container): Vue leaves it as written.
    if (match[5] !== undefined) return match[5].replace(/\{/g, HELD_BRACE);
    return `${HELD_BRACE}${HELD_BRACE}${match[2]}${match[3]}${match[4]}}}`;
  });
}

export function restoreVerbatim(text: string): string {
  return text.includes(HELD_BRACE) ? text.replaceAll(HELD_BRACE, '{') : text;
}
