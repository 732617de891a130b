import { defineCommand } from './command-spec.js';
import { EMULATOR_FLAGS } from './emulator-flags.js';
import {
  AUTHOR,
  CONCURRENCY,
  CONFIG_FILE,
  CONTENT_DIR,
  CONTENT_FLAGS,
  DEBOUNCE,
  DEBUG,
  FORCE,
  format,
  JSON_FLAG,
  KB,
  NO_CACHE,
  PLAN_FLAGS,
  PUBLISH,
  RATE_LIMITS,
  STRICT,
  TARGET,
  TARGET_FLAGS,
  TIME_SCALE,
  TRUTO_ACCOUNT,
} from './flags.js';

const ENVIRONMENT = `Environment: PYLON_API_URL, PYLON_API_TOKEN, PYLON_KB, PYLON_AUTHOR, PYLON_KB_DEBUG, NO_COLOR, GITHUB_ACTIONS, GITHUB_STEP_SUMMARY
Through Truto (docs/truto.md): TRUTO_API_TOKEN, TRUTO_API_URL, TRUTO_INTEGRATED_ACCOUNT_ID`;

const CONFIG_TITLE = 'Config flags (each overrides pylon-kb.config.ts; see docs/config.md)';
const out = (what: string) =>
  ({ name: 'out', short: 'o', type: 'string', value: '<file>', description: what }) as const;

/**
 * Every command of `pylon-kb`, in the order help lists them. The table is the single declaration of
 * names, flags and help; handlers are imported lazily, so `--help` loads none of them. (Longer than the
 * ~200-line rule on purpose: it is data, one entry of help text and flags per command, and splitting it
 * would scatter the one place a reader looks for what the CLI accepts.)
 */
