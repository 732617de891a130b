import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarker, withMarker } from '../../src/identity/marker.js';

/** docs/architecture.md lists the marker's fields; the encoding in src/identity/marker.ts is the truth. */
describe('the marker fields in docs/architecture.md', () => {
  const docs = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'architecture.md'), 'utf8');
  const documented = [...docs.matchAll(/^\| `([a-z])` \|/gm)].map((m) => m[1]);

  it('are exactly the fields a marker with every value set carries', () => {
    const full = {
      key: 'guide/setup',
      digest: 'd1',
      textDigest: 't1',
      redirects: ['/articles/1-old'],
      formerKeys: ['old/setup', 'older/setup'],
      retired: true,
      replaces: ['a1'],
      language: 'fr',
      sourceDigest: 's1',
    };
    const html = withMarker('<p>x</p>', full);
    expect(readMarker(html)).toEqual(full);
    const attribute = /data-pylon-kb="([^"]*)"/.exec(html)?.[1] ?? '';
    const [version, ...fields] = attribute.split(';');
    expect(version).toBe('v1');
    expect(documented).toEqual(fields.map((field) => field.slice(0, field.indexOf('='))));
    const example = /<div data-pylon-kb="([^"]*)"><\/div>/.exec(docs)?.[1] ?? '';
    expect(example.split(';').map((field) => field.split('=')[0])).toEqual([version, ...documented]);
  });
});
