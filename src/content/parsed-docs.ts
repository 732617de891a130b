import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedDocument } from './document.js';
import type { InvalidDoc, LocalDoc } from './types.js';

/** A document as the tree builder keeps it: the document and the line of each frontmatter field. */
export interface ParsedDoc {
  doc: LocalDoc;
  fieldLines: Record<string, number>;
}

/** What the tree builder collects while it reads the files. */
export interface ParsedDocs {
  docs: ParsedDoc[];
  /** Files with errors of their own: not published, but links to them say the target is invalid. */
  invalid: InvalidDoc[];
  /** Files the site builds no page from (Hugo `build.render: never`): left out like excluded files. */
  notRendered: string[];
  diagnostics: Diagnostic[];
}

/** Keeps a parsed file: a document when it parsed, else an invalid file (with its body, to check its links). */
export function keepParsed(path: string, parsed: ParsedDocument, into: ParsedDocs): void {
  into.diagnostics.push(...parsed.diagnostics);
  if (parsed.doc) {
    into.docs.push({ doc: parsed.doc, fieldLines: parsed.fieldLines });
    return;
  }
  if (parsed.notRendered) {
    into.notRendered.push(path);
    return;
  }
  const line = parsed.diagnostics.find((d) => d.severity === 'error')?.line ?? 1;
  into.invalid.push({ path, line, ...(parsed.body && { body: parsed.body }) });
}
