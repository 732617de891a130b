import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * `## Title {#my-id}` (Hugo, Docusaurus, VitePress, kramdown) and the attribute-list form `{ #my-id }`
 * (Python-Markdown's attr_list, MkDocs): the id must follow the text at the end.
 */
const CUSTOM_ID = /[ \t]*\{[ \t]*#([\p{L}\p{N}_][\p{L}\p{N}_.:-]*)[ \t]*\}[ \t]*$/u;
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
  return text.replace(CUSTOM_ID, '');
}

/**
 * Removes a trailing `{#id}` from every heading and remembers the id on the node as
 * `data-pylon-kb-id`, which survives sanitising; `rehypeCustomIds` then turns it into the heading's id.
 */
export function extractCustomIds(tree: MdastRoot): CustomId[] {
  const found: CustomId[] = [];
  visit(tree, 'heading', (node) => {
    const last = node.children[node.children.length - 1];
    if (last?.type !== 'text') return;
    const match = CUSTOM_ID.exec(last.value);
    if (!match?.[1]) return;
    last.value = last.value.slice(0, match.index);
    if (last.value === '') node.children.pop();
    const tail = node.children[node.children.length - 1];
    if (tail?.type === 'text') tail.value = tail.value.trimEnd();
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataPylonKbId: match[1] } };
    found.push({ id: match[1], ...(node.position && { line: node.position.start.line }) });
  });
  return found;
}

/**
 * rehype plugin, after sanitising and before heading ids are made: a heading's `data-pylon-kb-id`
 * becomes its `id` (so rehype-slug leaves it alone). Other `data-pylon-kb…` attributes are removed, except
 * the reference markers, which `takeReferences` consumes after the pipeline.
 */
export function rehypeCustomIds() {
  return (tree: HastRoot): void => {
    visit(tree, 'element', (node: Element) => {
      const custom = node.properties.dataPylonKbId;
      for (const name of Object.keys(node.properties)) {
        if (RESERVED.test(name) && name !== 'dataPylonKbRef') delete node.properties[name];
      }
      if (HEADING.test(node.tagName) && typeof custom === 'string' && custom !== '') {
        node.properties.id = custom;
      }
    });
  };
}
