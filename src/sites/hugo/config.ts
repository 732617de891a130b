import { parse as parseToml } from 'smol-toml';
import { readJsonData, readYamlData } from '../static-data.js';
import type { SiteFile } from '../types.js';

/**
 * Hugo's configuration as its users keep it: a root file (`hugo.toml|yaml|json`, or the older
 * `config.toml|yaml|json`) and/or a configuration directory, `config/_default/` then the `production`
 * environment `hugo` builds with, where `hugo.toml` (or `config.toml`) holds the root keys and every other
 * file holds the key it is named after (`params.toml` → `params`, `menus.yaml` → `menus`). Later files
 * merge over earlier ones, tables key by key, as Hugo merges them. Read as data, never executed.
 */

const FORMATS = ['toml', 'yaml', 'yml', 'json'] as const;
const ROOT_NAMES = ['hugo', 'config'] as const;
/** The keys Hugo users split into files of their own in a configuration directory. */
const KEY_FILES = [
  'params',
  'menus',
  'menu',
  'languages',
  'markup',
  'module',
  'outputs',
  'permalinks',
  'taxonomies',
  'security',
  'services',
  'privacy',
  'mediaTypes',
  'outputFormats',
  'related',
  'sitemap',
  'frontmatter',
  'imaging',
  'minify',
  'server',
  'build',
  'caches',
  'deployment',
  'cascade',
] as const;
const ENVIRONMENTS = ['_default', 'production'] as const;

const rootFiles = ROOT_NAMES.flatMap((name) => FORMATS.map((format) => `${name}.${format}`));

/** The files to read from the site root, in the order they merge (the root file last wins over the directory). */
export const HUGO_CONFIG_FILES: readonly string[] = [
  ...ENVIRONMENTS.flatMap((env) =>
    [...ROOT_NAMES, ...KEY_FILES].flatMap((name) =>
      FORMATS.map((format) => `config/${env}/${name}.${format}`),
    ),
  ),
  ...rootFiles,
];

export interface HugoConfig {
  /** The merged configuration (root keys; `params`, `menus` … as tables). */
  values: Record<string, unknown>;
  /** The files that gave it, in merge order. */
  files: string[];
  /** Files that could not be read as data, with why. */
  problems: string[];
}

/** Merges Hugo's configuration files (any of `HUGO_CONFIG_FILES` that were found). */
export function readHugoConfig(files: readonly SiteFile[]): HugoConfig {
  const config: HugoConfig = { values: {}, files: [], problems: [] };
  // Of the root files, Hugo reads one: the first of hugo.*, then config.*.
  const rootFile = rootFiles.find((name) => files.some((f) => f.path === name));
  for (const path of HUGO_CONFIG_FILES) {
    const file = files.find((f) => f.path === path);
    if (!file || (rootFiles.includes(path) && path !== rootFile)) continue;
    const value = parseConfigFile(file);
    if (value === undefined) {
      config.problems.push(
        `${file.path} is not valid ${formatOf(file.path).toUpperCase()}, so it was not read.`,
      );
      continue;
    }
    const name = file.path.slice(file.path.lastIndexOf('/') + 1, file.path.lastIndexOf('.'));
    const root = !file.path.startsWith('config/') || (ROOT_NAMES as readonly string[]).includes(name);
    mergeInto(config.values, root ? value : { [name]: value });
    config.files.push(file.path);
  }
  return config;
}

function formatOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

function parseConfigFile(file: SiteFile): Record<string, unknown> | undefined {
  const format = formatOf(file.path);
  let value: unknown;
  if (format === 'toml') {
    try {
      value = parseToml(file.text);
    } catch {
      value = undefined;
    }
  } else value = format === 'json' ? readJsonData(file.text) : readYamlData(file.text)?.value;
  return isTable(value) ? value : value === null ? {} : undefined;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** Tables merge key by key; any other value replaces. Hugo's keys are case-insensitive: matched so. */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = Object.keys(target).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    const current = target[existing];
    if (isTable(current) && isTable(value)) mergeInto(current, value);
    else {
      if (existing !== key) delete target[existing];
      target[key] = isTable(value) ? structuredClone(value) : value;
    }
  }
}

/** A key of a Hugo table, whatever its case (`baseURL`, `baseurl`). */
export function hugoKey(table: Record<string, unknown>, key: string): unknown {
  const found = Object.keys(table).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : table[found];
}
