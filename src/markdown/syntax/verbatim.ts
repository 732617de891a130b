import type { SourceLine } from './lines.js';
import { rewriteText } from './rewrite.js';

/**
 * Text the generator itself shows as written, in code and out: Liquid `{% raw %}…{% endraw %}` and Hugo's
 * escaped shortcodes (`{{<` slash-star … star-slash `>}}`). Their braces are set aside (as a private-use character) so that
 * no later pass reads them as syntax, and put back by `restoreVerbatim` at the end.
 */
const HELD_BRACE = '\uE000';
const VERBATIM =
  /\{%-?[ \t]*raw[ \t]*-?%\}([\s\S]*?)\{%-?[ \t]*endraw[ \t]*-?%\}|\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g;
export const VERBATIM_SYNTAX = /\{%-?[ \t]*raw|\{\{[<%]\/\*/;

export function holdVerbatim(lines: readonly SourceLine[]): SourceLine[] {
  return rewriteText(lines, VERBATIM, (match) => {
    if (match[1] !== undefined) return match[1].replace(/\{/g, HELD_BRACE);
    return `${HELD_BRACE}${HELD_BRACE}${match[2]}${match[3]}${match[4]}}}`;
  });
}

export function restoreVerbatim(text: string): string {
  return text.includes(HELD_BRACE) ? text.replaceAll(HELD_BRACE, '{') : text;
}
