import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { ClientEvent } from '../../src/pylon/api.js';
import { createPylonClient } from '../../src/pylon/index.js';
import { emulator } from './helpers.js';

/**
 * Issue 25.7: a 429 paces the lane by what the server says (Retry-After, `X-Rate-Limit-*`), whatever the
 * preset; `--rate-limits off` means no client-side limit, not "the documented limits after the first 429".
 */
describe('pacing from the server', () => {
  let emu: RunningEmulator;
  afterEach(async () => emu.close());

  const createMany = async (n: number, events: ClientEvent[]) => {
    const client = createPylonClient({
      baseUrl: emu.url,
      token: emu.token,
      rateLimits: { preset: 'off' },
      onEvent: (e) => events.push(e),
    });
    const kb = emu.kb().id;
    const users = (emu.snapshot() as unknown as { users: { id: string }[] }).users;
    for (let i = 0; i < n; i++) {
      await client.createCollection(kb, { title: `C${i}`, slug: `c-${i}` });
    }
    const stats = client.stats();
    await client.close();
    return { stats, author: users[0]?.id };
  };

  it('under off, one 429 with Retry-After pauses once and sets no limit', async () => {
    emu = await emulator();
    emu.setFaults([{ route: 'createCollection', nth: 2, status: 429, retryAfterSeconds: 0.2 }]);
    const events: ClientEvent[] = [];
    const { stats } = await createMany(12, events);
    expect(stats.rateLimited).toBe(1);
    expect(events.filter((e) => e.type === 'rate-limit-lowered')).toEqual([]);
    expect(stats.limits.createCollection).toBeNull();
    // One pause of about what the server asked (0.2 s), not a documented pace of 10 a minute for the rest.
    const waits = events.filter((e) => e.type === 'rate-limit-wait' && e.endpoint === 'createCollection');
    expect(waits.length).toBeLessThanOrEqual(2);
  });

  it('under off, a limit the server states in X-Rate-Limit-* headers paces the lane', async () => {
    emu = await emulator({
      rateLimitHeaders: true,
      rateLimits: { preset: 'off', overrides: { createCollection: 5 } },
    });
    const events: ClientEvent[] = [];
    const { stats } = await createMany(3, events);
    expect(stats.limits.createCollection).toBe(5);
  });
});
