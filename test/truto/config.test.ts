import { describe, expect, it } from 'vitest';
import { redactConfig } from '../../src/config/index.js';
import { CONFIG_PATH, EMULATOR, failed, resolved } from '../config/helpers.js';

const TRUTO_ENV = {
  TRUTO_API_TOKEN: 'truto_tok_123',
  TRUTO_INTEGRATED_ACCOUNT_ID: 'acct-42',
};

describe('the truto target', () => {
  it('comes from the config file, with Truto’s default URL', () => {
    const config = resolved({ target: { kind: 'truto', integratedAccountId: 'acct-1', token: 'truto_cfg' } });
    expect(config.target).toEqual({
      kind: 'truto',
      apiUrl: 'https://api.truto.one',
      token: 'truto_cfg',
      integratedAccountId: 'acct-1',
    });
  });

  it('is chosen by a Truto token and account without a Pylon token', () => {
    expect(resolved(undefined, { env: TRUTO_ENV }).target).toEqual({
      kind: 'truto',
      apiUrl: 'https://api.truto.one',
      token: 'truto_tok_123',
      integratedAccountId: 'acct-42',
    });
  });

  it('loses to a Pylon token when nothing chooses it explicitly', () => {
    const config = resolved(undefined, { env: { ...TRUTO_ENV, PYLON_API_TOKEN: 'ptk_x' } });
    expect(config.target.kind).toBe('pylon');
  });

  it('wins with --target truto or --truto-account, over a Pylon token and an emulator config', () => {
    const env = { ...TRUTO_ENV, PYLON_API_TOKEN: 'ptk_x' };
    expect(resolved(undefined, { env, flags: { target: 'truto' } }).target.kind).toBe('truto');
    const byAccount = resolved({ target: EMULATOR }, { env, flags: { trutoAccount: 'acct-flag' } });
    expect(byAccount.target).toMatchObject({ kind: 'truto', integratedAccountId: 'acct-flag' });
    // --target still decides the kind when both are given.
    expect(
      resolved(undefined, { env, flags: { target: 'pylon', trutoAccount: 'acct-flag' } }).target.kind,
    ).toBe('pylon');
  });

  it('takes the account from the flag, then the env, then the file; the URL and token from the env, then the file', () => {
    const file = {
      target: {
        kind: 'truto',
        integratedAccountId: 'acct-file',
        apiUrl: 'https://truto.example/',
        token: 'truto_file',
      },
    };
    expect(resolved(file).target).toEqual({
      kind: 'truto',
      apiUrl: 'https://truto.example',
      token: 'truto_file',
      integratedAccountId: 'acct-file',
    });
    expect(resolved(file, { env: { ...TRUTO_ENV, TRUTO_API_URL: 'http://127.0.0.1:4010' } }).target).toEqual({
      kind: 'truto',
      apiUrl: 'http://127.0.0.1:4010',
      token: 'truto_tok_123',
      integratedAccountId: 'acct-42',
    });
    expect(resolved(file, { env: TRUTO_ENV, flags: { trutoAccount: ' acct-flag ' } }).target).toMatchObject({
      integratedAccountId: 'acct-flag',
    });
  });

  it('is an error naming the key when the account id is missing', () => {
    for (const errors of [
      failed({ target: { kind: 'truto', token: 'truto_t' } }),
      failed(undefined, { env: { TRUTO_API_TOKEN: 'truto_t' } }),
      failed(undefined, { env: { TRUTO_API_TOKEN: 'truto_t' }, flags: { target: 'truto' } }),
    ]) {
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: 'config/invalid', field: 'target.integratedAccountId' });
      expect(errors[0]?.message).toBe(
        'The target is Truto but no integrated account is set (target.integratedAccountId). Set --truto-account ' +
          '<id> or TRUTO_INTEGRATED_ACCOUNT_ID.',
      );
    }
  });

  it('is an error naming TRUTO_API_TOKEN when the Truto token is missing', () => {
    const errors = failed(undefined, { flags: { trutoAccount: 'acct-1' } });
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'target.token',
        message: 'The target is Truto but no Truto API token is set. Set TRUTO_API_TOKEN.',
      }),
    ]);
  });

  it('rejects an invalid account id wherever it comes from, naming that source', () => {
    const allowed = 'must be a Truto integrated account id (letters, digits, ".", "_", ":" or "-")';
    const fromFile = failed({ target: { kind: 'truto', integratedAccountId: 'acct 1/../x', token: 't' } });
    expect(fromFile[0]).toMatchObject({ file: CONFIG_PATH, field: 'target.integratedAccountId' });
    expect(fromFile[0]?.message).toBe(`target.integratedAccountId ${allowed} (got "acct 1/../x").`);
    const fromFlag = failed(undefined, { env: TRUTO_ENV, flags: { trutoAccount: 'a b' } });
    expect(fromFlag[0]?.message).toBe(`--truto-account (target.integratedAccountId) ${allowed} (got "a b").`);
    const fromEnv = failed(undefined, { env: { ...TRUTO_ENV, TRUTO_INTEGRATED_ACCOUNT_ID: 'x?y' } });
    expect(fromEnv[0]?.message).toBe(
      `TRUTO_INTEGRATED_ACCOUNT_ID (target.integratedAccountId) ${allowed} (got "x?y").`,
    );
    const badUrl = failed(undefined, { env: { ...TRUTO_ENV, TRUTO_API_URL: 'ftp://truto' } });
    expect(badUrl[0]?.message).toBe(
      'TRUTO_API_URL (target.apiUrl) must be an http(s) URL (got "ftp://truto").',
    );
  });

  it('never shows the Truto token in errors or a redacted config', () => {
    const errors = failed({
      target: { kind: 'truto', token: 'truto_secret_in_file', integratedAccountId: 'a b' },
    });
    expect(JSON.stringify(errors)).not.toContain('truto_secret_in_file');
    const config = resolved(undefined, { env: TRUTO_ENV });
    expect(redactConfig(config).target).toMatchObject({ kind: 'truto', token: '[redacted]' });
    expect(JSON.stringify(redactConfig(config))).not.toContain('truto_tok_123');
  });
});
