import { toHtml } from 'hast-util-to-html';

/**
 * Rendering leaves a sentinel where each local URL was (`<a href="pylon-kb-ref:3"`), so that the HTML of
 * a document can be cached on its own and its links resolved later against the whole tree, without
 * parsing the HTML again. The sentinel cannot come from an author: the sanitizer has already removed any
 * `pylon-kb-ref:` URL (not an allowed protocol), `<` is escaped in text and `"` in attribute values, so
 * `<a href="pylon-kb-ref:` only appears where `takeReferences` put it.
 */
const PREFIX = 'pylon-kb-ref:';
const SENTINEL = /<(a|img) (href|src)="pylon-kb-ref:(\d+)"/g;

export function sentinel(index: number): string {
  return `${PREFIX}${index}`;
}

export interface Replacement {
  /** The URL to write into `href` / `src`. */
  url: string;
  /** A link with nowhere to go: its `href` is left out, so its text reads as text. */
  unlink?: boolean;
  /** Extra attributes written after it, e.g. `data-pylon-kb-asset`. */
  attributes?: Readonly<Record<string, string>>;
}

/** Replaces every sentinel with the URL (and attributes) `replace` gives for its reference index. */
export function replaceSentinels(html: string, replace: (index: number) => Replacement): string {
  return html.replace(SENTINEL, (_, tag: string, attribute: string, index: string) => {
    const { url, unlink, attributes = {} } = replace(Number(index));
    const extra = Object.entries(attributes).map(([name, value]) => ` ${attributeHtml(name, value)}`);
    if (unlink === true && tag === 'a') return `<a${extra.join('')}`;
    return `<${tag} ${attributeHtml(attribute, url)}${extra.join('')}`;
  });
}

/** `name="value"` escaped exactly as the pipeline's serialiser escapes attributes. */
function attributeHtml(name: string, value: string): string {
  const html = toHtml({
    type: 'element',
    tagName: 'x',
    properties: { [name]: value },
    children: [],
  });
  return html.slice('<x '.length, html.length - '></x>'.length);
}
