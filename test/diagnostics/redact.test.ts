import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED, redactDiagnostics, redactJson } from '../../src/diagnostics/redact.js';

const TOKEN = 'pk_live "S3cret/Tok+en"';

describe('the one redactor', () => {
  const redact = createRedactor([` ${TOKEN}\n`, undefined]);

  it('replaces a secret raw, trimmed, URL-encoded and JSON-escaped', () => {
    expect(redact(`a ${TOKEN}\n b`)).toBe(`a${REDACTED} b`);
    expect(redact(`x=${TOKEN}`)).toBe(`x=${REDACTED}`);
    expect(redact(`/u/${encodeURIComponent(TOKEN)}/v`)).toBe(`/u/${REDACTED}/v`);
    expect(redact(JSON.stringify({ token: TOKEN }))).toBe(`{"token":"${REDACTED}"}`);
  });

  it('leaves values too short to be a token alone, and text without secrets unchanged', () => {
    const short = createRedactor(['abc', '']);
    expect(short('abc abc')).toBe('abc abc');
    expect(redact('nothing here')).toBe('nothing here');
  });

  it('redacts diagnostics and JSON values, which stay valid', () => {
    const [d] = redactDiagnostics(
      [{ severity: 'error', code: 'x', message: `bad ${TOKEN}`, hint: `set ${TOKEN}`, field: TOKEN }],
      redact,
    );
    expect(d).toMatchObject({ message: `bad ${REDACTED}`, hint: `set ${REDACTED}`, field: REDACTED });
    expect(redactJson({ nested: [{ t: TOKEN }] }, redact)).toEqual({ nested: [{ t: REDACTED }] });
  });
});

describe('the token in every form a message may carry it', () => {
  const token = 'pyl_tok_Ab3x9QzR7mN2+kL5/Vw8_Yp4=';
  const redact = createRedactor([token, 'pylon-emulator-token']);

  it('Markdown- and HTML-escaped, slugified, without its trailing =, and quoted in part', () => {
    expect(redact('pyl\\_tok\\_Ab3x9QzR7mN2\\+kL5/Vw8\\_Yp4=')).toBe(REDACTED);
    expect(redact('Use slug: pyl-tok-ab3x9qzr7mn2-kl5-vw8-yp4')).toBe(`Use slug: ${REDACTED}`);
    expect(redact(`unknown flag --x=${token.slice(0, -1)}`)).toBe(`unknown flag --x=${REDACTED}`);
    expect(redact('a key like zR7mN2+kL5 was quoted')).toBe(`a key like ${REDACTED} was quoted`);
  });

  it('leaves the words a readable token shares with ordinary output', () => {
    expect(redact('the emulator answered; pyl_tok_ is the prefix')).toBe(
      'the emulator answered; pyl_tok_ is the prefix',
    );
  });
});
