import type { HeadingIdRule } from '../markdown/heading-slugs.js';
import type { Construct } from '../markdown/syntax/constructs.js';
import type { SiteName } from './index.js';
import type { RedirectPattern } from './redirect-patterns.js';
import type { SiteStrictness } from './strictness.js';

/** A site configuration file, read as text by the I/O edge (never executed). */
export interface SiteFile {
  /** Path relative to the site root, posix separators. */
  path: string;
  text: string;
}

/** What the site publishes a document as, from its path and frontmatter. */
export interface PageInput {
  /** Path relative to the content directory. */
  path: string;
  /** Top-level frontmatter values. */
  fields: Readonly<Record<string, unknown>>;
  /** The file is its folder's index page (`index.md`, `_index.md`, `README.md` …). */
  isIndex: boolean;
}

export interface PageInfo {
  /** URL paths (`/docs/setup`) the site serves the page at: links written with them resolve to it. */
  urls: string[];
  /** Old paths the site redirects to the page (`aliases`, `redirect_from`): become route redirects. */
  redirects: string[];
  /** A slug the site's own keys give the page (Docusaurus `slug: /deploy` → `deploy`). */
  slug?: string;
  /** An order the site's own nested keys give the page (Starlight `sidebar.order`), used when no order key is set. */
  order?: number;
  /**
   * Why the site builds no page from the file (Hugo `build: {render: never}`, a headless bundle): it is
   * not published; other pages may still include it.
   */
  notRendered?: { key: string; reason: string };
}

/** A redirect from a site config file: `from` a URL path `to` a URL path or a document path. */
export interface SiteRedirect {
  from: string;
  to: string;
  file: string;
  line?: number;
}

/** One place in the site's navigation: a document (by content path) or a folder, with its title. */
export interface NavEntry {
  /** Document path relative to the content directory, or a folder path ending in `/`. */
  target: string;
  title?: string;
  /** 1-based position among its siblings in the navigation. */
  position: number;
}

/** What pylon-kb read from the site's configuration files (data only). */
export interface SiteData {
  redirects: SiteRedirect[];
  nav: NavEntry[];
  /** Extra globs (relative to the content directory) the site's config leaves out (Jekyll `exclude`). */
  exclude: string[];
  /** Settings the page rules use (Docusaurus `routeBasePath`). */
  settings: Record<string, string>;
  /** What was read from where, what was not and why: shown by check and plan. */
  notes: string[];
  /**
   * The site's public address from its config (Hugo `baseURL`, Docusaurus `url` + `baseUrl` …): links to
   * pages of the site that are not documents of the tree are published as absolute URLs there.
   */
  siteUrl?: string;
  /** Redirects with parameters (`/docs/:slug*` → `/docs/v2/:slug*`): links to their sources follow them. */
  redirectPatterns?: RedirectPattern[];
  /** MkDocs' `pymdownx.snippets` options; `basePaths` relative to the site root. */
  snippets?: SiteSnippets;
  /** Import aliases (`@assets/` → `src/assets/`, from tsconfig `paths`), targets relative to the site root. */
  importAliases?: ImportAlias[];
}

/** An import path prefix and the folder it stands for (`@assets/` → `src/assets/`). */
export interface ImportAlias {
  prefix: string;
  target: string;
}

export interface SiteSnippets {
  basePaths: string[];
  autoPrepend: string[];
  autoAppend: string[];
  checkPaths: boolean;
}

/**
 * Everything pylon-kb knows about one site generator; each lives in its own folder (`sites/<name>/`) and
 * is listed once in the registry (`sites/index.ts`). `N` is the registry key: the registry checks that a
 * definition is filed under its own name.
 */
