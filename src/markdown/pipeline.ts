import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkBoundedAttention } from './bounded-attention.js';
import { rehypeParseRawHtml, rehypePylonAdjustments } from './raw-html.js';
import { PYLON_SCHEMA } from './schema.js';
import { rehypeTidy } from './tidy.js';

/**
 * The one Markdown → HTML pipeline, built once and frozen. Order matters: raw HTML is parsed and then
 * sanitised before heading ids are added, so ids are never taken from (or prefixed because of) user HTML.
 * What runs on the mdast before it (alerts, `{#id}`s, reference marks: mdast-pass.ts) and on the
 * sanitised tree after it (ids, headings, references: hast-pass.ts) is one walk each, in render.ts.
 */
export const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkBoundedAttention)
  .use(remarkRehype, {
    allowDangerousHtml: true,
    // Footnote ids without GitHub's `user-content-` prefix, matching the heading ids.
    clobberPrefix: '',
    // Pylon has no `sr-only` style: a visible paragraph reads better than a stray `<h2>`.
    footnoteLabelTagName: 'p',
    footnoteLabelProperties: { className: ['footnotes-label'] },
  })
  .use(rehypeParseRawHtml)
  .use(rehypePylonAdjustments)
  .use(rehypeSanitize, PYLON_SCHEMA)
  .use(rehypeTidy)
  .use(rehypeStringify)
  .freeze();
