import { describe, expect, it } from 'vitest';
import { redactConfig } from '../../src/config/index.js';
import { EMULATOR, resolved } from './helpers.js';

describe('redactConfig', () => {
  it('replaces the token and keeps everything else', () => {
    const config = resolved({ knowledgeBase: 'kb' }, { env: { PYLON_API_TOKEN: 'ptk_secret_value' } });
    const safe = redactConfig(config);
    expect(safe.target).toEqual({ kind: 'pylon', apiUrl: 'https://api.usepylon.com', token: '[redacted]' });
    expect(JSON.stringify(safe)).not.toContain('ptk_secret_value');
    expect({ ...safe, target: config.target }).toEqual(config);
  });

  it('does not change the config it is given', () => {
    const config = resolved({}, { env: { PYLON_API_TOKEN: 'ptk_secret_value' } });
    redactConfig(config);
    expect(config.target).toMatchObject({ token: 'ptk_secret_value' });
  });

  it('redacts a user config too', () => {
    expect(redactConfig({ target: { kind: 'pylon', token: 'ptk_x1234' } })).toEqual({
      target: { kind: 'pylon', token: '[redacted]' },
    });
  });

  it('returns an equal copy when there is no token', () => {
    const config = resolved({ target: EMULATOR });
    const safe = redactConfig(config);
    expect(safe).toEqual(config);
    expect(safe).not.toBe(config);
  });
});
