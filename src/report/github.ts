import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { escapeAnnotationData, escapeAnnotationProperty } from './escape.js';

export interface AnnotationOptions {
  /** At most this many annotations (GitHub shows 10 per step); default 10. */
  max?: number;
  /**
   * The content directory relative to the repository root (`docs`, `./site/docs/`): diagnostic files are
   * relative to the content directory, annotations need repository-relative paths.
   */
  pathPrefix?: string;
  /**
   * Diagnostics whose `file` is already repository-relative (not inside the content directory).
   * Default: config diagnostics (code `config/…`), whose file is the config file path.
   */
  isRepoRelative?: (d: Diagnostic) => boolean;
}

export interface Annotations {
  /** Workflow commands, one per line (ends with a newline when not empty). */
  text: string;
  /** How many diagnostics became annotations. */
  shown: number;
  /** How many were left out: say the full list is in the job summary. */
  rest: number;
}

const defaultRepoRelative = (d: Diagnostic): boolean => d.code.startsWith('config/');

/**
 * Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), errors
 * first, escaped per GitHub's rules so no message can end the command or start another one.
 */
export function renderGithubAnnotations(
  diagnostics: readonly Diagnostic[],
  options: AnnotationOptions = {},
): Annotations {
  const max = Math.max(0, options.max ?? 10);
  const repoRelative = options.isRepoRelative ?? defaultRepoRelative;
  const ordered = sortDiagnostics(diagnostics).sort((a, b) => rank(a) - rank(b));
  const lines = ordered.slice(0, max).map((d) => {
    const file =
      d.file === undefined ? undefined : repoRelative(d) ? d.file : joinPath(options.pathPrefix, d.file);
    const props: string[] = [];
    if (file !== undefined) props.push(`file=${escapeAnnotationProperty(file)}`);
    if (file !== undefined && d.line !== undefined) props.push(`line=${d.line}`);
    if (file !== undefined && d.line !== undefined && d.column !== undefined) props.push(`col=${d.column}`);
    props.push(`title=${escapeAnnotationProperty(`pylon-kb ${d.code}`)}`);
    const field = d.field ? ` (field: ${d.field})` : '';
    const message = `${d.message}${field}${d.hint ? `\n${d.hint}` : ''}`;
    return `::${d.severity} ${props.join(',')}::${escapeAnnotationData(message)}`;
  });
  return {
    text: lines.length > 0 ? `${lines.join('\n')}\n` : '',
    shown: lines.length,
    rest: diagnostics.length - lines.length,
  };
}

function rank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : 1;
}

/** Posix join of a repository-relative prefix and a content-relative path (`./`, `\`, duplicate `/` cleaned). */
export function joinPath(prefix: string | undefined, file: string): string {
  const clean = (p: string): string =>
    p
      .replace(/\\/g, '/')
      .split('/')
      .filter((part) => part !== '' && part !== '.')
      .join('/');
  const head = clean(prefix ?? '');
  const tail = clean(file);
  return head === '' ? tail : `${head}/${tail}`;
}
