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
    const frames = out.text.split('\r').filter(Boolean);
    expect(frames.at(-1)?.trim()).toBe('[1/3] create-article guides/setup');
    progress.finish();
    // The line is cleared: the results that follow list the operation, once.
    expect(out.text.split('\r').at(-1)).toBe('');
    expect(out.text.split('\r').at(-2)?.trim()).toBe('');
    expect(out.text).not.toContain('\n');
  });

  it('writes plain log lines when not on a terminal: waits, and the counts so far without naming operations', () => {
    const out = stream(false);
    const progress = new ApplyProgress(out, 2);
    progress.onApplyEvent({ type: 'start', op });
    progress.onClientEvent({ type: 'rate-limit-wait', endpoint: 'createArticle', ms: 1500, reason: '429' });
    progress.onApplyEvent({
      type: 'done',
      result: { status: 'failed', op, error: { message: 'Pylon answered 500', status: 500 } },
    });
    progress.onApplyEvent({ type: 'done', result: { status: 'created', op, id: 'a1', url: '' } });
    expect(out.text).toBe(
      '  waiting 1.5s for the createArticle rate limit (429 from server)\n' +
        '[1/2] 1 failed\n' +
        '[2/2] 1 failed, 1 created\n',
    );
    expect(out.text).not.toContain('\r');
    expect(out.text).not.toContain('guides/setup');
  });

  it('in a CI log, a line per tenth of a long apply', () => {
    const out = stream(false);
    const progress = new ApplyProgress(out, 95);
    for (let i = 0; i < 95; i++) {
      progress.onApplyEvent({ type: 'done', result: { status: 'created', op, id: `a${i}`, url: '' } });
    }
    const lines = out.text.trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('[10/95] 10 created');
    expect(lines.at(-1)).toBe('[95/95] 95 created');
  });
});
