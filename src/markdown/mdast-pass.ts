import type { Definition, Root as MdastRoot, Nodes } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyCallout } from './callouts.js';
import { type CustomId, extractCustomId } from './custom-ids.js';
import type { RawFragments } from './raw-fragments.js';
import {
  isReferenceCandidate,
  markCandidates,
  markReferences,
  type ReferenceCandidate,
  type ReferenceSources,
} from './references.js';
import { createUnsafeContentScanner } from './unsafe-content.js';

export interface MdastPass {
  /** What the sanitizer will remove, with lines (unsafe-content.ts). */
  diagnostics: Diagnostic[];
  /** The `{#id}`s taken from headings. */
  customIds: CustomId[];
  /** Whether the tree held raw HTML when it was walked. */
  hadHtml: boolean;
  /** The (Markdown) line of the first raw HTML, where a refusal of its nesting points. */
  firstHtmlLine: number | undefined;
  /**
   * Marks the local links and images of the tree as it is now. `changed`: the tree was changed since
   * the walk in ways other than removing `removed` (it is walked again then).
   */
  markReferences(options: { changed: boolean; removed?: Nodes | undefined }): ReferenceSources;
}

/**
 * The one walk over the parsed mdast, in document order: the unsafe-content scan, `{#custom}` heading ids,
 * GitHub alerts, and the nodes reference marking needs (links, images, raw HTML, definitions), which are
 * marked once the later steps have removed what they remove. Raw HTML pieces are parsed once (`fragments`).
 */
export function walkMdast(
  tree: MdastRoot,
  context: { file?: string | undefined; lineOffset: number; bracketIds?: boolean },
  fragments: RawFragments,
): MdastPass {
  const scanner = createUnsafeContentScanner(
    { lineOffset: context.lineOffset, ...(context.file !== undefined && { file: context.file }) },
    fragments,
  );
  const customIds: CustomId[] = [];
  const definitions = new Map<string, Definition>();
  const candidates: ReferenceCandidate[] = [];
  let hadHtml = false;
  let firstHtmlLine: number | undefined;

  const walk = (node: Nodes) => {
    scanner.scan(node);
    if (node.type === 'heading') {
      const custom = extractCustomId(node, context.bracketIds === true);
      if (custom) customIds.push(custom);
    } else if (node.type === 'blockquote') {
      applyCallout(node);
    } else if (node.type === 'definition') {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    } else if (isReferenceCandidate(node)) {
      candidates.push(node);
      if (node.type === 'html' && !hadHtml) {
        hadHtml = true;
        firstHtmlLine = node.position?.start.line;
      }
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);

  return {
    diagnostics: scanner.diagnostics,
    customIds,
    hadHtml,
    firstHtmlLine,
    markReferences({ changed, removed }) {
      if (changed) return markReferences(tree, context.lineOffset, fragments);
      const gone = removed ? nodesOf(removed) : undefined;
      const kept = gone ? candidates.filter((node) => !gone.has(node)) : candidates;
      return markCandidates(kept, definitions, context.lineOffset, fragments);
    },
  };
}

function nodesOf(root: Nodes): Set<Nodes> {
  const nodes = new Set<Nodes>();
  const walk = (node: Nodes) => {
    nodes.add(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(root);
  return nodes;
}
