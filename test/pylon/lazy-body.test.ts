import { afterEach, describe, expect, it } from 'vitest';
import { rawArticle, testClient } from './fixtures.js';
import { fail, ok, type ScriptedServer, startScriptedServer } from './scripted-server.js';

let servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function serve(...args: Parameters<typeof startScriptedServer>): Promise<ScriptedServer> {
  const s = await startScriptedServer(...args);
  servers.push(s);
  return s;
}

/** A body given as a function is built when its request gets its slot, once, and sent as built. */
describe('bodies built at slot time', () => {
  it('builds each body just before its request goes out, not when it is queued', async () => {
    const log: string[] = [];
    const s = await serve((req) => {
      log.push(`sent ${(req.json as { title: string }).title}`);
      return ok(rawArticle(1));
    });
    const client = testClient(s.url, { concurrency: 1 });
    const body = (title: string) => () => {
      log.push(`built ${title}`);
      return { title, body_html: '<p>x</p>', author_user_id: 'u1' };
    };
    await Promise.all(['a', 'b', 'c'].map((t) => client.createArticle('kb1', body(t))));
    expect(log).toEqual(['built a', 'sent a', 'built b', 'sent b', 'built c', 'sent c']);
  });

  it('builds a body once whatever the retries, and sends the same bytes each time', async () => {
    const s = await serve([fail(503, { errors: ['busy'] }), ok(rawArticle(1))]);
    const client = testClient(s.url, { backoff: { baseMs: 1, maxMs: 2 } });
    let builds = 0;
    await client.updateArticle('kb1', 'art-1', () => {
      builds++;
      return { body_html: `<p>build ${builds}</p>` };
    });
    expect(builds).toBe(1);
    expect(s.requests.map((r) => r.json)).toEqual([
      { body_html: '<p>build 1</p>' },
      { body_html: '<p>build 1</p>' },
    ]);
  });

  it('passes a builder that throws to the caller as it is, and sends nothing', async () => {
    const s = await serve(() => ok(rawArticle(1)));
    const client = testClient(s.url);
    const refusal = new Error('a file it uses was not uploaded');
    await expect(
      client.updateArticle('kb1', 'art-1', () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(s.requests).toHaveLength(0);
    expect(client.stats()).toMatchObject({ requests: 0, retries: 0 });
  });
});
