import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, REPO, runCli, writeCount } from './helpers.js';

const SITES = join(REPO, 'test', 'fixtures', 'sites');

/** Where each fixture site keeps its pages (as its generator's docs describe it), and the generator's name. */
const DETECTED: Array<[fixture: string, contentDir: string, site: string]> = [
  ['docusaurus', 'docs', 'docusaurus'],
  ['vitepress', 'docs', 'vitepress'],
  ['starlight', 'src/content/docs', 'starlight'],
  ['fumadocs', 'content/docs', 'fumadocs'],
  ['nextra', 'content', 'nextra'],
  ['mkdocs', 'docs', 'mkdocs'],
  ['hugo', 'content', 'hugo'],
  ['mintlify', '.', 'mintlify'],
  ['mdbook', 'src', 'mdbook'],
  ['sphinx', 'docs', 'sphinx'],
  ['gitbook', '.', 'gitbook'],
  ['jekyll', '.', 'jekyll'],
];

const ANSWERS = ['--kb', 'help-center', '--author', 'ada@acme.test'];

describe('pylon-kb init', () => {
  let dir: string;
  const copy = async (fixture: string) => {
    const project = join(dir, fixture);
    await cp(join(SITES, fixture), project, { recursive: true });
    return project;
  };
  const text = (path: string) => readFile(path, 'utf8');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pylon-kb-init-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(DETECTED)(
    'finds the docs tree of the %s fixture (%s) and its generator',
    async (fixture, contentDir, site) => {
      const project = await copy(fixture);
      // No --yes and no terminal: init asks nothing and takes what it found.
      const run = await runCli(['init', ...ANSWERS], { cwd: project, env: {} });
      expect(run.code, run.stderr).toBe(0);
      const config = await text(join(project, 'pylon-kb.config.ts'));
      expect(config).toContain(`contentDir: '${contentDir}',`);
      expect(config).toContain(`site: '${site}',`);
      expect(run.stdout).toMatch(
        new RegExp(`^Docs tree: ${contentDir.replace('.', '\\.')} \\(.+, found by `),
      );
      expect(run.stdout).toContain('Next: npx pylon-kb check');
    },
  );

  it('writes a config that loads, and check passes on the tree it was run in', async () => {
    const project = await copy('hugo');
    expect((await runCli(['init', '--yes', ...ANSWERS], { cwd: project, env: {} })).code).toBe(0);
    expect(await text(join(project, 'pylon-kb.config.ts'))).toBe(
      [
        "import type { UserConfig } from 'pylon-kb';",
        '',
        '// Written by `pylon-kb init`; every key is described in docs/config.md. Environment variables',
        '// (PYLON_KB, PYLON_AUTHOR) and flags (--kb, --author) override these values.',
        'export default {',
        "  contentDir: 'content',",
        "  knowledgeBase: 'help-center',",
        "  defaultAuthor: 'ada@acme.test',",
        "  site: 'hugo',",
        '} satisfies UserConfig;',
        '',
      ].join('\n'),
    );
    const check = await runCli(['check', '--json'], { cwd: project, env: {} });
    expect(check.code, check.stdout).toBe(0);
    const report = JSON.parse(check.stdout) as { errors: number; articles: number };
    expect(report.errors).toBe(0);
    expect(report.articles).toBeGreaterThan(5);
  });

  it('writes the CI workflow of docs/ci.md: plan with the sticky comment on PRs, apply on main in one concurrency group, the cache', async () => {
    const project = await copy('docusaurus');
    await writeFile(join(project, 'package-lock.json'), '{}\n');
    await writeFile(join(project, 'package.json'), '{ "devDependencies": { "pylon-kb": "0.1.0" } }\n');
    const run = await runCli(['init', '--yes', ...ANSWERS, '--action', 'acme/pylon-kb@abc123'], {
      cwd: project,
      env: {},
    });
    expect(run.code, run.stderr).toBe(0);
    const workflow = parseYaml(await text(join(project, '.github/workflows/docs.yml')));
    expect(workflow.on.pull_request.paths).toEqual(['docs/**', 'pylon-kb.config.ts']);
    expect(workflow.on.push).toEqual({ branches: ['main'], paths: ['docs/**', 'pylon-kb.config.ts'] });
    const { plan, apply } = workflow.jobs;
    expect(plan.if).toBe("github.event_name == 'pull_request'");
    expect(plan.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(plan.concurrency['cancel-in-progress']).toBe(true);
    const planStep = plan.steps.find((s: { id?: string }) => s.id === 'plan');
    expect(planStep.uses).toBe('acme/pylon-kb@abc123');
    expect(planStep.with).toEqual({ command: 'plan', cache: true });
    expect(planStep.env.PYLON_API_TOKEN).toBe(`\${{ secrets.PYLON_API_TOKEN }}`);
    const comment = plan.steps.find((s: { uses?: string }) => s.uses === 'actions/github-script@v7');
    expect(comment.if).toBe("always() && steps.plan.outputs.summary-file != ''");
    expect(comment.with.script).toContain("const marker = '<!-- pylon-kb plan -->';");
    expect(comment.with.script).toContain('updateComment');
    const forks = plan.steps.find((s: { name?: string }) => s.name === 'Check the docs tree (forks)');
    expect(forks.run).toBe('npm ci && npx --no-install pylon-kb check');
    expect(apply.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(apply.concurrency).toEqual({ group: 'pylon-kb-apply', 'cancel-in-progress': false });
    const publish = apply.steps.find((s: { name?: string }) => s.name === 'Publish');
    expect(publish.with).toEqual({ command: 'apply', cache: true });
    expect(run.stdout).not.toContain('OWNER/pylon-kb@v0');
  });

  it("keeps to docs/ci.md's workflow: the same jobs, permissions, concurrency groups, artifact and sticky-comment steps", async () => {
    const project = await copy('mkdocs');
    expect((await runCli(['init', '--yes', ...ANSWERS], { cwd: project, env: {} })).code).toBe(0);
    const written = parseYaml(await text(join(project, '.github/workflows/docs.yml')));
    const ciMd = await text(join(REPO, 'docs', 'ci.md'));
    const block = /## Workflow[\s\S]*?```yaml\n([\s\S]*?)```/.exec(ciMd)?.[1];
    const documented = parseYaml(block ?? '');
    expect(Object.keys(written.jobs)).toEqual(Object.keys(documented.jobs));
    for (const job of ['plan', 'apply']) {
      for (const key of ['if', 'runs-on', 'permissions', 'concurrency'])
        expect(written.jobs[job][key], `${job}.${key}`).toEqual(documented.jobs[job][key]);
    }
    const step = (workflow: typeof written, name: string) =>
      workflow.jobs.plan.steps.find((s: { name?: string }) => s.name === name);
    for (const name of ['Upload the plan', 'Comment the plan'])
      expect(step(written, name), name).toEqual(step(documented, name));
    expect(written.permissions).toEqual(documented.permissions);
  });

  it('refuses to replace an existing config or workflow without --force: names it, writes nothing', async () => {
    const project = await copy('mkdocs');
    await writeFile(join(project, 'pylon-kb.config.mjs'), 'export default { contentDir: "docs" };\n');
    await writeFile(join(project, '.gitignore'), 'site/\n');
    const refused = await runCli(['init', '--yes', ...ANSWERS], { cwd: project, env: {} });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pylon-kb.config.mjs already exists: nothing was written.');
    expect(refused.stderr).toContain('--force');
    expect(existsSync(join(project, 'pylon-kb.config.ts'))).toBe(false);
    expect(existsSync(join(project, '.github'))).toBe(false);
    expect(await text(join(project, '.gitignore'))).toBe('site/\n');

    await rm(join(project, 'pylon-kb.config.mjs'));
    await mkdir(join(project, '.github/workflows'), { recursive: true });
    await writeFile(join(project, '.github/workflows/docs.yml'), 'name: mine\n');
    const workflow = await runCli(['init', '--yes', ...ANSWERS], { cwd: project, env: {} });
    expect(workflow.code).toBe(2);
    expect(workflow.stderr).toContain('.github/workflows/docs.yml already exists: nothing was written.');
    expect(await text(join(project, '.github/workflows/docs.yml'))).toBe('name: mine\n');
    expect(existsSync(join(project, 'pylon-kb.config.ts'))).toBe(false);

    const forced = await runCli(['init', '--yes', '--force', ...ANSWERS], { cwd: project, env: {} });
    expect(forced.code, forced.stderr).toBe(0);
    expect(await text(join(project, '.github/workflows/docs.yml'))).toContain('pylon-kb-apply');
  });

  it('warns that GitHub reads workflows only at the repository root when run in a subfolder of one', async () => {
    const alone = await copy('docusaurus');
    const atRoot = await runCli(['init', '--yes', ...ANSWERS], { cwd: alone, env: {} });
    expect(atRoot.code, atRoot.stderr).toBe(0);
    expect(atRoot.stderr).not.toContain('GitHub runs workflows only from');

    const repo = join(dir, 'monorepo');
    await mkdir(join(repo, '.git'), { recursive: true });
    const project = join(repo, 'packages', 'docs');
    await cp(join(SITES, 'docusaurus'), project, { recursive: true });
    const nested = await runCli(['init', '--yes', ...ANSWERS], { cwd: project, env: {} });
    expect(nested.code, nested.stderr).toBe(0);
    expect(nested.stderr).toContain(`inside the git repository at ${repo}`);
    expect(nested.stderr).toContain('set working-directory: packages/docs');
  });

  it('appends .pylon-kb/ to .gitignore once, whatever the runs', async () => {
    const project = await copy('vitepress');
    await writeFile(join(project, '.gitignore'), 'node_modules\ndist');
    expect((await runCli(['init', '--yes', ...ANSWERS], { cwd: project, env: {} })).code).toBe(0);
    const once = await text(join(project, '.gitignore'));
    expect(once.startsWith('node_modules\ndist\n')).toBe(true);
    expect(once.split('\n').filter((line) => line === '.pylon-kb/')).toHaveLength(1);
    const again = await runCli(['init', '--yes', '--force', ...ANSWERS], { cwd: project, env: {} });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('.gitignore already leaves out .pylon-kb/');
    expect(await text(join(project, '.gitignore'))).toBe(once);

    const other = await copy('mdbook');
    await writeFile(join(other, '.gitignore'), 'book\n/.pylon-kb\n');
    expect((await runCli(['init', '--yes', ...ANSWERS], { cwd: other, env: {} })).code).toBe(0);
    expect(await text(join(other, '.gitignore'))).toBe('book\n/.pylon-kb\n');
  });

  it('takes the knowledge base and author from PYLON_KB and PYLON_AUTHOR, and leaves them out when unset', async () => {
    const project = await copy('starlight');
    const run = await runCli(['init'], {
      cwd: project,
      env: { CI: 'true', PYLON_KB: 'docs-kb', PYLON_AUTHOR: 'team:Docs' },
    });
    expect(run.code, run.stderr).toBe(0);
    const config = await text(join(project, 'pylon-kb.config.ts'));
    expect(config).toContain("knowledgeBase: 'docs-kb',");
    expect(config).toContain("defaultAuthor: 'team:Docs',");

    const bare = await copy('nextra');
    const unset = await runCli(['init'], { cwd: bare, env: {} });
    expect(unset.code, unset.stderr).toBe(0);
    const written = await text(join(bare, 'pylon-kb.config.ts'));
    expect(written).toContain("  // knowledgeBase: 'help-center',");
    expect(written).toContain("  // defaultAuthor: 'docs@example.com',");
    expect(unset.stdout).toContain('No default author');
  });

  it('without a generator: the usual folder that holds Markdown, site auto; with no Markdown at all: docs, and says so', async () => {
    const plain = join(dir, 'plain');
    await mkdir(join(plain, 'documentation', 'guides'), { recursive: true });
    await writeFile(join(plain, 'README.md'), '# A library\n');
    await writeFile(join(plain, 'documentation', 'guides', 'setup.md'), '---\ntitle: Setup\n---\nRun it.\n');
    const run = await runCli(['init', ...ANSWERS], { cwd: plain, env: {} });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Docs tree: documentation (no generator found (site: auto))');
    const config = await text(join(plain, 'pylon-kb.config.ts'));
    expect(config).toContain("contentDir: 'documentation',");
    expect(config).toContain("site: 'auto',");
    expect((await runCli(['check'], { cwd: plain, env: {} })).code).toBe(0);

    const empty = join(dir, 'empty');
    await mkdir(empty);
    const none = await runCli(['init', ...ANSWERS], { cwd: empty, env: {} });
    expect(none.code, none.stderr).toBe(0);
    expect(none.stdout).toContain('No Markdown found in docs/ (it does not exist yet)');
    expect(await text(join(empty, 'pylon-kb.config.ts'))).toContain("contentDir: 'docs',");
  });

  it('refuses an unknown --site with the closest name, and a --content-dir that does not exist', async () => {
    const project = await copy('hugo');
    const site = await runCli(['init', '--site', 'hugoo'], { cwd: project, env: {} });
    expect(site.code).toBe(2);
    expect(site.stderr).toContain('Did you mean "hugo"?');
    const content = await runCli(['init', '--content-dir', 'nowhere'], { cwd: project, env: {} });
    expect(content.code).toBe(2);
    expect(content.stderr).toContain('--content-dir nowhere: no such folder');
    expect(existsSync(join(project, 'pylon-kb.config.ts'))).toBe(false);
  });
});

describe('pylon-kb init, then plan and apply against the emulator over HTTP', () => {
  let emu: RunningEmulator;
  let dir: string;
  beforeAll(async () => {
    emu = await emulator();
    dir = await mkdtemp(join(tmpdir(), 'pylon-kb-init-e2e-'));
  });
  afterAll(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a fresh Docusaurus project plans and publishes with the config init wrote and no other flag', async () => {
    const project = join(dir, 'docusaurus');
    await cp(join(SITES, 'docusaurus'), project, { recursive: true });
    expect((await runCli(['init', '--yes', ...ANSWERS], { cwd: project, env: {} })).code).toBe(0);
    const env = envFor(emu);
    const plan = await runCli(['plan', '--detailed-exitcode', '--rate-limits', 'off'], { cwd: project, env });
    expect(plan.code, plan.stderr).toBe(2);
    expect(writeCount(emu)).toBe(0);
    const apply = await runCli(['apply', '--rate-limits', 'off'], { cwd: project, env });
    expect(apply.code, apply.stderr).toBe(0);
    expect(writeCount(emu)).toBeGreaterThan(5);
    const again = await runCli(['plan', '--detailed-exitcode', '--rate-limits', 'off'], {
      cwd: project,
      env,
    });
    expect(again.code, again.stdout).toBe(0);
  });
});
