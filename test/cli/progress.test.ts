import { describe, expect, it } from 'vitest';
import { ApplyProgress } from '../../src/cli/progress.js';
import type { Operation } from '../../src/plan/types.js';

const op = { kind: 'create-article', key: 'guides/setup' } as Operation;

function stream(isTTY: boolean) {
  const out = { text: '', isTTY, columns: 120, write: (s: string) => (out.text += s) };
  return out;
}

describe('apply progress', () => {
  it('rewrites one line on a terminal: done/total, the current operation and rate-limit waits', () => {
    const out = stream(true);
    const progress = new ApplyProgress(out, 3);
    progress.onApplyEvent({ type: 'start', op });
    progress.onClientEvent({
      type: 'rate-limit-wait',
      endpoint: 'createArticle',
      ms: 4200,
      reason: 'scheduler',
    });
    const waiting = out.text.split('\r').filter(Boolean).at(-1)?.trim();
    expect(waiting).toBe('[0/3] create-article guides/setup · waiting 4.2s for the createArticle rate limit');
    progress.onApplyEvent({ type: 'done', result: { status: 'created', op, id: 'a1', url: '' } });
    progress.finish();
    const frames = out.text.split('\r').filter(Boolean);
    expect(frames.at(-1)?.trim()).toBe('[1/3] create-article guides/setup');
    expect(out.text).not.toContain('\n[');
    expect(out.text.endsWith('\n')).toBe(true);
  });

  it('writes plain log lines when not on a terminal', () => {
    const out = stream(false);
    const progress = new ApplyProgress(out, 2);
    progress.onApplyEvent({ type: 'start', op });
    progress.onClientEvent({ type: 'rate-limit-wait', endpoint: 'createArticle', ms: 1500, reason: '429' });
    progress.onApplyEvent({
      type: 'done',
      result: { status: 'failed', op, error: { message: 'Pylon answered 500', status: 500 } },
    });
    expect(out.text).toBe(
      '  waiting 1.5s for the createArticle rate limit (429 from server)\n' +
        '[1/2] failed create-article guides/setup: Pylon answered 500\n',
    );
    expect(out.text).not.toContain('\r');
  });
});
