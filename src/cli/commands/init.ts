import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { CONFIG_FILE_NAMES, loadConfigFile, resolveConfig } from '../../config/index.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { detectProject, siteOf } from '../../init/detect-project.js';
import {
  CONFIG_FILE,
  configText,
  DEFAULT_ACTION,
  GITIGNORE_FILE,
  gitignoreAddition,
  type InitAnswers,
  WORKFLOW_FILE,
  workflowText,
} from '../../init/files.js';
import { SITE_NAMES, type SiteName, siteByName } from '../../sites/index.js';
import type { CommandInput } from '../command-spec.js';
import { InputError } from '../failures.js';
import type { CliIO } from '../io.js';
import { stringValue, UsageError } from '../parse.js';

/**
 * `pylon-kb init`: sets a project up. Finds the docs tree and its generator (init/detect-project.ts), asks
 * for what it cannot find only at a terminal (never in CI, never with `--yes` or without a TTY: flags
 * give every answer), writes the config file and the CI workflow — refusing, with nothing written, when
 * either exists and `--force` was not given — adds `.pylon-kb/` to `.gitignore`, checks that the config
 * it wrote loads, and prints the next command.
 */
export async function run(input: CommandInput): Promise<number> {
  const { io, values } = input;
  const root = resolve(io.cwd);
  const answers = await initialAnswers(input, root);
  if (shouldAsk(input)) await ask(answers, io, root);
  const action = stringValue(values, 'action') ?? DEFAULT_ACTION;

  refuseExisting(root, values.force === true);
  const packageJson = await readFile(join(root, 'package.json'), 'utf8').catch(() => null);
  const workflow = workflowText(answers, {
    action,
    packageLock: existsSync(join(root, 'package-lock.json')),
    pylonKbDependency: packageJson !== null && /"pylon-kb"\s*:/.test(packageJson),
  });
  const gitignore = await readFile(join(root, GITIGNORE_FILE), 'utf8').catch(() => null);
  const addition = gitignoreAddition(gitignore);

  await writeFile(join(root, CONFIG_FILE), configText(answers));
  await mkdir(dirname(join(root, WORKFLOW_FILE)), { recursive: true });
  await writeFile(join(root, WORKFLOW_FILE), workflow);
  if (addition !== '') await appendFile(join(root, GITIGNORE_FILE), addition);

  await confirmLoads(root, io);
  const out = (line: string) => io.stdout.write(`${line}\n`);
  out(`Wrote ${CONFIG_FILE}`);
  out(`Wrote ${WORKFLOW_FILE}`);
  out(
    addition === ''
      ? `${GITIGNORE_FILE} already leaves out .pylon-kb/`
      : `${gitignore === null ? 'Wrote' : 'Added .pylon-kb/ to'} ${GITIGNORE_FILE}`,
  );
  if (answers.defaultAuthor === null) {
    out('No default author: documents without `author` need PYLON_AUTHOR, --author or defaultAuthor.');
  }
  if (action === DEFAULT_ACTION) {
    out(
      `In ${WORKFLOW_FILE}, replace ${DEFAULT_ACTION} with where you take the action from (or use --action).`,
    );
  }
  out('The workflow needs the repository secret PYLON_API_TOKEN.');
  const gitRoot = enclosingGitRoot(root);
  if (gitRoot !== null) {
    const inside = relative(gitRoot, root).split(sep).join('/');
    io.stderr.write(
      `warning: this folder is inside the git repository at ${gitRoot}, and GitHub runs workflows only from ` +
        `its .github/workflows: move ${WORKFLOW_FILE} there and set working-directory: ${inside} ` +
        `(the action's input, and defaults.run for the job's run steps).\n`,
    );
  }
  out('Next: npx pylon-kb check   (then, with PYLON_API_TOKEN set: npx pylon-kb plan)');
  return 0;
}

