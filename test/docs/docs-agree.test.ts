import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EMULATOR_FLAGS } from '../../src/cli/emulator-flags.js';
import { DEFAULTS } from '../../src/config/defaults.js';

/** Where two documents state the same fact, they state it as the code does. */
const read = (...path: string[]) => readFileSync(join(import.meta.dirname, '..', '..', ...path), 'utf8');

/** The YAML of the first fenced block that follows `marker`. */
function yamlAfter(text: string, marker: string): Record<string, unknown> {
  const from = text.indexOf(marker);
  const block = /```ya?ml\n([\s\S]*?)```/.exec(text.slice(Math.max(0, text.lastIndexOf('```', from))))?.[1];
  return parse(block ?? '') as Record<string, unknown>;
}

type Job = { if?: string; concurrency?: { group?: string; 'cancel-in-progress'?: unknown } };

describe('the docs agree with each other and with the code', () => {
  it("content.md and config.md give the config's default include", () => {
    const globs = (text: string) =>
      (text.match(/`\*\*\/\*\.[a-z]+`|'\*\*\/\*\.[a-z]+'/g) ?? []).map((g) => g.slice(1, -1));
    const content = read('docs', 'content.md');
    const sentence = content.slice(
      content.indexOf('files matching `include`'),
      content.indexOf('minus `exclude`'),
    );
    expect(globs(sentence)).toEqual(DEFAULTS.include);
    const config = read('docs', 'config.md');
    const row = config.split('\n').find((line) => line.startsWith('| [`include`]')) ?? '';
    expect(globs(row)).toEqual(DEFAULTS.include);
  });

  it("the README's workflow runs apply in ci.md's concurrency group, never cancelled", () => {
    const readme = yamlAfter(read('README.md'), '# .github/workflows/docs.yml');
    const ci = yamlAfter(read('docs', 'ci.md'), 'pylon-kb-apply');
    const readmeJob = (readme.jobs as Record<string, Job>).docs;
    const ciApply = (ci.jobs as Record<string, Job>).apply;
    expect(ciApply?.concurrency).toEqual({ group: 'pylon-kb-apply', 'cancel-in-progress': false });
    // The README's one job plans pull requests and applies pushes: on a push, the same group, not cancelled.
    const group = readmeJob?.concurrency?.group ?? '';
    expect(group).toContain("github.event_name == 'push' && 'pylon-kb-apply'");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    expect(readmeJob?.concurrency?.['cancel-in-progress']).toBe("${{ github.event_name != 'push' }}");
  });

  it("emulator.md's flag table lists every flag of pylon-kb emulator, and 'Not emulated' names none of its own sections (the Truto façade)", () => {
    const doc = read('docs', 'emulator.md');
    const table = [...doc.matchAll(/^\| `--([a-z-]+)/gm)].map((m) => m[1]);
    const flags = EMULATOR_FLAGS.map((f) => f.name).filter((name) => name !== 'help');
    expect(flags.filter((name) => !table.includes(name))).toEqual([]);
    // What has a section of its own is emulated: "Not emulated" names none of them.
    const notEmulated = doc.slice(doc.indexOf('## Not emulated') + '## Not emulated'.length);
    const sections = [...doc.matchAll(/^## (.+)$/gm)]
      .map((m) => m[1] ?? '')
      .filter((t) => t !== 'Not emulated');
    expect(sections.filter((title) => notEmulated.includes(title))).toEqual([]);
  });
});
