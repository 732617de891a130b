import { describe, expect, it } from 'vitest';
import { readMarker, stripMarker, withMarker } from '../../src/identity/marker.js';
import { textDigest } from '../../src/identity/text-digest.js';

const marker = {
  key: 'guides/set up;=,',
  digest: 'abc123',
  textDigest: 'def456',
  redirects: ['/articles/1-a', '/x,y'],
};

describe('marker', () => {
  it('round-trips every field, whatever characters the key holds', () => {
    const html = withMarker('<p>Hello</p>', marker);
    expect(readMarker(html)).toEqual(marker);
    expect(stripMarker(html)).toBe('<p>Hello</p>');
  });

  it('survives an editor re-serialising the element (quotes, entities, extra attributes)', () => {
    const html = withMarker('<p>Hi</p>', marker);
    const attribute = /data-pylon-kb="([^"]*)"/.exec(html)?.[1] ?? '';
    const reserialised = `<p>Hi</p><div class="x" data-pylon-kb='${attribute.replace(/;/g, '&#59;')}' data-other="1">
    </div>`;
    expect(readMarker(reserialised)).toEqual(marker);
    expect(stripMarker(reserialised)).toBe('<p>Hi</p>');
  });

  it('is null for hand-written articles and unknown versions', () => {
    expect(readMarker('<p>Written in Pylon</p>')).toBeNull();
    expect(readMarker('<div data-pylon-kb="v9;k=a;d=b"></div>')).toBeNull();
    expect(readMarker('')).toBeNull();
    expect(readMarker(undefined)).toBeNull();
  });
});

describe('text digest', () => {
  it('ignores formatting an editor changes and sees edits to the words', () => {
    const ours = '<h2 id="a">Title</h2>\n<p>Hello <strong>big</strong> world &amp; more</p>';
    const reformatted = '<h2  id="a" >Title</h2><p>Hello <b>big</b> world &#38; more</p>';
    const edited = '<h2 id="a">Title</h2><p>Hello big planet &amp; more</p>';
    expect(textDigest(reformatted)).toBe(textDigest(ours));
    expect(textDigest(edited)).not.toBe(textDigest(ours));
  });
});
