import type { FlagSpec } from './flags.js';

/** The flags of `pylon-kb emulator` (none of them config keys: the emulator is configured by flags alone). */
export const EMULATOR_FLAGS: FlagSpec[] = [
  { name: 'port', type: 'string', value: '<n>', description: 'port (0 picks a free one)', default: '4010' },
  { name: 'host', type: 'string', value: '<h>', description: 'interface to listen on', default: '127.0.0.1' },
  {
    name: 'token',
    type: 'string',
    value: '<t>',
    description: 'the accepted bearer token',
    default: 'pylon-emulator-token',
  },
  {
    name: 'keep-alive-timeout',
    type: 'string',
    value: '<ms>',
    description: 'how long an idle keep-alive connection stays open',
    default: '5000',
  },
  {
    name: 'seed',
    type: 'string',
    value: '<file|name>',
    description:
      "JSON seed: organisation, knowledge bases, users, teams; editor-kb: a knowledge base as Pylon's editor writes it (to try pull); default (or no --seed): the Acme seed",
  },
  {
    name: 'state',
    type: 'string',
    value: '<file>',
    description: 'load the store from this file and save it after every write',
  },
  {
    name: 'rate-limits',
    type: 'string',
    value: '<preset>',
    description:
      'documented (60/20/10 per min) | current (300/120/30, as Pylon states now) | raised (300/120/30) | off',
    default: 'off',
  },
  {
    name: 'rate-limit',
    type: 'string',
    multiple: true,
    value: '<name=n>',
    description: 'per-endpoint override, e.g. createArticle=5 (repeatable)',
  },
  {
    name: 'time-scale',
    type: 'string',
    value: '<x>',
    description: 'length of a rate-limit minute, e.g. 0.01 => 600 ms',
    default: '1',
  },
  {
    name: 'rate-limit-headers',
    type: 'boolean',
    description: 'state the limits in X-RateLimit-Limit/-Remaining/-Reset (Pylon does not)',
  },
  {
    name: 'faults',
    type: 'string',
    value: '<file>',
    description: 'JSON fault rules ({"rules": [...]} or [...]) to start with',
  },
  {
    name: 'duplicate-slugs',
    type: 'string',
    value: '<p>',
    description: 'allow | reject duplicate article slugs in a KB',
    default: 'allow',
  },
  {
    name: 'duplicate-redirects',
    type: 'string',
    value: '<p>',
    description: 'reject | allow a second redirect from the same path',
    default: 'reject',
  },
  {
    name: 'live-reload',
    type: 'boolean',
    description: 'help-center pages reload themselves when the store changes (server-sent events)',
  },
  {
    name: 'html-normalizer',
    type: 'boolean',
    description: 'store article HTML re-serialised like a rich-text editor',
  },
  {
    name: 'immutable-fields',
    type: 'string',
    value: '<m>',
    description: 'ignore | reject slug/collection_id/author_user_id on PATCH',
    default: 'ignore',
  },
  {
    name: 'url-suffix',
    type: 'string',
    value: '<s>',
    description: 'title | slug: the suffix of public article URLs',
    default: 'title',
  },
  {
    name: 'truto-token',
    type: 'string',
    value: '<t>',
    description: "the Truto façade's token (docs/truto.md)",
    default: 'truto-emulator-token',
  },
  {
    name: 'truto-account',
    type: 'string',
    multiple: true,
    value: '<id>',
    description: 'an integrated account of the Truto façade (repeatable)',
    default: 'acct-emulator-1',
  },
  {
    name: 'truto-rate-limit',
    type: 'boolean',
    description: "enforce Truto's 50 requests per 10 s (× time scale) per integrated account",
  },
];