/** The repository a project folder sits in below its root (a `.git` above it, none in it), or null. */
function enclosingGitRoot(root: string): string | null {
  if (existsSync(join(root, '.git'))) return null;
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** The answers from flags, the environment and detection, before any question. */
async function initialAnswers(input: CommandInput, root: string): Promise<InitAnswers> {
  const { io, values } = input;
  const given = stringValue(values, 'content-dir');
  let contentDir: string;
  let site: InitAnswers['site'];
  let found: { site: string; detectedBy?: string; hasMarkdown: boolean };
  if (given !== undefined) {
    contentDir = relativeDir(root, given, io.cwd);
    if (!(await isDirectory(resolve(root, contentDir)))) {
      throw new InputError(
        `--content-dir ${given}: no such folder. Give the folder of the docs tree, or leave the flag out to find it.`,
      );
    }
    found = { ...(await siteOf(root, contentDir)), hasMarkdown: true };
  } else {
    const project = await detectProject(root);
    contentDir = project.contentDir;
    found = project;
  }
  const chosen = stringValue(values, 'site');
  if (chosen !== undefined) {
    const names = ['auto', ...SITE_NAMES];
    if (!names.includes(chosen)) {
      const guess = didYouMean(chosen, names);
      throw new UsageError(
        `--site ${chosen}: not a generator pylon-kb knows (${names.join(', ')}).${guess ? ` Did you mean "${guess}"?` : ''}`,
      );
    }
    site = chosen === 'auto' ? null : chosen;
  } else {
    site = found.site === 'none' ? null : found.site;
  }
  const label = site === null ? 'no generator found (site: auto)' : siteByName(site as SiteName).label;
  const how = chosen === undefined && found.detectedBy ? `, found by ${found.detectedBy}` : '';
  io.stdout.write(`Docs tree: ${contentDir} (${label}${how})\n`);
  if (!found.hasMarkdown) {
    io.stdout.write(
      `No Markdown found in ${contentDir}/ (${existsSync(resolve(root, contentDir)) ? 'it is empty' : 'it does not exist yet'}): create it, or run init again with --content-dir.\n`,
    );
  }
  return {
    contentDir,
    site,
    knowledgeBase: nonEmpty(stringValue(values, 'kb') ?? io.env.PYLON_KB),
    defaultAuthor: nonEmpty(stringValue(values, 'author') ?? io.env.PYLON_AUTHOR),
  };
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** A folder given on the command line, relative to the project root, posix (`.` for the root). */
function relativeDir(root: string, given: string, cwd: string): string {
  const rel = relative(root, resolve(cwd, given)).split(sep).join('/');
  if (rel.startsWith('..')) {
    throw new InputError(
      `--content-dir ${given} is outside the project (${root}); run init from the project's root.`,
    );
  }
  return rel === '' ? '.' : rel;
}

/** Questions only for a person at a terminal: not in CI, not with `--yes`, not when stdin or stdout is piped. */
function shouldAsk({ io, values }: CommandInput): boolean {
  if (values.yes === true) return false;
  const ci = io.env.CI;
  if ((ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') || io.env.GITHUB_ACTIONS === 'true')
    return false;
  return process.stdin.isTTY === true && io.stdout.isTTY === true;
}

/** Asks for the content directory, the knowledge base and the default author; Enter keeps what is shown. */
async function ask(answers: InitAnswers, io: CliIO, root: string): Promise<void> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const question = async (text: string, current: string | null) => {
      const reply = (await prompt.question(`${text}${current ? ` [${current}]` : ''}: `)).trim();
      return reply === '' ? current : reply;
    };
    const dir = await question('Docs tree (folder)', answers.contentDir);
    if (dir !== null && dir !== answers.contentDir) {
      answers.contentDir = relativeDir(root, dir, io.cwd);
      if (!(await isDirectory(resolve(root, answers.contentDir)))) {
        throw new InputError(
          `${dir}: no such folder; nothing was written. Run init again and name the docs tree's folder.`,
        );
      }
      const found = await siteOf(root, answers.contentDir);
      answers.site = found.site === 'none' ? null : found.site;
    }
    answers.knowledgeBase = await question(
      'Knowledge base (id or slug; empty: the only one)',
      answers.knowledgeBase,
    );
    answers.defaultAuthor = await question(
      'Default author (email, user name or team:<name>)',
      answers.defaultAuthor,
    );
  } catch (error) {
    // Ctrl+D or Ctrl+C at a question: stop before anything is written.
    if ((error as { name?: string }).name === 'AbortError')
      throw new InputError('init was interrupted: nothing was written.');
    throw error;
  } finally {
    prompt.close();
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() === true;
}

/** Refuses, before anything is written, when the config (any of its names) or the workflow exists. */
function refuseExisting(root: string, force: boolean): void {
  if (force) return;
  const existing = [...CONFIG_FILE_NAMES, WORKFLOW_FILE].filter((name) => existsSync(join(root, name)));
  if (existing.length === 0) return;
  const names = existing.join(', ');
  throw new InputError(
    `${names} already exist${existing.length === 1 ? 's' : ''}: nothing was written. Run init with --force to replace ${existing.length === 1 ? 'it' : 'them'}.`,
  );
}

/**
 * Loads the config just written the way every command will, so a setup that does not load is said now
 * (the target aside, as `check` does: the token is the environment's business, not the file's).
 */
async function confirmLoads(root: string, io: CliIO): Promise<void> {
  const loaded = await loadConfigFile(CONFIG_FILE, root);
  const resolved = resolveConfig({
    file: loaded.config,
    flags: { target: 'emulator' },
    env: io.env,
    cwd: root,
    ...(loaded.path ? { configPath: loaded.path } : {}),
  });
  if ('errors' in resolved)
    throw new InputError(`${CONFIG_FILE} was written but is invalid.`, resolved.errors);
}
