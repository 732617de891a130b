import { describe, expect, it } from 'vitest';
import { withMarker } from '../../src/identity/marker.js';
import { createPlan } from '../../src/plan/plan.js';
import type { Operation } from '../../src/plan/types.js';
import { holdBrokenFiles } from '../../src/watch/plan-filter.js';
import { current, desired, doc, folder, remoteArticle } from '../plan/fixtures.js';

const options = { publish: false, defaultAuthor: 'ada@acme.test' };
const summary = (ops: Operation[]) => ops.map((op) => `${op.kind} ${op.key}`);

describe('holdBrokenFiles', () => {
  // Two new documents in two new folders, and an orphan: a managed article whose document is gone.
  const orphan = remoteArticle({
    title: 'Old',
    slug: 'old',
    html: withMarker('<p>Old</p>', { key: 'old', digest: 'd', textDigest: 't', redirects: [] }),
  });
  const plan = createPlan(
    desired([doc('guides/setup'), doc('faq/billing')], [folder('guides'), folder('faq')]),
    current([orphan]),
    options,
  );
  const none = new Set<string>();

  it('keeps the whole plan when nothing is broken', () => {
    const held = holdBrokenFiles(plan, { paths: none, keys: none, all: false });
    expect(summary(held.operations)).toEqual(summary(plan.operations));
    expect(summary(plan.operations)).toEqual([
      'create-collection faq',
      'create-collection guides',
      'create-article faq/billing',
      'create-article guides/setup',
      'orphan old',
    ]);
  });

  it("drops a broken file's operations and the collection only it needed", () => {
    const held = holdBrokenFiles(plan, { paths: new Set(['faq/billing.md']), keys: none, all: false });
    expect(summary(held.operations)).toEqual([
      'create-collection guides',
      'create-article guides/setup',
      'orphan old',
    ]);
  });

  it('does not report (or retire) the article of a broken file as an orphan', () => {
    const held = holdBrokenFiles(plan, { paths: new Set(['old.md']), keys: new Set(['old']), all: false });
    expect(summary(held.operations)).not.toContain('orphan old');
  });

  it('keeps only notices when an error names no file', () => {
    const held = holdBrokenFiles(plan, { paths: none, keys: none, all: true });
    expect(summary(held.operations)).toEqual(['orphan old']);
  });
});
