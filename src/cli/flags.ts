import type { ConfigFlags } from '../config/types.js';

/**
 * A command-line flag as data: the parser, the help and the config layer all read this one declaration.
 * `config` names the field of `ConfigFlags` the flag feeds (the config layer validates it and names the
 * config key in errors); flags without it are the command's own.
 */
export interface FlagSpec {
  /** Long name without dashes: `content-dir`. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** A string flag that may be repeated (values collect into a list). */
  multiple?: boolean;
  /** A boolean flag that also has a `--no-<name>` form, which sets it to false. */
  negatable?: boolean;
  /** The value's placeholder in help: `<dir>`. */
  value?: string;
  description: string;
  /** Shown in help; the handler or the config defaults apply it. */
  default?: string;
  config?: keyof ConfigFlags;
}

export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'boolean', description: 'this help' };

const flag = (spec: FlagSpec): FlagSpec => spec;

/** Flags that feed the config (defaults < pylon-kb.config.ts < env < flags; see docs/config.md). */
export const CONFIG_FILE = flag({
  name: 'config',
  short: 'c',
  type: 'string',
  value: '<file>',
  description: 'config file',
  default: 'pylon-kb.config.{ts,mts,js,mjs,json} in the cwd',
});
export const CONTENT_DIR = flag({
  name: 'content-dir',
  type: 'string',
  value: '<dir>',
  description: 'the docs tree',
  config: 'contentDir',
});
export const KB = flag({
  name: 'kb',
  type: 'string',
  value: '<id|slug>',
  description: 'knowledge base',
  config: 'kb',
});
export const AUTHOR = flag({
  name: 'author',
  type: 'string',
  value: '<who>',
  description: 'default author: email, user id, user name or team:<name>',
  config: 'author',
});
export const TARGET = flag({
  name: 'target',
  type: 'string',
  value: '<kind>',
  description: 'pylon | emulator | truto',
  config: 'target',
});
export const TRUTO_ACCOUNT = flag({
  name: 'truto-account',
  type: 'string',
  value: '<id>',
  description: 'Truto integrated account to publish through (implies --target truto)',
  config: 'trutoAccount',
});
export const RATE_LIMITS = flag({
  name: 'rate-limits',
  type: 'string',
  value: '<preset>',
  description: 'documented | current | raised | off',
  config: 'rateLimits',
});
export const TIME_SCALE = flag({
  name: 'time-scale',
  type: 'string',
  value: '<x>',
  description: 'rate-limit clock speed (tests against the emulator)',
  config: 'timeScale',
});
export const CONCURRENCY = flag({
  name: 'concurrency',
  type: 'string',
  value: '<n>',
  description: 'parallel requests (1..32)',
  config: 'concurrency',
});
export const PUBLISH = flag({
  name: 'publish',
  type: 'boolean',
  negatable: true,
  description: 'publish creates and updates, or leave them as drafts',
  config: 'publish',
});
export const ON_DRIFT = flag({
  name: 'on-drift',
  type: 'string',
  value: '<policy>',
  description: 'an article edited in Pylon since it was published: fail | skip | overwrite',
  config: 'onDrift',
});

export const SITE = flag({
  name: 'site',
  type: 'string',
  value: '<name>',
  description:
    'site conventions: auto | hugo | docusaurus | vitepress | mkdocs | jekyll | mintlify | gitbook | none',
  default: 'auto (detected from the site root)',
  config: 'site',
});
export const BROKEN_ANCHORS = flag({
  name: 'broken-anchors',
  type: 'string',
  value: '<policy>',
  description: 'a link to a missing heading: warn | error',
  default: "the site's own setting, else warn (error with strictLinks)",
  config: 'brokenAnchors',
});
export const BROKEN_LINKS = flag({
  name: 'broken-links',
  type: 'string',
  value: '<policy>',
  description: 'a link to a missing document: error | warn',
  default: "the site's own setting, else error",
  config: 'brokenLinks',
});
/** How the docs tree is read: its site's conventions and the link policies. */
export const CONTENT_FLAGS = [SITE, BROKEN_ANCHORS, BROKEN_LINKS];

/** Flags of one run, not config keys. */
export const FORCE = flag({
  name: 'force',
  type: 'boolean',
  description: 'retire more than maxRetireRatio of the managed articles in one run',
});
export const STRICT = flag({
  name: 'strict',
  type: 'boolean',
  description:
    'write nothing when any document has an error (default: hold back only the documents with errors)',
  config: 'strict',
});
export const NO_CACHE = flag({
  name: 'no-cache',
  type: 'boolean',
  description: 'render every document (renderings are otherwise kept in .pylon-kb/)',
});
export const DEBOUNCE = flag({
  name: 'debounce',
  type: 'string',
  value: '<ms>',
  description: 'quiet time before a batch runs',
  default: '150',
  config: 'debounce',
});
export const DEBUG = flag({
  name: 'debug',
  type: 'boolean',
  description:
    'one line per HTTP request on stderr: method, path, status, time, attempt (never the token or a body); also PYLON_KB_DEBUG=1',
});

/** Where a publishing command connects, and how fast. */
export const TARGET_FLAGS = [TARGET, TRUTO_ACCOUNT, RATE_LIMITS, TIME_SCALE, CONCURRENCY];
/** What a plan is made from. */
export const PLAN_FLAGS = [CONFIG_FILE, CONTENT_DIR, KB, AUTHOR, PUBLISH, ON_DRIFT, ...CONTENT_FLAGS];

export function format(formats: readonly string[], description = 'report format'): FlagSpec {
  return {
    name: 'format',
    short: 'f',
    type: 'string',
    value: '<fmt>',
    description: `${description}: ${formats.join(' | ')}`,
    default: formats[0] ?? 'text',
  };
}
export const JSON_FLAG = flag({ name: 'json', type: 'boolean', description: 'short for --format json' });