export interface SiteDefinition<N extends string = SiteName> {
  name: N;
  /** Display name, e.g. "Docusaurus". */
  label: string;
  /**
   * Where the generator keeps its pages by default, relative to the site root (the folder of its marker;
   * `.`: that folder itself), most usual first: `pylon-kb init` takes a folder there over other folders
   * with Markdown. Default `['docs']`.
   */
  contentDirs?: readonly string[];
  /** The site-root files (or folders, ending in `/`) that identify the generator, in the order tried. */
  markers: readonly string[];
  /**
   * Markers whose name is not enough: each counts only when its text matches (`conf.py` naming
   * `myst_parser`). The I/O edge reads these files' text for detection; nothing is executed.
   */
  markerTexts?: Readonly<Record<string, RegExp>>;
  /**
   * Markers other generators share (GitBook's `SUMMARY.md`, which mdBook keeps in `src/` below its
   * `book.toml`): each counts only when no folder from the content directory up holds another marker.
   */
  weakMarkers?: readonly string[];
  /** Folders (relative to the site root) whose files the site serves at `/`. */
  staticDirs: readonly string[];
  /** Globs (relative to the content directory) of Markdown files the site does not publish. */
  exclude: readonly string[];
  /** A folder's index page names, lower-case, most specific first. */
  indexFiles: readonly string[];
  /**
   * Extensions (lower-case, no dot) the generator builds into pages from its content folder besides
   * `.md`/`.markdown`/`.mdx` (Hugo's `.html`, `.adoc`, `.rst` …). A file `pull` downloads never gets one.
   */
  pageExtensions?: readonly string[];
  /** Frontmatter keys that order a page among its siblings, most specific first (`order` is pylon-kb's). */
  orderKeys: readonly string[];
  /** Whether `01-intro.md` publishes as `intro` (Docusaurus) or keeps its number (Jekyll). */
  stripNumberPrefix: boolean;
  headingIds: HeadingIdRule;
  /** Frontmatter keys the generator (and its common themes and plugins) defines. */
  frontmatterKeys: readonly string[];
  /** Relative links are resolved from the file's folder, then from the docs root (Docusaurus). */
  linksFromDocsRoot: boolean;
  /** Raw-HTML `src`/`href` resolve against the page URL, not the file (MkDocs' directory URLs). */
  rawHtmlFromPageUrl: boolean;
  /** A link may name a label (an id on any page) instead of a file: MyST's `[text](label)`, `{ref}`. */
  labelLinks?: boolean;
  /**
   * The Markdown constructs the generator reads (its syntax preset, markdown/syntax/constructs.ts): only
   * these are rendered as constructs on its pages, the rest is text.
   */
  syntax: readonly Construct[];
  /**
   * Configuration files whose values pages read as `site` variables (Liquid's `{{ site.x }}`, Hugo's
   * `param`), in the order tried; the first that holds data is used.
   */
  variableFiles: readonly string[];
  /** How the generator reads its `variableFiles` (Hugo merges them); default: the first that holds data. */
  readVariables?(files: readonly SiteFile[]): Record<string, unknown> | undefined;
  /** How the generator resolves links beyond the shared rules. */
  links?: SiteLinkRules;
  /**
   * Configuration files to read, relative to the site root, when present; `{content}/` stands for the
   * content directory (`{content}/SUMMARY.md`).
   */
  configFiles: readonly string[];
  /**
   * File names read in every folder of the content directory (`_meta.ts`, `meta.json`): passed to
   * `readConfig` after the config files, with their paths relative to the site root.
   */
  navFiles?: readonly string[];
  page(input: PageInput, data: SiteData): PageInfo;
  /**
   * Markdown the site's layout shows from the page's frontmatter before its body (VitePress' home page:
   * hero and features), else undefined.
   */
  frontmatterMarkdown?(fields: Readonly<Record<string, unknown>>): string | undefined;
  readConfig(files: readonly SiteFile[], contentPrefix: string): SiteData;
}

export interface SiteLinkRules {
  /** The config setting that gives the site's address, named when none is found (`baseURL in hugo.toml`). */
  siteUrlKey?: string;
  /** Pages are served as folders (`/guides/setup/`), so relative URLs resolve inside the page's own URL. */
  directoryUrls?: boolean;
  /** Paths and URLs match whatever their case (Hugo lower-cases URLs and looks pages up so). */
  caseInsensitive?: boolean;
  /** A relative site-style path is tried from the content root too (Hugo's `ref`/`relref`, `GetPage`). */
  sitePathsFromContentRoot?: boolean;
  /** A relative file path may name a file of the static folders too (Hugo's global resources in `assets/`). */
  relativeFilesInStaticDirs?: boolean;
  /** A link to `page.md` names the page whatever its Markdown extension (Mintlify serves pages at `.md` URLs). */
  markdownUrls?: boolean;
  /**
   * The content directory is served at the site's root and a relative image path stays as written in the
   * page, so a path climbing above the root stops there, as a browser resolves it (Jekyll:
   * `../../assets/x.png` on `/docs/page.html` or `/docs/page/` loads `/assets/x.png`).
   */
  imagesClimbToRoot?: boolean;
}

export function emptySiteData(notes: string[] = []): SiteData {
  return { redirects: [], nav: [], exclude: [], settings: {}, notes };
}

/** pylon-kb's own order keys (`sidebar_position` it read from the start), read on every site. */
export const OWN_ORDER_KEYS = ['order', 'sidebar_position'] as const;

/** Keys every generator shares (and pylon-kb reads or tolerates). */
export const COMMON_KEYS = ['title', 'description', 'tags', 'keywords', 'slug', 'draft', 'date'] as const;

/** The site a docs tree belongs to, as the content step consumes it (pure data). */
export interface SiteContext {
  definition: SiteDefinition;
  data: SiteData;
  /** The site's static folders that exist, relative to the content directory (`../static`, `public`). */
  staticDirs: string[];
  /** How it was chosen: the marker file found, or the configured name. */
  detectedBy?: string;
  /** The site root relative to the content directory (`''`, `..`). */
  root: string;
  /** How the site's generator treats broken links and anchors, from its config (sites/strictness.ts). */
  strictness?: SiteStrictness;
  /** The site's import aliases with targets relative to the content directory (`@assets/` → `../../assets/`). */
  importAliases?: ImportAlias[];
}
