import type { PhrasingContent, RootContent } from 'mdast';
import { attribute, type JsxElement, textAttribute } from './jsx.js';
import { block } from './mdx-blocks.js';

/**
 * Mintlify's API reference fields, `<ParamField query="limit" type="number" default="10" required>` and
 * `<ResponseField name="id" type="string">`: a line naming the field (its name and its type in code, where
 * it goes, required, deprecated, its default) above the description, so the reference keeps its meaning.
 */
const PLACES = ['query', 'path', 'body', 'header', 'cookie'] as const;

export function apiField(element: JsxElement, children: RootContent[]): RootContent {
  const place = PLACES.find((key) => typeof attribute(element, key) === 'string');
  const name = textAttribute(element, 'name', ...PLACES) ?? '';
  const type = textAttribute(element, 'type');
  const fallback = textAttribute(element, 'default');
  const notes = [
    ...(place ? [place] : []),
    ...(attribute(element, 'required') === true || attribute(element, 'required') === 'true'
      ? ['required']
      : []),
    ...(attribute(element, 'deprecated') === true ? ['deprecated'] : []),
  ];
  const line: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'inlineCode', value: name }] }];
  if (type) line.push({ type: 'text', value: ' ' }, { type: 'inlineCode', value: type });
  if (notes.length > 0) line.push({ type: 'text', value: ` · ${notes.join(' · ')}` });
  if (fallback !== undefined)
    line.push({ type: 'text', value: ' · default: ' }, { type: 'inlineCode', value: fallback });
  return block('div', ['field'], [{ type: 'paragraph', children: line }, ...children]);
}
