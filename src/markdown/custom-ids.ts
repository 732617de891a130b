import type { Element } from 'hast';
import type { Heading as MdastHeading } from 'mdast';

/**
 * `## Title {#my-id}` (Hugo, Docusaurus, VitePress), kramdown's `{: #my-id .no_toc}` and Python-Markdown's
 * attribute list `{ #my-id .class key="value" }`, at the end of the heading. The id is kept, the rest dropped.
 */
const ATTRIBUTE_LIST =
  /[ \t]*\{:?[ \t]*((?:(?:#[\p{L}\p{N}_][\p{L}\p{N}_.:-]*|\.[\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}"']+))[ \t]*)+)\}[ \t]*$/u;
const ID_IN_LIST = /(?:^|[ \t])#([\p{L}\p{N}_][\p{L}\p{N}_.:-]*)/u;
const CUSTOM_ID = {
  exec(text: string): { index: number; id: string | undefined; classes: string } | null {
    const match = ATTRIBUTE_LIST.exec(text);
    if (!match) return null;
    const list = match[1] ?? '';
    return { index: match.index, id: ID_IN_LIST.exec(list)?.[1], classes: list };
  },
};
/** `## Title [#my-id]` (Nextra, Fumadocs): read only where the site's preset has `bracket-heading-ids`. */
const BRACKET_ID = /[ \t]*\[#([\p{L}\p{N}_][\p{L}\p{N}_.:-]*)\][ \t]*$/u;
const HEADING = /^h[1-6]$/;
/** Attributes pylon-kb writes itself; a value written by an author would be mistaken for its own. */
const RESERVED = /^dataPylonKb/;

export interface CustomId {
  id: string;
  /** 1-based line in the Markdown (before any line offset). */
  line?: number;
}

/** `Title {#my-id}` → `Title` (for titles taken from a heading). */
export function stripCustomId(text: string): string {
  return text.replace(ATTRIBUTE_LIST, '');
}

/**
 * Removes a trailing `{#id}` (or, with `bracketIds`, `[#id]`) from a heading and remembers the id on the node as `data-pylon-kb-id`,
 * which survives sanitising; `applyCustomId` then turns it into the heading's id. Returns the id found.
 */
export function extractCustomId(node: MdastHeading, bracketIds = false): CustomId | undefined {
  const last = node.children[node.children.length - 1];
  if (last?.type !== 'text') return undefined;
  const bracket = bracketIds ? BRACKET_ID.exec(last.value) : null;
  const match = bracket ? { index: bracket.index, id: bracket[1], classes: '' } : CUSTOM_ID.exec(last.value);
  if (!match) return undefined;
  last.value = last.value.slice(0, match.index);
  if (last.value === '') node.children.pop();
  const tail = node.children[node.children.length - 1];
  if (tail?.type === 'text') tail.value = tail.value.trimEnd();
  if (/(^|\s)\.no_toc\b/.test(match.classes))
    node.data = { ...node.data, pylonKbNoToc: true } as typeof node.data;
  if (match.id === undefined) return undefined;
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataPylonKbId: match.id } };
  return { id: match.id, ...(node.position && { line: node.position.start.line }) };
}

/**
 * After sanitising and before heading ids are made: a heading's `data-pylon-kb-id` becomes its `id` (so
 * the heading-id step leaves it alone). Other `data-pylon-kb…` attributes are removed, except the
 * reference markers, which the reference step consumes.
 */
export function applyCustomId(node: Element): void {
  const custom = node.properties.dataPylonKbId;
  for (const name of Object.keys(node.properties)) {
    if (RESERVED.test(name) && name !== 'dataPylonKbRef') delete node.properties[name];
  }
  if (HEADING.test(node.tagName) && typeof custom === 'string' && custom !== '') {
    node.properties.id = custom;
  }
}
