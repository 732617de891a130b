import type { Paragraph, PhrasingContent, RootContent } from 'mdast';

/** Parses Markdown written in an attribute (a Frame's caption) into inline content. */
export type InlineParser = (text: string) => PhrasingContent[];

/** A paragraph rendered as `tagName` (a callout title, a `<summary>`), its text in bold when `strong`. */
export function titleParagraph(text: string, tagName: string, classes: string[], strong: boolean): Paragraph {
  const value: PhrasingContent = { type: 'text', value: text };
  return {
    type: 'paragraph',
    children: strong ? [{ type: 'strong', children: [value] }] : [value],
    data: { hName: tagName, hProperties: classes.length > 0 ? { className: classes } : {} },
  };
}

/** An element of `tagName` around block content (remark-rehype maps any node by its `hName`). */
export function block(tagName: string, classes: string[], children: RootContent[]): RootContent {
  return {
    type: 'blockquote',
    children: asBlocks(children) as never[],
    data: { hName: tagName, hProperties: classes.length > 0 ? { className: classes } : {} },
  };
}

const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'break',
  'footnoteReference',
  'mdxJsxTextElement',
  'mdxTextExpression',
]);

/** Text written straight inside a block component (`<Note>Text</Note>`) becomes a paragraph. */
function asBlocks(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    const trimmed = trimRun(run);
    if (trimmed.length > 0) out.push({ type: 'paragraph', children: trimmed });
    run = [];
  };
  for (const child of children) {
    const phrasing = PHRASING.has(child.type) && child.data?.hName === undefined;
    if (phrasing) run.push(child as PhrasingContent);
    else {
      flush();
      out.push(child);
    }
  }
  flush();
  return out;
}

function trimRun(run: PhrasingContent[]): PhrasingContent[] {
  if (run.every((node) => node.type === 'text' && node.value.trim() === '')) return [];
  const first = run[0];
  const last = run[run.length - 1];
  if (first?.type === 'text') first.value = first.value.trimStart();
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return run;
}
