import { describe, expect, it } from 'vitest';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import type { SourceFile } from '../../src/content/types.js';
import { DesiredCache } from '../../src/watch/desired-cache.js';
import { contentPipeline } from '../../src/watch/pipeline.js';

const setup = '---\ntitle: Set up\norder: 1\n---\nInstall the agent.\n';
const billing = '---\ntitle: Billing\n---\nPay by card.\n';
const faq = '---\ntitle: FAQ\nid: faq\n---\nAsk us.\n';
const files: SourceFile[] = [
  { path: 'guides/setup.md', text: setup },
  { path: 'guides/_category_.json', text: '{ "label": "Guides", "slug": "how-to" }' },
  { path: 'billing.md', text: billing },
  { path: 'help/faq.md', text: faq },
];
const build = (cache: DesiredCache) =>
  cache.build(contentPipeline({ contentDir: '/nonexistent', dropLeadingH1: true, strictLinks: false }));

function filled(): DesiredCache {
  const cache = new DesiredCache();
  cache.replaceAll(files);
  return cache;
}

describe('DesiredCache', async () => {
  it('builds the same desired state as the uncached pipeline', async () => {
    const cache = filled();
    expect((await build(cache)).desired).toEqual(buildDesiredState(buildContentTree(files)));
  });

  it('renders each document once, then only the documents whose body or title changed', async () => {
    const cache = filled();
    await build(cache);
    expect(cache.renders).toBe(3);
    await build(cache);
    expect(cache.renders).toBe(3);

    expect(cache.put('guides/setup.md', setup)).toBe(false);
    expect(cache.put('guides/setup.md', setup.replace('order: 1', 'order: 2'))).toBe(true);
    await build(cache);
    expect(cache.renders).toBe(3); // the order is not part of the rendering

    cache.put('guides/setup.md', setup.replace('Install the agent.', 'Install it.'));
    const after = await build(cache);
    expect(cache.renders).toBe(4);
    expect(after.desired.articles.find((a) => a.key === 'guides/setup')?.html).toBe('<p>Install it.</p>');

    cache.put('billing.md', billing.replace('title: Billing', 'title: Payments'));
    await build(cache);
    expect(cache.renders).toBe(5);
  });

  it('holds a file with errors at its last good text: no missing article, no stand-in diagnostics', async () => {
    const cache = filled();
    const good = (await build(cache)).desired.articles.find((a) => a.key === 'faq');
    cache.put('help/faq.md', '---\ntitle: [FAQ\nid: faq\n---\nAsk us anything.\n');
    const broken = await build(cache);
    expect([...broken.broken]).toEqual(['help/faq.md']);
    expect([...broken.brokenKeys]).toEqual(['faq']);
    expect(broken.desired.articles.find((a) => a.key === 'faq')).toEqual(good);
    expect(broken.diagnostics.map((d) => [d.file, d.code])).toContainEqual([
      'help/faq.md',
      'frontmatter/yaml',
    ]);

    cache.put('help/faq.md', faq.replace('Ask us.', 'Ask us anything.'));
    const fixed = await build(cache);
    expect(fixed.broken.size).toBe(0);
    expect(fixed.desired.articles.find((a) => a.key === 'faq')?.html).toBe('<p>Ask us anything.</p>');
  });

  it('keeps the last good folder metadata, so a broken metadata file does not rename the collection', async () => {
    const cache = filled();
    expect((await build(cache)).desired.collections.find((c) => c.key === 'guides')?.slug).toBe('how-to');
    cache.put('guides/_category_.json', '{ "label": "Guides", "slug": ');
    const broken = await build(cache);
    expect(broken.broken.has('guides/_category_.json')).toBe(true);
    expect(broken.desired.collections.find((c) => c.key === 'guides')?.slug).toBe('how-to');
  });

  it('a file broken since it was first read has no stand-in; its key is the one its path implies', async () => {
    const cache = new DesiredCache();
    cache.replaceAll([...files, { path: 'guides/new.md', text: '---\ntitle: [x\n---\nBody\n' }]);
    const result = await build(cache);
    expect(result.desired.articles.map((a) => a.key)).not.toContain('guides/new');
    expect(result.brokenKeys.has('guides/new')).toBe(true);
  });

  it('forgets a deleted file but remembers the key its document had', async () => {
    const cache = filled();
    await build(cache);
    expect(cache.remove('help/faq.md')).toBe(true);
    expect(cache.remove('help/faq.md')).toBe(false);
    expect(cache.lastKeyOf('help/faq.md')).toBe('faq');
    const after = await build(cache);
    expect(after.desired.articles.map((a) => a.key)).not.toContain('faq');
    expect(after.desired.collections.map((c) => c.key)).toEqual(['guides']);
  });
});
