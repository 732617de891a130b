import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  type AuthorDirectory,
  type AuthorResolution,
  type AuthorRules,
  createAuthorResolver,
  documentAuthor,
} from './authors.js';

export interface AuthorCheckOptions extends AuthorRules {
  /** Config `defaultAuthor` (or `--author`). */
  defaultAuthor?: string | undefined;
  /** The config file, which `authors` diagnostics name. */
  configFile?: string | undefined;
}

/**
 * Every author the docs tree names, resolved against Pylon's users and teams as plan would: frontmatter
 * `author` (through the `authors` map), the default author, and each `authors` entry itself. Problems
 * follow `unknownAuthors`; a wrong default author is reported once, even when no document uses it.
 */
export function checkAuthors(
  docs: readonly { path: string; author?: { value: string; line: number } }[],
  directory: AuthorDirectory,
  options: AuthorCheckOptions,
): Diagnostic[] {
  const resolve = createAuthorResolver(directory);
  const diagnostics: Diagnostic[] = [...defaultAuthorProblem(options.defaultAuthor, resolve)];
  for (const doc of docs) {
    const { diagnostic } = documentAuthor(doc, resolve, options.defaultAuthor, options);
    // The default author's problem is the config's (reported above), not each document's that uses it.
    if (diagnostic && diagnostic.field !== 'defaultAuthor') diagnostics.push(diagnostic);
  }
  const severity = options.unknownAuthors === 'default' ? 'warning' : 'error';
  for (const [written, user] of Object.entries(options.authors ?? {})) {
    const resolution = resolve(user);
    if ('userId' in resolution) continue;
    diagnostics.push({
      severity,
      code: 'author/unknown',
      message: `authors['${written}'] maps to "${user}": ${resolution.problem}`,
      ...(options.configFile !== undefined && { file: options.configFile }),
      field: `authors.${written}`,
      hint: resolution.hint,
    });
  }
  return diagnostics;
}

/**
 * The author problems found without Pylon (what `check` reports offline, as plan does): a document with no
 * `author` when the config has no `defaultAuthor`. Whether a named author is a Pylon user needs the remote.
 */
export function missingAuthors(
  docs: readonly { path: string; author?: { value: string; line: number } }[],
  defaultAuthor: string | undefined,
): Diagnostic[] {
  if (defaultAuthor !== undefined) return [];
  const unresolvable = (): never => {
    throw new Error('no author to resolve');
  };
  return docs
    .filter((doc) => doc.author === undefined)
    .flatMap((doc) => documentAuthor(doc, unresolvable, undefined).diagnostic ?? []);
}

/**
 * A default author that is no Pylon user, as one error of the run's config (no file: nothing is written),
 * however many documents use it; empty when it resolves or is not set.
 */
export function defaultAuthorProblem(
  defaultAuthor: string | undefined,
  resolve: (spec: string) => AuthorResolution,
): Diagnostic[] {
  const fallback = defaultAuthor === undefined ? undefined : resolve(defaultAuthor);
  if (!fallback || 'userId' in fallback) return [];
  return [
    {
      severity: 'error',
      code: 'author/unknown',
      message: `defaultAuthor: ${fallback.problem}`,
      field: 'defaultAuthor',
      hint: `${fallback.hint} Set defaultAuthor in the config (or --author, PYLON_AUTHOR) to a Pylon user.`,
    },
  ];
}