export const COMMANDS = [
  defineCommand({
    name: 'plan',
    summary: 'show what apply would change (dry run; no writes)',
    usage: '[options]',
    description: 'Reads the docs tree and the knowledge base and prints the difference. Writes nothing.',
    flags: [
      {
        title: 'Output',
        flags: [
          format(['text', 'json', 'markdown', 'html']),
          JSON_FLAG,
          out("write the report to a file ('apply <file>' applies a saved JSON plan)"),
          {
            name: 'comment-file',
            type: 'string',
            value: '<file>',
            description: 'also write the Markdown report sized for one PR comment (65,536 characters)',
          },
          {
            name: 'detailed-exitcode',
            type: 'boolean',
            description:
              'exit 0: no changes, 2: changes pending, 1: any error (token, KB, content dir, flag, config, content)',
          },
        ],
      },
      { title: 'Run', flags: [FORCE, STRICT, NO_CACHE, DEBUG] },
      { title: CONFIG_TITLE, flags: [...PLAN_FLAGS, ...TARGET_FLAGS] },
    ],
    footer: ENVIRONMENT,
    load: () => import('./commands/plan.js'),
  }),
  defineCommand({
    name: 'apply',
    summary: 'make the knowledge base match the docs tree (or apply a saved plan file)',
    usage: '[plan.json] [options]',
    description: `Makes the knowledge base match the docs tree. With a saved plan file (from 'plan --json --out'), applies
exactly that plan, and refuses when an article or collection it touches changed since it was made.`,
    maxPositionals: 1,
    flags: [
      {
        title: 'Output',
        flags: [
          format(['text', 'json'], 'results format'),
          JSON_FLAG,
          out('write the results to a file'),
          {
            name: 'detailed-exitcode',
            type: 'boolean',
            description: "as plan's: any error, a refused plan file included, exits 1 (not 2)",
          },
        ],
      },
      { title: 'Run', flags: [FORCE, STRICT, NO_CACHE, DEBUG] },
      { title: CONFIG_TITLE, flags: [...PLAN_FLAGS, ...TARGET_FLAGS] },
    ],
    footer: ENVIRONMENT,
    load: () => import('./commands/apply.js'),
  }),
  defineCommand({
    name: 'pull',
    summary:
      "write a knowledge base as a docs tree (adopted in place by the next apply); --drifted takes Pylon's edits in",
    usage: '[dir] [options]',
    description: `Writes the knowledge base as a docs tree into dir (default: the content dir): collections as folders with
an _index.md, articles as Markdown with frontmatter, translations as name.<lang>.md, Pylon-hosted images
and files downloaded beside the article. Each file records the article it came from (pulled_from), so the
next apply adopts it in place: same id, same URL. Reads only from Pylon. Each download is bounded by
maxAssetBytes and pull.downloadTimeoutMs (default 30000 ms): a file past either is a warning and keeps its
Pylon URL. Exit codes: 0 written (warnings included), 1 a request failed or a file was refused (its place
is a symbolic link to outside dir), 2 input to fix. See docs/pull.md.`,
    maxPositionals: 1,
    flags: [
      {
        title: 'Pull',
        flags: [
          {
            name: 'collection',
            type: 'string',
            multiple: true,
            value: '<slug|id>',
            description: 'only this collection and its sub-collections (repeat for more)',
          },
          { name: 'dry-run', type: 'boolean', description: 'list the files pull would write; write nothing' },
          {
            name: 'force',
            type: 'boolean',
            description: 'write into a non-empty directory (the files pull writes are replaced, others kept)',
          },
          {
            name: 'drifted',
            type: 'boolean',
            description:
              "write Pylon's version of the articles edited in Pylon (plan's drift) into their files in the docs tree",
          },
          NO_CACHE,
          DEBUG,
        ],
      },
      { title: 'Output', flags: [format(['text', 'json'], 'output format'), JSON_FLAG] },
      // The flags of what `--drifted` plans from; not --author, --publish, --on-drift (pull writes files only).
      { title: CONFIG_TITLE, flags: [CONFIG_FILE, CONTENT_DIR, KB, ...CONTENT_FLAGS, ...TARGET_FLAGS] },
    ],
    footer: ENVIRONMENT,
    load: () => import('./commands/pull.js'),
  }),
  defineCommand({
    name: 'check',
    summary: 'validate the docs tree offline: every problem at once (authors against Pylon with --remote)',
    usage: '[options]',
    description: `Validates the docs tree without contacting Pylon: frontmatter, folder metadata, duplicate keys and slugs,
links, rendering. Prints every problem with file and line. Exit 2 when there is an error.
Authors need Pylon's users and teams: with --remote, check reads them from the configured target (token,
Truto or emulator; two list requests, no writes) and reports unknown authors with file, line and field
per unknownAuthors, and (when the tree has translations) languages the knowledge base has not enabled.
Without it, plan and apply check them.`,
    flags: [
      {
        title: 'Output',
        flags: [
          {
            name: 'json',
            type: 'boolean',
            description:
              'print {version, articles, collections, errors, warnings, diagnostics} as JSON (--remote: and authorsCheckedAgainst)',
          },
        ],
      },
      {
        title: 'Remote',
        flags: [
          {
            name: 'remote',
            type: 'boolean',
            description: "also resolve authors against the target's users and teams (reads only)",
          },
          { ...AUTHOR, description: `${AUTHOR.description} (with --remote)` },
          { ...TARGET, description: `${TARGET.description} (with --remote)` },
          TRUTO_ACCOUNT,
          { ...DEBUG, description: `${DEBUG.description} (with --remote)` },
        ],
      },
      { title: 'Run', flags: [NO_CACHE] },
      { title: CONFIG_TITLE, flags: [CONFIG_FILE, CONTENT_DIR, ...CONTENT_FLAGS] },
    ],
    load: () => import('./commands/check.js'),
  }),
  defineCommand({
    name: 'start',
    summary: 'publish into an embedded emulator and show the result (the demo: npm start)',
    usage: '[options]',
    description: `Starts an embedded Pylon emulator, prints the plan for the docs tree, applies it with progress, prints the
published URLs, then shows that a second plan is empty. Uses pylon-kb.config.ts when present (default
content: content-example/), always against the embedded emulator. Run in a terminal, it then keeps serving
the published help center (it prints the URL) until Ctrl-C; with CI=true, without a terminal, or with
--no-serve it exits at once.`,
    flags: [
      {
        title: 'Start',
        flags: [
          {
            name: 'serve',
            type: 'boolean',
            negatable: true,
            description: 'keep serving the help center until Ctrl-C (on a terminal, outside CI)',
            default: 'on',
          },
          DEBUG,
        ],
      },
      { title: CONFIG_TITLE, flags: [...PLAN_FLAGS, RATE_LIMITS, TIME_SCALE, CONCURRENCY] },
    ],
    load: () => import('./commands/start.js'),
  }),
  defineCommand({
    name: 'watch',
    summary: 'apply each save to the knowledge base as a draft, until Ctrl-C',
    usage: '[options]',
    description: `Watches the docs tree and the config file. At start it applies what differs; then each save (batched:
a short quiet time, and the write must have finished) is re-read, re-planned and applied. By default
writes are drafts: updates are not published and new articles stay unpublished. One line per change,
with the time from the save to Pylon's answer. A file with problems is reported and skipped until it is
fixed; other files keep publishing. Renderings are kept in .pylon-kb/ between sessions. Ctrl-C lets
writes in flight finish, then exits. See docs/watch.md.`,
    flags: [
      {
        title: 'Watch',
        flags: [
          {
            name: 'refresh-interval',
            type: 'string',
            value: '<s>',
            description:
              're-read the knowledge base for changes made by others (0: off); on a terminal, r + Enter re-reads now',
            default: '300',
          },
          DEBOUNCE,
          NO_CACHE,
          DEBUG,
        ],
      },
      {
        title: `${CONFIG_TITLE}; --publish also sets watch.publish, --no-publish forces drafts`,
        flags: [...PLAN_FLAGS, ...TARGET_FLAGS],
      },
    ],
    footer: ENVIRONMENT,
    load: () => import('./commands/watch.js'),
  }),
  defineCommand({
    name: 'preview',
    summary: 'a local help center that reloads itself on every save (no account, no token)',
    usage: '[file] [options]',
    description: `Publishes the docs tree into an embedded Pylon emulator and serves its help center on this machine: home
page, collections, articles with their translations, search. Then watches the docs tree like 'watch': each
save is re-rendered and applied, and the page open in the browser reloads itself. Prints one URL: the page
of <file> (a document of the docs tree), or the home page. Drafts (draft: true) are shown and marked.
No account and no token; nothing is sent to Pylon. Ctrl-C stops. See docs/watch.md.`,
    maxPositionals: 1,
    flags: [
      {
        title: 'Preview',
        flags: [
          {
            name: 'port',
            type: 'string',
            value: '<n>',
            description: 'port of the local help center',
            default: 'any free port',
          },
          { name: 'open', type: 'boolean', description: "open the URL in the system's browser" },
          DEBOUNCE,
          NO_CACHE,
          DEBUG,
        ],
      },
      {
        title: `${CONFIG_TITLE}; saves are published unless --no-publish`,
        flags: [CONFIG_FILE, CONTENT_DIR, KB, AUTHOR, PUBLISH, RATE_LIMITS],
      },
    ],
    load: () => import('./commands/preview.js'),
  }),
  defineCommand({
    name: 'mcp',
    summary: 'serve check, plan and apply to coding agents (Model Context Protocol over stdio)',
    usage: '[options]',
    description: `Runs an MCP (Model Context Protocol) server over stdio for coding agents, configured exactly as the other
commands (config file, env, flags). Tools: check, plan, apply (only a plan_id that plan returned in this
session, refused when stale), list_collections, get_article, search_articles, pull (a collection into a new
folder, or Pylon's edits into their files). Resources: pylon-kb://config,
pylon-kb://collections. Stdout carries only protocol messages; logs go to stderr. See docs/mcp.md.`,
    flags: [
      { title: 'Run', flags: [DEBUG] },
      { title: CONFIG_TITLE, flags: [...PLAN_FLAGS, ...TARGET_FLAGS] },
    ],
    footer: ENVIRONMENT,
    load: () => import('./commands/mcp.js'),
  }),
  defineCommand({
    name: 'init',
    summary:
      'set a project up: pylon-kb.config.ts, the CI workflow, .gitignore (finds the docs tree and its generator)',
    usage: '[options]',
    description: `Finds the docs tree and its site generator (the folders generators keep their pages in, and the marker
files every command detects a generator by), then writes pylon-kb.config.ts (content directory, knowledge
base, default author, site), .github/workflows/docs.yml (plan on pull requests with a sticky comment, apply
on pushes to main in a concurrency group, the action's cache; see docs/ci.md) and adds .pylon-kb/ to
.gitignore. At a terminal it asks for the docs tree, the knowledge base and the default author; in CI,
with --yes, or when stdin or stdout is not a terminal it asks nothing and takes the flags (and PYLON_KB,
PYLON_AUTHOR). It never replaces an existing config or workflow without --force: it names the file and
writes nothing. Then it prints the next command.`,
    flags: [
      {
        title: 'Answers',
        flags: [
          {
            name: 'content-dir',
            type: 'string',
            value: '<dir>',
            description: 'the docs tree',
            default: 'found',
          },
          {
            name: 'kb',
            type: 'string',
            value: '<id|slug>',
            description: 'knowledge base (knowledgeBase)',
            default: 'PYLON_KB, else left out',
          },
          {
            name: 'author',
            type: 'string',
            value: '<who>',
            description: 'default author (defaultAuthor): email, user id, user name or team:<name>',
            default: 'PYLON_AUTHOR, else left out',
          },
          {
            name: 'site',
            type: 'string',
            value: '<name>',
            description: 'the site generator, or auto',
            default: 'found',
          },
          {
            name: 'action',
            type: 'string',
            value: '<ref>',
            description: 'the pylon-kb action the workflow uses (owner/repo@ref)',
            default: 'OWNER/pylon-kb@v0',
          },
        ],
      },
      {
        title: 'Run',
        flags: [
          { name: 'force', type: 'boolean', description: 'replace an existing config file or workflow' },
          {
            name: 'yes',
            short: 'y',
            type: 'boolean',
            description: 'ask nothing: take what was found and the flags',
          },
        ],
      },
    ],
    load: () => import('./commands/init.js'),
  }),
  defineCommand({
    name: 'completion',
    summary: 'print a shell completion script: commands and their flags (bash, zsh or fish)',
    usage: '<bash|zsh|fish>',
    description: `Prints a completion script for the shell, made from pylon-kb's command list. Install it with:
  bash: eval "$(pylon-kb completion bash)"        (e.g. in ~/.bashrc)
  zsh:  source <(pylon-kb completion zsh)         (after compinit, e.g. in ~/.zshrc)
  fish: pylon-kb completion fish | source         (e.g. in ~/.config/fish/config.fish)`,
    maxPositionals: 1,
    flags: [{ title: 'Options', flags: [] }],
    load: () => import('./commands/completion.js'),
  }),
  defineCommand({
    name: 'emulator',
    summary: 'run the Pylon API emulator as a server',
    usage: '[options]',
    description: `Runs the Pylon API emulator (a local HTTP server that behaves like Pylon's API) until interrupted.
See docs/emulator.md.`,
    flags: [{ title: 'Options', flags: EMULATOR_FLAGS }],
    load: () => import('./emulator-command.js'),
  }),
];
