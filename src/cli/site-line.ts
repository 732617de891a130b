import type { DesiredState } from '../content/types.js';

/**
 * One line naming the site conventions a run used, then what was read from the site's config and what
 * Pylon cannot express. Empty for pylon-kb's own conventions.
 */
export function siteLines(site: DesiredState['site']): string {
  if (!site || site.name === 'none') return '';
  const how = site.detectedBy ? ` (detected from ${site.detectedBy})` : '';
  const notes = [
    ...site.notes,
    'Order from the site (weights, positions, navigation) is kept in the plan; Pylon has no API field to order articles or collections, so it is not sent.',
  ];
  return `Site: ${site.label}${how}.\n${notes.map((note) => `  ${note}\n`).join('')}`;
}
