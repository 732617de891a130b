/** The shapes link resolution works on: the pages a link can land on, their index, what a reference is. */
import type { InvalidDoc } from './types.js';

/** A page a link can land on: an article, or one of its translations. */
export interface LinkTarget {
  /** Key of the article (for a translation: of its source). */
  key: string;
  /** The Markdown file. */
  path: string;
  /** Element ids of the page (heading ids, `{#custom}` ids, footnotes). */
  anchors: ReadonlySet<string>;
  /** Set when the file is a translation. */
  language?: string;
}

/** The site rules link resolution follows (none: pylon-kb's own). */
export interface LinkRules {
  /** Folders (relative to the content directory, may start with `../`) served at the site's `/`. */
  staticDirs: readonly string[];
  /** Relative links are tried from the docs root after the file's folder (Docusaurus). */
  linksFromDocsRoot: boolean;
  /** Raw-HTML relative paths resolve against the page URL (MkDocs). */
  rawHtmlFromPageUrl: boolean;
  /** An image path climbing above the content directory (the site's root) stops there (SiteLinkRules). */
  imagesClimbToRoot?: boolean | undefined;
  /**
   * A link may name a label, an id on any page (MyST's `[text](label)`, `[](#label)`, `{ref}`): a path
   * that is no page, or a fragment this page lacks, is looked up among the other pages' ids.
   */
  labelLinks?: boolean | undefined;
  /** The URL paths the site would serve a page at this content path at (where an old file was served). */
  pageUrlsOf?: ((path: string) => readonly string[]) | undefined;
  /**
   * The site's public address (`https://example.com/docs/`): a link to a page of the site that is not a
   * document of the tree (a blog post, a generated page) is published as its absolute URL there.
   */
  siteUrl?: string | undefined;
  /** The setting that gives the site's address, named when none is known (`baseURL in hugo.toml`). */
  siteUrlKey?: string | undefined;
  /**
   * Import aliases (`@assets/` → `../../assets/`, relative to the content directory): a file path that
   * starts with one (`import hero from '@assets/hero.png'`) names a file in the alias's folder.
   */
  importAliases?: readonly { prefix: string; target: string }[] | undefined;
  /** Paths and URL paths match whatever their case (Hugo looks pages up and lower-cases URLs so). */
  caseInsensitive?: boolean | undefined;
  /** A relative site-style path (`setup`) is tried from the content root too (Hugo's `ref`, `GetPage`). */
  sitePathsFromContentRoot?: boolean | undefined;
  /** Where the site redirects a URL path by its redirect patterns (`/docs/:slug*`), if it does. */
  redirectOf?: ((path: string) => string | undefined) | undefined;
  /** A link to `page.md` names the page whatever its Markdown extension (Mintlify's `.md` URLs). */
  markdownUrls?: boolean | undefined;
  /** A relative file path may also name a file of the static folders (Hugo's global resources). */
  relativeFilesInStaticDirs?: boolean | undefined;
}

export interface TargetIndex {
  /** Every article and translation file by path. */
  byPath: ReadonlyMap<string, LinkTarget>;
  /** The same by lower-cased path, when the site's paths match whatever their case. */
  byLowerPath?: ReadonlyMap<string, LinkTarget>;
  /** Articles by `<folder>/<slug>`, the URL path site generators give them. */
  bySitePath: ReadonlyMap<string, LinkTarget>;
  /** Articles by the URL paths their site serves them at (normalised). */
  byUrl: ReadonlyMap<string, LinkTarget>;
  /** Articles by the old paths their redirect keys name (`oldPathKey`): links to them resolve with a warning. */
  byOldPath: ReadonlyMap<string, LinkTarget>;
  /** Articles by the paths pylon-kb moved them from (their markers' former keys): resolved with a warning too. */
  byFormerPath: ReadonlyMap<string, LinkTarget>;
  /** Folder keys of the collections (a link to one is not an article link). */
  collections: ReadonlySet<string>;
  /** Translations of each article key, by language. */
  translations: ReadonlyMap<string, ReadonlyMap<string, LinkTarget>>;
  /** The translations folder of the `folders` layout (`i18n`), if used. */
  translationFolder?: string;
  /** Article paths, for "did you mean" hints. */
  docPaths: readonly string[];
  /** Files that are not published because of their own errors, by path and by stem. */
  invalid: ReadonlyMap<string, InvalidDoc>;
  /** Markdown files left out by `exclude` or the site, by path and by stem. */
  excluded: ReadonlyMap<string, string>;
  rules: LinkRules;
  /** With `rules.labelLinks`: each id that exactly one article has, and that article. */
  byLabel?: ReadonlyMap<string, LinkTarget>;
}

/** The document (or translation) a reference is written in. */
export interface ReferenceOrigin {
  key: string;
  path: string;
  /** Path without extension of the page whose URL site-style links resolve against (`guides/setup`). */
  pageStem: string;
  /** The URL path the site serves the page at (`/guides/setup/`): relative URLs resolve against it. */
  pageUrl?: string;
  language?: string;
}

export type Classified =
  | { type: 'ignore' }
  | { type: 'fragment'; anchor: string }
  | {
      type: 'document';
      target: LinkTarget;
      anchor?: string;
      movedFrom?: string;
      /** How the old path is known: a redirect key of the target, or a move pylon-kb made. */
      movedBy?: 'redirect' | 'move';
    }
  | { type: 'missing-document'; wanted: string; outside: boolean }
  | { type: 'invalid-document'; wanted: string; line: number }
  | { type: 'excluded-document'; wanted: string }
  | { type: 'unresolved'; wanted: string; collection: boolean; outside: boolean }
  /** A page of the site that is not a document of the tree, at its absolute URL on the site's domain. */
  | { type: 'site-page'; url: string; wanted: string; collection: boolean }
  | { type: 'asset'; path: string; alternatives?: string[] }
  | { type: 'asset-outside'; path: string };
