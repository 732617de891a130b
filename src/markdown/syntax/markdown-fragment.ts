import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * Markdown to HTML for a template's `markdownify` / `.RenderString`: raw HTML kept (the page's own
 * sanitizer runs later, on the whole article). Inline, a single paragraph loses its `<p>` as Hugo's does.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true })
  .freeze();

export function markdownToHtml(markdown: string, inline: boolean): string {
  const html = String(processor.processSync(markdown)).trim();
  if (!inline) return html;
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1]!.includes('<p>') ? single[1]! : html;
}
