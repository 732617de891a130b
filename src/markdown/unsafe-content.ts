import type { Element, Root } from 'hast';
import type { Html, Nodes } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RawFragments } from './raw-fragments.js';
import {
  IMAGE_PROTOCOLS,
  isAllowedIframeSrc,
  isAllowedUrl,
  isKeptTag,
  isStrippedTag,
  LINK_PROTOCOLS,
} from './schema.js';

type Position = NonNullable<Html['position']>;

export interface ScanContext {
  file?: string;
  /** Added to Markdown line numbers so diagnostics name the line in the source file. */
  lineOffset: number;
}

/**
 * Finds what the sanitizer will remove from a Markdown document (scripts, event handlers, unsafe URLs,
 * insecure iframes, tags Pylon does not keep) and reports each with its line. The sanitizer is what
 * makes the output safe; this only tells the author that their content was changed. `scan` is called on
 * every mdast node in document order (render.ts's mdast pass).
 */
export function createUnsafeContentScanner(
  context: ScanContext,
  fragments: RawFragments,
): { diagnostics: Diagnostic[]; scan(node: Nodes): void } {
  const diagnostics: Diagnostic[] = [];
  const report = (position: Position | undefined, lineInNode: number, d: Omit<Diagnostic, 'severity'>) => {
    const line = position ? position.start.line + lineInNode - 1 + context.lineOffset : undefined;
    diagnostics.push({
      severity: 'warning',
      ...d,
      ...(context.file !== undefined && { file: context.file }),
      ...(line !== undefined && { line }),
      ...(position && lineInNode === 1 && { column: position.start.column }),
    });
  };
  const scan = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') {
      if (!isAllowedUrl(node.url, LINK_PROTOCOLS)) report(node.position, 1, unsafeUrl(node.url, 'link'));
    } else if (node.type === 'image') {
      if (!isAllowedUrl(node.url, IMAGE_PROTOCOLS)) report(node.position, 1, unsafeUrl(node.url, 'image'));
    } else if (node.type === 'html') {
      for (const finding of scanRawHtml(fragments.of(node.value))) {
        report(node.position, finding.line, finding.diagnostic);
      }
    }
  };
  return { diagnostics, scan };
}

interface Finding {
  line: number;
  diagnostic: Omit<Diagnostic, 'severity'>;
}

function scanRawHtml(fragment: Root): Finding[] {
  const findings: Finding[] = [];
  const walk = (parent: Root | Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (!scanElement(child, findings)) walk(child);
    }
  };
  walk(fragment);
  return findings;
}

/** Records what the sanitizer does to one element; true when the element goes with its content. */
function scanElement(element: Element, findings: Finding[]): boolean {
  const line = element.position?.start.line ?? 1;
  const tag = element.tagName;
  if (tag === 'textarea') {
    findings.push({ line, diagnostic: textareaAsCode() });
    return true;
  }
  if (isStrippedTag(tag)) {
    findings.push({ line, diagnostic: removedElement(tag) });
    return true;
  }
  if (tag === 'iframe' && !isAllowedIframeSrc(element.properties.src)) {
    findings.push({ line, diagnostic: insecureIframe() });
    return true;
  }
  if (tag === 'input' && element.properties.type !== 'checkbox') {
    findings.push({ line, diagnostic: removedElement(tag) });
    return true;
  }
  if (!isKeptTag(tag)) findings.push({ line, diagnostic: unwrappedElement(tag) });
  for (const [name, value] of Object.entries(element.properties)) {
    if (/^on/i.test(name)) findings.push({ line, diagnostic: eventHandler(tag, name) });
    else if ((name === 'href' || name === 'src') && typeof value === 'string') {
      const protocols = name === 'href' ? LINK_PROTOCOLS : IMAGE_PROTOCOLS;
      if (!isAllowedUrl(value, protocols)) findings.push({ line, diagnostic: unsafeUrl(value, `<${tag}>`) });
    }
  }
  return false;
}

const HTML_HINT = 'Pylon keeps only a safe subset of HTML; see docs/content.md ("HTML output").';

function removedElement(tag: string): Omit<Diagnostic, 'severity'> {
  return {
    code: 'markdown/html-removed',
    message: `<${tag}> is removed from the published article${tag === 'input' ? '' : ', with its content'}.`,
    hint: `Delete the <${tag}> element. ${HTML_HINT}`,
  };
}

function textareaAsCode(): Omit<Diagnostic, 'severity'> {
  return {
    code: 'markdown/html-unwrapped',
    message: '<textarea> is not kept: its text is published as a code block.',
    hint: HTML_HINT,
  };
}

function unwrappedElement(tag: string): Omit<Diagnostic, 'severity'> {
  return {
    code: 'markdown/html-unwrapped',
    message: `<${tag}> is not kept: only its text is published.`,
    hint: HTML_HINT,
  };
}

function insecureIframe(): Omit<Diagnostic, 'severity'> {
  return {
    code: 'markdown/iframe-removed',
    message: 'An <iframe> without an https:// source is removed.',
    hint: 'Use an https:// URL for embedded frames.',
  };
}

function eventHandler(tag: string, attribute: string): Omit<Diagnostic, 'severity'> {
  const name = attribute.toLowerCase();
  return {
    code: 'markdown/html-removed',
    message: `The event handler attribute ${name} on <${tag}> is removed.`,
    hint: 'Scripts never run in published articles; remove the attribute.',
  };
}

function unsafeUrl(url: string, where: string): Omit<Diagnostic, 'severity'> {
  const shown = url.length > 60 ? `${url.slice(0, 57)}...` : url;
  return {
    code: 'markdown/unsafe-url',
    message: `The ${where} URL "${shown}" is removed: its protocol is not allowed.`,
    hint: 'Use an http(s):, mailto: (links only), relative or #fragment URL.',
  };
}
