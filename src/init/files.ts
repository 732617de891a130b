/**
 * The files `pylon-kb init` writes, as text from its answers (no I/O): the config file, the CI workflow
 * (docs/ci.md's: plan on pull requests with the sticky comment, apply on main in a concurrency group, the
 * action's `.pylon-kb/` cache) and the `.gitignore` lines.
 */

export interface InitAnswers {
  /** Relative to the project root, posix (`docs`, `src/content/docs`, `.`). */
  contentDir: string;
  /** Id or slug; null: left to PYLON_KB (or the organisation's only knowledge base). */
  knowledgeBase: string | null;
  /** null: left to PYLON_AUTHOR (or each document's `author`). */
  defaultAuthor: string | null;
  /** The generator's name, or null to detect it on every run (`auto`). */
  site: string | null;
}

export const CONFIG_FILE = 'pylon-kb.config.ts';
export const WORKFLOW_FILE = '.github/workflows/docs.yml';
export const GITIGNORE_FILE = '.gitignore';
/** The action's reference written into the workflow unless `--action` names another. */
export const DEFAULT_ACTION = 'OWNER/pylon-kb@v0';

/** A string as a TypeScript literal (single quotes, as the docs write them). */
function literal(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/**
 * `pylon-kb.config.ts`. The type comes from a type-only import, which loading erases: the file loads
 * whether or not pylon-kb is installed in the project (`npx pylon-kb`), and an editor that finds the
 * package checks every key.
 */
export function configText(answers: InitAnswers): string {
  const lines = [
    "import type { UserConfig } from 'pylon-kb';",
    '',
    '// Written by `pylon-kb init`; every key is described in docs/config.md. Environment variables',
    '// (PYLON_KB, PYLON_AUTHOR) and flags (--kb, --author) override these values.',
    'export default {',
    `  contentDir: ${literal(answers.contentDir)},`,
    answers.knowledgeBase === null
      ? "  // knowledgeBase: 'help-center', // needed when the organisation has more than one (or set PYLON_KB)"
      : `  knowledgeBase: ${literal(answers.knowledgeBase)},`,
    answers.defaultAuthor === null
      ? "  // defaultAuthor: 'docs@example.com', // for documents without `author` (or set PYLON_AUTHOR)"
      : `  defaultAuthor: ${literal(answers.defaultAuthor)},`,
    answers.site === null ? "  site: 'auto'," : `  site: ${literal(answers.site)},`,
    '} satisfies UserConfig;',
    '',
  ];
  return lines.join('\n');
}

/** A value inside a double-quoted YAML scalar. */
function yamlQuoted(value: string): string {
  return JSON.stringify(value);
}

/**
 * `.github/workflows/docs.yml`: docs/ci.md's workflow for this project. A fork's pull request gets no
 * secrets, so it is checked offline with the pylon-kb the project's lock file pins (when it has one).
 */
export function workflowText(
  answers: InitAnswers,
  options: { action: string; packageLock: boolean; pylonKbDependency: boolean },
): string {
  const tree = answers.contentDir === '.' ? null : `${answers.contentDir}/**`;
  const paths = tree === null ? '' : `\n    paths: [${yamlQuoted(tree)}, "pylon-kb.config.ts"]`;
  const setupNode = options.packageLock
    ? 'with: { node-version: 20, cache: npm }'
    : 'with: { node-version: 20 }';
  const forkCheck = options.pylonKbDependency
    ? `      # Pull requests from forks get no secrets: validate offline instead of planning against Pylon
      # (pylon-kb as your lock file pins it). check finds every error plan finds without Pylon.
      - name: Check the docs tree (forks)
        if: github.event.pull_request.head.repo.full_name != github.repository
        run: ${options.packageLock ? 'npm ci' : 'npm install'} && npx --no-install pylon-kb check
`
    : `      # Pull requests from forks get no secrets, so they are not planned. To check them offline, add
      # pylon-kb as a devDependency and run: npx --no-install pylon-kb check
`;
  return `# Written by \`pylon-kb init\` (see docs/ci.md): plan on pull requests, apply on pushes to main.
# Needs the repository secret PYLON_API_TOKEN (Settings → Secrets and variables → Actions).
name: docs
on:
  pull_request:${paths}
  push:
    branches: [main]${paths}

permissions:
  contents: read

jobs:
  plan:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write # the sticky plan comment
    # A newer push to the same pull request cancels the plan of the older one.
    concurrency: { group: "pylon-kb-plan-\${{ github.event.pull_request.number }}", cancel-in-progress: true }
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        ${setupNode}
${forkCheck}      - name: Plan
        id: plan
        if: github.event.pull_request.head.repo.full_name == github.repository
        uses: ${options.action}
        with:
          command: plan
          cache: true # .pylon-kb/ (renderings, learned rate limits) in the Actions cache
        env:
          PYLON_API_TOKEN: \${{ secrets.PYLON_API_TOKEN }}
      - name: Upload the plan
        if: always() && steps.plan.outputs.plan-file != ''
        uses: actions/upload-artifact@v4
        with:
          name: pylon-kb-plan
          path: |
            \${{ steps.plan.outputs.report }}
            \${{ steps.plan.outputs.plan-file }}
          if-no-files-found: ignore
      # One comment per pull request, updated on every push (found by its first line); a failed plan
      # writes its failure there too.
      - name: Comment the plan
        if: always() && steps.plan.outputs.summary-file != ''
        uses: actions/github-script@v7
        env:
          SUMMARY_FILE: \${{ steps.plan.outputs.summary-file }}
        with:
          script: |
            const body = require('fs').readFileSync(process.env.SUMMARY_FILE, 'utf8');
            const marker = '<!-- pylon-kb plan -->';
            const { owner, repo } = context.repo;
            const issue_number = context.issue.number;
            const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });
            const mine = comments.find((c) => c.user?.type === 'Bot' && c.body?.startsWith(marker));
            if (mine) await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
            else await github.rest.issues.createComment({ owner, repo, issue_number, body });

  apply:
    if: github.event_name == 'push' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    # Never two applies at once: a second push waits for the running publish instead of racing it.
    concurrency: { group: pylon-kb-apply, cancel-in-progress: false }
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - name: Publish
        uses: ${options.action}
        with:
          command: apply
          cache: true
        env:
          PYLON_API_TOKEN: \${{ secrets.PYLON_API_TOKEN }}
`;
}

/** The line `.gitignore` needs: pylon-kb's working folder (render cache, learned limits, uploads). */
export const GITIGNORE_LINE = '.pylon-kb/';

/** Lines that already leave `.pylon-kb/` out, as `.gitignore` may write them. */
const ALREADY_IGNORED = new Set([
  '.pylon-kb',
  '.pylon-kb/',
  '/.pylon-kb',
  '/.pylon-kb/',
  '.pylon-kb/*',
  '/.pylon-kb/*',
]);

/**
 * What to append to `.gitignore` (its current text, or null when there is none): nothing when a line
 * already ignores `.pylon-kb/`, else the line, after a newline when the file does not end with one.
 */
export function gitignoreAddition(current: string | null): string {
  const lines = (current ?? '').split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => ALREADY_IGNORED.has(line))) return '';
  const separator = current && !current.endsWith('\n') ? '\n' : '';
  return `${separator}# pylon-kb's working files (render cache, learned rate limits)\n${GITIGNORE_LINE}\n`;
}
