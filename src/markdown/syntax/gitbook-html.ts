import { closesFence, type Fence, openingFence, type SourceLine } from './lines.js';
import { type Range, rewriteText } from './rewrite.js';
import { type ScanContext, warn } from './scan-context.js';

/**
 * The HTML GitBook's editor writes into Markdown, turned into the Markdown it stands for before parsing:
 * - `<figure><img src alt><figcaption>…</figcaption></figure>` on a line: the image (so a local file is
 *   uploaded like any other) with its caption, if any, in italics below it;
 * - a heading's empty anchor `## Title <a href="#id" id="id"></a>`: the heading's id, `## Title {#id}`;
 * - `[text](broken-reference)`, a link GitBook lost the target of: its text, with a warning.
 */
export const GITBOOK_HTML_SYNTAX = /<figure>|<a href="#[^"]*" id="[^"]*"><\/a>|\]\(broken-reference\)/;

/** GitBook's mark for a link whose page was deleted: `[Old page](broken-reference)`. */
const BROKEN_REFERENCE = /\[([^\]\n]*)\]\(broken-reference\)/g;

const FIGURE =
  /^([ \t]*)<figure>\s*<img\s([^>]*?)\/?>\s*(?:<figcaption>([\s\S]*?)<\/figcaption>)?\s*<\/figure>[ \t]*$/;
const HEADING_ANCHOR = /^([ \t]{0,3}#{1,6}[ \t].*?)[ \t]*<a href="#([^"\s]+)" id="\2"><\/a>[ \t]*$/;

export function rewriteGitbookHtml(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let fence: Fence | null = null;
  for (const line of lines) {
    if (fence) {
      if (closesFence(line.text, fence)) fence = null;
      out.push(line);
      continue;
    }
    fence = openingFence(line.text);
    const anchor = fence ? null : HEADING_ANCHOR.exec(line.text);
    const figure = fence || anchor ? null : FIGURE.exec(line.text);
    if (anchor) out.push({ ...line, text: `${anchor[1]} {#${anchor[2]}}` });
    else if (figure) out.push(...figureLines(figure, line.source));
    else out.push(line);
  }
  return out;
}

function figureLines(match: RegExpExecArray, source: number): SourceLine[] {
  const [, indent = '', attributes = '', captionHtml = ''] = match;
  const src = attributeOf(attributes, 'src');
  if (!src) return [{ text: match[0], source }];
  const alt = (attributeOf(attributes, 'alt') ?? '').replace(/[[\]\\]/g, '\\$&');
  const caption = captionHtml
    .replace(/<\/?p>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const image = `${indent}![${alt}](<${src.replace(/[<>]/g, encodeURIComponent)}>)`;
  return caption === ''
    ? [{ text: image, source }]
    : [
        { text: `${image}\\`, source },
        { text: `${indent}*${caption}*`, source },
      ];
}

function attributeOf(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

export function unlinkBrokenReferences(
  lines: readonly SourceLine[],
  context: ScanContext,
  codeRanges: (text: string) => Range[],
): SourceLine[] {
  const text = lines.map((line) => line.text).join('\n');
  if (!text.includes('](broken-reference)')) return [...lines];
  return rewriteText(
    lines,
    BROKEN_REFERENCE,
    (match, line, inCode) => {
      if (inCode) return null;
      warn(
        context,
        line,
        'link/broken-reference',
        `GitBook marked the link "${match[1]}" as broken (its page was deleted or moved): it is published as text.`,
        'Link the page it should point to, or remove the link.',
      );
      return match[1]!;
    },
    codeRanges(text),
  );
}
