import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeCount, writeText } from './helpers.js';

interface Report {
  errors: number;
  diagnostics: { severity: string; code: string; file?: string; message: string; hint?: string }[];
}
type StateArticle = { draft_html: string; translations: Record<string, { title: string }> };

/**
 * A tree names its languages the way its generator does (`es-419`, `nb`, `eo`); Pylon takes its own 57
 * codes, and a knowledge base only those it enabled (the default seed: en, fr, de, es).
 */
describe("Pylon's language codes end to end", () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
  const check = async (...args: string[]) =>
    runCli(['check', '--content-dir', 'docs', ...args], {
      cwd: ws.dir,
      env: { ...envFor(emu), PYLON_KB: 'help-center' },
    });
  const codes = (report: Report) => report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}`);

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'guides'), { recursive: true });
    await writeText(join(ws.docs, 'guides', 'setup.md'), '# Setup\n\nInstall it.\n');
    await writeText(join(ws.docs, 'guides', 'setup.es-419.md'), '# Configuración\n\nInstálalo.\n');
    await writeText(join(ws.docs, 'guides', 'setup.eo.md'), '# Agordo\n\nInstalu ĝin.\n');
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('publishes es-419 as Pylon’s es and leaves out a language Pylon lacks, with a warning at the file', async () => {
    const offline = JSON.parse((await check('--json', '--author', 'ada@acme.test')).stdout) as Report;
    expect(codes(offline)).toEqual(['warning translation/language guides/setup.eo.md']);
    expect(offline.diagnostics[0]?.hint).toContain('pt-br');

    expect((await cli('apply')).code).toBe(0);
    const articles = (emu.snapshot() as unknown as { articles: StateArticle[] }).articles;
    const setup = articles.find((a) => readMarker(a.draft_html)?.key === 'guides/setup');
    expect(Object.keys(setup?.translations ?? {})).toEqual(['es']);
    expect(setup?.translations.es?.title).toBe('Configuración');
    expect((await cli('apply')).code).toBe(0);
  });

  it('check --remote and plan refuse a Pylon language the knowledge base has not enabled (nb → no)', async () => {
    await writeText(join(ws.docs, 'guides', 'setup.nb.md'), '# Oppsett\n\nInstaller det.\n');
    const offline = JSON.parse((await check('--json', '--author', 'ada@acme.test')).stdout) as Report;
    expect(offline.errors).toBe(0);

    const remote = await check('--remote', '--author', 'ada@acme.test', '--json');
    expect(remote.code).toBe(2);
    const report = JSON.parse(remote.stdout) as Report;
    const refused = report.diagnostics.find((d) => d.code === 'translation/unsupported-language');
    expect(refused).toMatchObject({ severity: 'error', file: 'guides/setup.nb.md' });
    expect(refused?.message).toContain('"no"');
    expect(refused?.hint).toContain('fr, de, es');

    const plan = await cli('plan');
    expect(plan.code).not.toBe(0);
    expect(`${plan.stdout}${plan.stderr}`).toContain('guides/setup.nb.md');
    expect(writeCount(emu)).toBe(0);
  });

  it('the emulator refuses what Pylon would: a BCP 47 spelling, and a seed enabling a language Pylon lacks', async () => {
    const state = emu.snapshot();
    const kb = state.knowledge_bases.find((k) => k.slug === 'help-center');
    const author = state.users[0]?.id;
    const response = await fetch(`${emu.url}/knowledge-bases/${kb?.id}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Setup',
        body_html: '<p>Install it.</p>',
        author_user_id: author,
        translations: [{ language: 'es-419', title: 'Configuración', body_html: '<p>Instálalo.</p>' }],
      }),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('Pylon\'s code for it is \\"es\\"');

    await expect(
      emulator({
        seed: {
          ...DEFAULT_SEED,
          knowledgeBases: [{ title: 'Help', slug: 'help', supported_languages: ['en', 'pt-BR'] }],
        },
      }),
    ).rejects.toThrow(/"pt-BR", which Pylon does not offer \(Pylon's code is "pt-br"\)/);
  });
});
