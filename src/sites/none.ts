import { emptySiteData, type SiteConventions } from './types.js';
import { pathUrl } from './url.js';

/** No site generator: pylon-kb's own conventions (what it did before sites were detected). */
export const none: SiteConventions = {
  name: 'none',
  label: 'none',
  markers: [],
  staticDirs: [],
  exclude: [],
  indexFiles: [],
  stripNumberPrefix: true,
  headingIds: 'github',
  frontmatterKeys: [],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  configFiles: [],
  page: ({ path }) => ({ urls: [pathUrl(path, false)], redirects: [] }),
  readConfig: () => emptySiteData(),
};
