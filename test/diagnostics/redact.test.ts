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
