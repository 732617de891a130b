import { DEFAULT_CONSTRUCTS } from '../../markdown/syntax/constructs.js';
import { emptySiteData, OWN_ORDER_KEYS, type SiteDefinition } from '../types.js';
import { pathUrl } from '../url.js';

/** No site generator: pylon-kb's own conventions (what it did before sites were detected). */
export const none: SiteDefinition<'none'> = {
  name: 'none',
  label: 'none',
  contentDirs: ['docs', 'content', 'documentation'],
  markers: [],
  staticDirs: [],
  exclude: [],
  indexFiles: [],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: true,
  headingIds: 'github',
  syntax: DEFAULT_CONSTRUCTS,
  frontmatterKeys: [],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  configFiles: [],
  page: ({ path }) => ({ urls: [pathUrl(path, false)], redirects: [] }),
  readConfig: () => emptySiteData(),
};
