import type { SiteVariables } from '../markdown/syntax/index.js';
import { SITES } from '../sites/index.js';
import { readJsonData, readTomlTopLevel, readYamlData } from '../sites/static-data.js';

/**
 * Site configuration files whose values Liquid's `{{ site.x }}` and Hugo's `param` read: every
 * generator's `variableFiles`, in registry order.
 */
export const VARIABLE_FILES: readonly string[] = [...new Set(SITES.flatMap((site) => site.variableFiles))];

/**
 * `site` data from the first configuration file found (Jekyll's `_config.yml`, Hugo's config with its
 * `params`). Read as data, never executed; TOML is read as its top level and its `[params]` table.
 */
export function siteVariablesFrom(files: readonly { path: string; text: string }[]): SiteVariables['site'] {
  for (const name of VARIABLE_FILES) {
    const file = files.find((f) => f.path === name);
    if (!file) continue;
    const value = name.endsWith('.toml')
      ? { ...readTomlTopLevel(file.text), params: tomlTable(file.text, 'params') }
      : name.endsWith('.json')
        ? readJsonData(file.text)
        : readYamlData(file.text)?.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  }
  return undefined;
}

/** `key = value` lines of one `[table]` of a TOML file (strings, numbers, booleans). */
function tomlTable(text: string, table: string): Record<string, string | number | boolean> {
  const start = text.split('\n').findIndex((line) => line.trim() === `[${table}]`);
  if (start < 0) return {};
  const rest = text.split('\n').slice(start + 1);
  const end = rest.findIndex((line) => line.trim().startsWith('['));
  return readTomlTopLevel(rest.slice(0, end < 0 ? rest.length : end).join('\n'));
}
