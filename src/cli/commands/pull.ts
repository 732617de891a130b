import { resolve } from 'node:path';
import { pullDrifted } from '../../pull/drifted.js';
import { type PullResult, type PullWarning, pull } from '../../pull/pull.js';
import { terminalLine } from '../../report/escape.js';
import { openTarget, planFromConfig } from '../../run/index.js';
import type { CommandInput } from '../command-spec.js';
import { loadCliConfig } from '../config.js';
import { formatValue, UsageError } from '../parse.js';
import { clientEvents } from '../request-log.js';

/** `pylon-kb pull [dir]`: the knowledge base as a docs tree; `--drifted`: Pylon's edits into their files. */
export async function run(input: CommandInput): Promise<number> {
  const { values, positionals, io } = input;
  const format = formatValue(values, ['text', 'json'] as const);
  const config = await loadCliConfig(input);
  const dir = positionals[0] ? resolve(io.cwd, positionals[0]) : config.contentDir;
  const dryRun = values['dry-run'] === true;
  const given = (values.collection as string[] | undefined) ?? [];
  // Without --collection, the collections the config says pylon-kb owns (ownedCollections), else all.
  const collections = given.length > 0 || values.drifted === true ? given : config.ownedCollections;
  if (values.drifted === true && (positionals.length > 0 || given.length > 0)) {
    throw new UsageError(
      '--drifted writes into the configured docs tree (--content-dir); it takes no directory and no --collection.',
    );
  }
  const target = await openTarget(config, { onEvent: clientEvents(input) });
  try {
    const common = {
      apiOrigin: target.apiOrigin,
      maxAssetBytes: config.maxAssetBytes,
      downloadTimeoutMs: config.pull.downloadTimeoutMs,
      include: config.include,
      dryRun,
    };
    if (values.drifted === true) {
      const planned = await planFromConfig(config, target.client, {
        renderCache: values['no-cache'] !== true,
      });
      const result = await pullDrifted(planned, { ...common, contentDir: config.contentDir });
      if (format === 'json') io.stdout.write(`${JSON.stringify({ dryRun, ...result }, null, 2)}\n`);
      else writeDriftedText(io, result.files, result.warnings, dryRun);
      writeRefused(io, result.refused);
      return result.refused.length > 0 ? 1 : 0;
    }
    const result = await pull(target.client, {
      ...common,
      dir,
      kb: config.knowledgeBase ?? undefined,
      collections,
      force: values.force === true,
    });
    if (format === 'json') io.stdout.write(`${JSON.stringify({ dir, ...result }, null, 2)}\n`);
    else writePullText(io, dir, result);
    writeRefused(io, result.refused);
    // Warnings leave the tree whole (a file that could not be downloaded keeps its remote URL): exit 0.
    // A file refused is missing from the tree: exit 1, as for any write that failed.
    return result.refused.length > 0 ? 1 : 0;
  } finally {
    await target.close();
  }
}

const t = terminalLine;

function warningLine(w: PullWarning): string {
  const where = w.path ? `${t(w.path)}: ` : '';
  const article = w.article ? ` (article "${t(w.article.title)}", ${t(w.article.id)})` : '';
  return `warning [${w.code}] ${where}${t(w.message)}${article}\n`;
}

/** Each file not written because its place leads outside the target through a symbolic link. */
function writeRefused(
  io: CommandInput['io'],
  refused: ReadonlyArray<{ path: string; reason: string }>,
): void {
  for (const r of refused) {
    io.stderr.write(
      `error [pull/outside-target] ${t(r.path)}: not written, ${t(r.reason)}. Remove the link or pull into another folder.\n`,
    );
  }
}

function writePullText(io: CommandInput['io'], dir: string, result: PullResult): void {
  const verb = result.written ? 'Wrote' : 'Would write';
  for (const file of result.files) io.stdout.write(`  ${file.kind.padEnd(11)} ${t(file.path)}\n`);
  for (const s of result.skipped)
    io.stdout.write(`  skipped     "${t(s.title)}" (${t(s.id)}): ${t(s.reason)}\n`);
  for (const w of result.warnings) io.stderr.write(warningLine(w));
  const count = (kind: string, one: string, many = `${one}s`) => {
    const n = result.files.filter((f) => f.kind === kind).length;
    return `${n} ${n === 1 ? one : many}`;
  };
  io.stdout.write(
    `${verb} ${count('article', 'article')}, ${count('translation', 'translation')}, ${count('collection', 'collection')} and ${count('file', 'file')} from "${t(result.knowledgeBase.title)}" into ${t(dir)}.\n`,
  );
  if (result.written) {
    io.stdout.write(
      `Next: pylon-kb plan --content-dir ${t(dir)} (the first apply adopts every article in place, writing only pylon-kb's marker).\n`,
    );
  }
}

function writeDriftedText(
  io: CommandInput['io'],
  files: Array<{ path: string; kind: string }>,
  warnings: PullWarning[],
  dryRun: boolean,
): void {
  for (const file of files) io.stdout.write(`  ${file.kind.padEnd(8)} ${t(file.path)}\n`);
  for (const w of warnings) io.stderr.write(warningLine(w));
  const articles = files.filter((f) => f.kind === 'article').length;
  io.stdout.write(
    articles === 0
      ? 'No article was edited in Pylon since it was published: nothing to pull.\n'
      : `${dryRun ? 'Would write' : 'Wrote'} Pylon's version of ${articles} article${articles === 1 ? '' : 's'} into the docs tree; review with git diff, then apply.\n`,
  );
}
