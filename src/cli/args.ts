import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { ConfigFlags } from '../config/types.js';

/** Flags every publishing command takes; each maps to a config key (see docs/config.md). */
export const CONFIG_OPTIONS = {
  config: { type: 'string', short: 'c' },
  'content-dir': { type: 'string' },
  kb: { type: 'string' },
  author: { type: 'string' },
  target: { type: 'string' },
  'truto-account': { type: 'string' },
  'rate-limits': { type: 'string' },
  'time-scale': { type: 'string' },
  concurrency: { type: 'string' },
  publish: { type: 'boolean' },
  'no-publish': { type: 'boolean' },
  'on-drift': { type: 'string' },
  force: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const OUTPUT_OPTIONS = {
  format: { type: 'string', short: 'f' },
  json: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
} as const satisfies ParseArgsConfig['options'];

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function str(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function configFlags(values: Values): ConfigFlags {
  const flags: ConfigFlags = {};
  const set = <K extends keyof ConfigFlags>(key: K, value: ConfigFlags[K] | undefined) => {
    if (value !== undefined) flags[key] = value;
  };
  set('contentDir', str(values, 'content-dir'));
  set('kb', str(values, 'kb'));
  set('author', str(values, 'author'));
  set('target', str(values, 'target'));
  set('trutoAccount', str(values, 'truto-account'));
  set('rateLimits', str(values, 'rate-limits'));
  set('timeScale', str(values, 'time-scale'));
  set('concurrency', str(values, 'concurrency'));
  if (values.publish === true) flags.publish = true;
  if (values['no-publish'] === true) flags.publish = false;
  return flags;
}

export type OutputFormat = 'text' | 'json' | 'markdown' | 'html';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'markdown', 'html'];

export function outputFormat(values: Values): OutputFormat {
  if (values.json === true) return 'json';
  const format = str(values, 'format') ?? 'text';
  if (!FORMATS.includes(format as OutputFormat)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}").`);
  }
  return format as OutputFormat;
}

export function stringValue(values: Values, name: string): string | undefined {
  return str(values, name);
}
