import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { FlagValues } from './command-spec.js';
import type { FlagSpec } from './flags.js';

/** A command line the command does not take: exit 2, with the command's help named. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  values: FlagValues;
  positionals: string[];
}

function spelled(spec: FlagSpec): string[] {
  return [`--${spec.name}`, ...(spec.negatable ? [`--no-${spec.name}`] : [])];
}

function unknownFlag(given: string, flags: readonly FlagSpec[], command: string): UsageError {
  const names = flags.flatMap(spelled);
  const guess = didYouMean(
    given.replace(/^-+/, ''),
    names.map((n) => n.slice(2)),
  );
  const hint = guess ? ` Did you mean --${guess}?` : '';
  return new UsageError(
    `${command} does not take ${given}.${hint} Run 'pylon-kb help ${command}' for its flags.`,
  );
}

/**
 * Parses argv against a command's flags: `--name value`, `--name=value`, `-x value`, `--no-name` for
 * negatable booleans, repeated values for `multiple`, and `--` before positionals that start with `-`.
 * A flag the command does not declare is an error with the closest one it does (did-you-mean).
 */
export function parseFlags(args: readonly string[], flags: readonly FlagSpec[], command: string): ParsedArgs {
  const byLong = new Map(flags.map((f) => [f.name, f]));
  const byShort = new Map(flags.flatMap((f) => (f.short ? [[f.short, f] as const] : [])));
  const values: FlagValues = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const [rawName, inline] = long
      ? ((eq) => (eq < 0 ? [arg.slice(2), undefined] : [arg.slice(2, eq), arg.slice(eq + 1)]))(
          arg.indexOf('='),
        )
      : [arg.slice(1, 2), arg.length > 2 ? arg.slice(2) : undefined];
    let spec = long ? byLong.get(rawName) : byShort.get(rawName);
    let negated = false;
    if (!spec && long && rawName.startsWith('no-')) {
      const positive = byLong.get(rawName.slice(3));
      if (positive?.negatable) {
        spec = positive;
        negated = true;
      }
    }
    if (!spec) throw unknownFlag(long ? `--${rawName}` : `-${rawName}`, flags, command);
    const shown = long ? `--${rawName}` : `-${rawName}`;
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`${shown} takes no value (got "${inline}").`);
      values[spec.name] = !negated;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`${shown} needs a value${spec.value ? ` ${spec.value}` : ''}.`);
      }
      value = next;
      i++;
    }
    if (spec.multiple) {
      const list = values[spec.name];
      values[spec.name] = [...(Array.isArray(list) ? list : []), value];
    } else {
      values[spec.name] = value;
    }
  }
  return { values, positionals };
}

export function stringValue(values: FlagValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A number flag from 0 to `max` (`whole`: an integer), or undefined when the flag is absent. */
export function boundedNumberValue(
  values: FlagValues,
  name: string,
  max: number,
  options: { whole: boolean },
): number | undefined {
  const value = stringValue(values, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  const valid = options.whole ? Number.isInteger(n) : Number.isFinite(n);
  if (value.trim() === '' || !valid || n < 0 || n > max) {
    const what = options.whole ? 'a whole number' : 'a number';
    throw new UsageError(`--${name} must be ${what} from 0 to ${max} (got "${value}").`);
  }
  return n;
}

/** A string flag restricted to a few values. */
export function choiceValue<T extends string>(
  values: FlagValues,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = stringValue(values, name);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    const guess = didYouMean(value, allowed);
    throw new UsageError(
      `--${name} must be one of ${allowed.join(', ')} (got "${value}").${guess ? ` Did you mean ${guess}?` : ''}`,
    );
  }
  return value as T;
}

/** `--format` and its `--json` short form; `--json` with another `--format` is refused, not silently JSON. */
export function formatValue<T extends string>(
  values: FlagValues,
  allowed: readonly T[],
): T | 'json' | 'text' {
  const format = choiceValue(values, 'format', allowed);
  if (values.json !== true) return format ?? 'text';
  if (format !== undefined && format !== 'json')
    throw new UsageError(`--json is short for --format json; it cannot be given with --format ${format}.`);
  return 'json';
}
