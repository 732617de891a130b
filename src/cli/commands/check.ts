import { errorsOnly, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { missingAuthors } from '../../plan/author-check.js';
import { plural } from '../../report/summary.js';
// The run layer's content module only: check reads and renders, and loads nothing remote.
import { loadContent } from '../../run/content.js';
import { openRenderCache } from '../../run/render-cache.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import { describeDiagnostics } from '../failures.js';
import { UsageError } from '../parse.js';
import { clientEvents } from '../request-log.js';
import { siteLines } from '../site-line.js';
import { redactForOutput } from '../terminal.js';

/** What an offline check cannot see: it needs the knowledge base. */
const NEEDS_REMOTE =
  'Needs check --remote (or plan): whether each author is a Pylon user (author/unknown). Plan also checks against the knowledge base: drift, hand-written articles in the way, orphans, translation languages.';

/** Offline validation of the whole tree: every problem at once, no network (authors too with `--remote`). */
export async function run(input: CommandInput): Promise<number> {
  const { io } = input;
  const remote = input.values.remote === true;
  // These flags say where to check authors; without --remote nothing would read them. (`--author` is read
  // offline too: a document without `author` needs a default author.)
  const remoteOnly = ['target', 'truto-account'].filter((flag) => input.values[flag] !== undefined);
  if (!remote && remoteOnly.length > 0) {
    const named = remoteOnly.map((flag) => `--${flag}`).join(', ');
    throw new UsageError(
      `${named} applies only with --remote: add --remote to check authors, or leave it out.`,
    );
  }
  const config = await loadCliConfig(input, { forceEmulator: !remote });
  // The render cache plan and apply keep: a document unchanged since the last run is not rendered again.
  const renderCache = await openRenderCache(config.rootDir, {
    persist: input.values['no-cache'] !== true,
    // check runs against the emulator; the tokens it must keep out of `.pylon-kb/` are the environment's.
    redact: (text) => redactForOutput(io, text),
  });
  const { desired } = await loadContent(config, { renderCache });
  await renderCache.save().catch((error: Error) => {
    // The cache only saves time: a checkout it cannot be written to is still checked.
    io.stderr.write(`Note: the render cache was not saved (${error.message}).\n`);
  });
  const authors = remote
    ? await (await import('../check-remote.js')).remoteAuthorDiagnostics(config, desired, clientEvents(input))
    : undefined;
  // Without --remote, the author problems that need no Pylon: what plan would report too.
  const offline = authors ? [] : missingAuthors(desired.articles, config.defaultAuthor ?? undefined);
  const diagnostics = sortDiagnostics([...desired.diagnostics, ...(authors?.diagnostics ?? offline)]);
  const errors = errorsOnly(diagnostics);
  const warnings = diagnostics.length - errors.length;
  if (input.values.json === true) {
    const report = {
      version: 1,
      articles: desired.articles.length,
      collections: desired.collections.length,
      errors: errors.length,
      warnings,
      ...(desired.site && { site: desired.site }),
      ...(authors && { authorsCheckedAgainst: authors.target }),
      ...(!authors && { needsRemote: NEEDS_REMOTE }),
      diagnostics,
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return errors.length > 0 ? 2 : 0;
  }
  if (diagnostics.length > 0) io.stderr.write(`${describeDiagnostics(diagnostics)}\n`);
  io.stdout.write(siteLines(desired.site));
  io.stdout.write(
    `Checked ${plural(desired.articles.length, 'article')} in ${plural(desired.collections.length, 'collection')}: ` +
      `${plural(errors.length, 'error')}, ${plural(warnings, 'warning')}.\n` +
      (authors
        ? `Authors were checked against ${authors.target}: ${plural(authors.diagnostics.length, 'problem')}.\n`
        : `${NEEDS_REMOTE}\n`),
  );
  return errors.length > 0 ? 2 : 0;
}
