import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, REPO, runCli, workspace } from './helpers.js';

const OUT = join(REPO, 'test-output');

/**
 * Reviews of a real docs tree against a real (emulated) knowledge base show what readers will see: a link
 * to a document created in the same run reads as its title and path, a changed translation is diffed, the
 * uploaded images show in the HTML panes.
 */
describe('plan reports show the reader’s view', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    ws = await workspace();
    emu = await emulator();
    const env = envFor(emu);
    expect((await runCli(['apply', ...CLI_FLAGS], { env, cwd: ws.dir })).code).toBe(0);
    const welcome = join(ws.docs, 'getting-started', 'welcome-to-acme-cloud.md');
    await writeFile(
      join(ws.docs, 'getting-started', 'faq.md'),
      '---\ntitle: Frequently asked questions\n---\n\nShort answers to common questions.\n',
    );
    await writeFile(
      welcome,
      (await readFile(welcome, 'utf8')).replace(
        'If someone has already invited you,',
        'Read the [answers to common questions](faq.md) first. If someone has already invited you,',
      ),
    );
    const fr = join(ws.docs, 'getting-started', 'welcome-to-acme-cloud.fr.md');
    await writeFile(
      fr,
      (await readFile(fr, 'utf8')).replace('Acme Cloud est un outil', 'Acme Cloud est aujourd’hui un outil'),
    );
    await mkdir(OUT, { recursive: true });
    for (const format of ['text', 'markdown', 'html']) {
      const run = await runCli(['plan', ...CLI_FLAGS, '--format', format], { env, cwd: ws.dir });
      expect(run.code, run.stderr).toBe(0);
      reports[format] = run.stdout;
      await writeFile(
        join(OUT, `review.${format === 'markdown' ? 'md' : format === 'text' ? 'txt' : 'html'}`),
        run.stdout,
      );
    }
  });

  afterAll(async () => {
    await emu?.close();
    await ws?.cleanup();
  });

  it('never shows a placeholder; a new document reads as its title and path', () => {
    for (const [format, report] of Object.entries(reports)) {
      expect(report, format).not.toContain('pylon-kb://');
    }
    expect(reports.text).toContain(
      '[answers to common questions](“Frequently asked questions” getting-started/faq.md)',
    );
    expect(reports.markdown).toContain('“Frequently asked questions” getting-started/faq.md');
    expect(reports.html).toContain('title="“Frequently asked questions” getting-started/faq.md"');
  });

  it('diffs the changed French translation like a body', () => {
    expect(reports.text).toContain(
      'translation fr "Bienvenue dans Acme Cloud" (getting-started/welcome-to-acme-cloud.fr.md)',
    );
    expect(reports.text).toMatch(/\+ Acme Cloud est aujourd’hui un outil/);
    expect(reports.markdown).toContain('(fr) (+1 −1 lines)');
    expect(reports.html).toContain('data-language="fr"');
  });

  it('shows the uploaded image in both HTML panes, from the emulator the CSP allows', () => {
    const html = reports.html as string;
    expect(html).toContain(`img-src data: ${emu.url};`);
    const uploaded = html.match(new RegExp(`<img src="${emu.url}/_assets/[^"]+"`, 'g')) ?? [];
    expect(uploaded.length).toBeGreaterThanOrEqual(2);
  });
});
