import { describe, expect, it } from 'vitest';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import type { SourceFile } from '../../src/content/types.js';
import { DesiredCache } from '../../src/watch/desired-cache.js';

const setup = '---\ntitle: Set up\norder: 1\n---\nInstall the agent.\n';
const billing = '---\ntitle: Billing\n---\nPay by card.\n';
const faq = '---\ntitle: FAQ\nid: faq\n---\nAsk us.\n';
const files: SourceFile[] = [
  { path: 'guides/setup.md', text: setup },
  { path: 'guides/_category_.json', text: '{ "label": "Guides", "slug": "how-to" }' },
  { path: 'billing.md', text: billing },
  { path: 'help/faq.md', text: faq },
];
const build = (cache: DesiredCache) => cache.build({ dropLeadingH1: true });

function filled(): DesiredCache {
  const cache = new DesiredCache();
  cache.replaceAll(files);
  return cache;
}

describe('DesiredCache', () => {
  it('builds the same desired state as the uncached pipeline', () => {
    const cache = filled();
    expect(build(cache).desired).toEqual(buildDesiredState(buildContentTree(files)));
  });

  it('renders each document once, then only the documents whose body or title changed', () => {
    const cache = filled();
    build(cache);
    expect(cache.renders).toBe(3);
    build(cache);
    expect(cache.renders).toBe(3);

    expect(cache.put('guides/setup.md', setup)).toBe(false);
    expect(cache.put('guides/setup.md', setup.replace('order: 1', 'order: 2'))).toBe(true);
    build(cache);
    expect(cache.renders).toBe(3); // the order is not part of the rendering

    cache.put('guides/setup.md', setup.replace('Install the agent.', 'Install it.'));
    const after = build(cache);
    expect(cache.renders).toBe(4);
    expect(after.desired.articles.find((a) => a.key === 'guides/setup')?.html).toBe('<p>Install it.</p>');

    cache.put('billing.md', billing.replace('title: Billing', 'title: Payments'));
    build(cache);
    expect(cache.renders).toBe(5);
  });

  it('holds a file with errors at its last good text: no missing article, no stand-in diagnostics', () => {
    const cache = filled();
    const good = build(cache).desired.articles.find((a) => a.key === 'faq');
    cache.put('help/faq.md', '---\ntitle: [FAQ\nid: faq\n---\nAsk us anything.\n');
    const broken = build(cache);
    expect([...broken.broken]).toEqual(['help/faq.md']);
    expect([...broken.brokenKeys]).toEqual(['faq']);
    expect(broken.desired.articles.find((a) => a.key === 'faq')).toEqual(good);
    expect(broken.diagnostics.map((d) => [d.file, d.code])).toContainEqual([
      'help/faq.md',
      'frontmatter/yaml',
    ]);

    cache.put('help/faq.md', faq.replace('Ask us.', 'Ask us anything.'));
    const fixed = build(cache);
    expect(fixed.broken.size).toBe(0);
    expect(fixed.desired.articles.find((a) => a.key === 'faq')?.html).toBe('<p>Ask us anything.</p>');
  });

  it('keeps the last good folder metadata, so a broken metadata file does not rename the collection', () => {
    const cache = filled();
    expect(build(cache).desired.collections.find((c) => c.key === 'guides')?.slug).toBe('how-to');
    cache.put('guides/_category_.json', '{ "label": "Guides", "slug": ');
    const broken = build(cache);
    expect(broken.broken.has('guides/_category_.json')).toBe(true);
    expect(broken.desired.collections.find((c) => c.key === 'guides')?.slug).toBe('how-to');
  });

  it('a file broken since it was first read has no stand-in; its key is the one its path implies', () => {
    const cache = new DesiredCache();
    cache.replaceAll([...files, { path: 'guides/new.md', text: '---\ntitle: [x\n---\nBody\n' }]);
    const result = build(cache);
    expect(result.desired.articles.map((a) => a.key)).not.toContain('guides/new');
    expect(result.brokenKeys.has('guides/new')).toBe(true);
  });

  it('forgets a deleted file but remembers the key its document had', () => {
    const cache = filled();
    build(cache);
    expect(cache.remove('help/faq.md')).toBe(true);
    expect(cache.remove('help/faq.md')).toBe(false);
    expect(cache.lastKeyOf('help/faq.md')).toBe('faq');
    const after = build(cache);
    expect(after.desired.articles.map((a) => a.key)).not.toContain('faq');
    expect(after.desired.collections.map((c) => c.key)).toEqual(['guides']);
  });
});
