import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Visibility } from '../pylon-api/index.js';
import type { SiteContext } from '../sites/types.js';

/** A file of the docs tree, read by the I/O edge and handed to the pure core. */
export interface SourceFile {
  /** Path relative to the content directory, posix separators, e.g. `guides/setup.md`. */
  path: string;
  text: string;
  /**
   * The file's bytes are not valid UTF-8: its undecodable bytes became U+FFFD in `text`. A U+FFFD written
   * in a valid file is a character like any other (a page may show it on purpose).
   */
  undecodable?: boolean;
}

/** A folder of the docs tree: becomes a Pylon collection. */
export interface LocalCollection {
  /** Folder path relative to the content directory, posix, e.g. `guides/advanced`. Never empty. */
  key: string;
  parentKey: string | null;
  title: string;
  slug: string;
  description?: string;
  order?: number;
  /** The metadata file the title/description came from, when there is one. */
  source?: { path: string; line?: number };
}

/** A value from frontmatter with the line it was written on, for diagnostics. */
export interface Located<T> {
  value: T;
  line: number;
}

/** One Markdown document, parsed (frontmatter validated) but not yet rendered. */
export interface LocalDoc {
  /** Frontmatter `id` when present, else the path without its `.md` / `.markdown` extension. */
  key: string;
  /** Source path relative to the content directory. */
  path: string;
  collectionKey: string | null;
  title: string;
  slug: string;
  author?: Located<string>;
  published: boolean;
  unlisted: boolean;
  visibility?: Visibility;
  order?: number;
  redirectFrom: string[];
  /** Frontmatter `description`, when given (Pylon articles have no such field; reports may show it). */
  description?: string;
  /** Frontmatter `pulled_from`: the Pylon article `pylon-kb pull` wrote this file from. */
  pulledFrom?: PulledFrom;
  /** The Markdown body after the frontmatter. */
  markdown: string;
  /** 1-based line of the first body line in the file (frontmatter lines come before). */
  bodyStartLine: number;
  /** The frontmatter values (Liquid's `{{ page.x }}`). */
  frontmatter?: Readonly<Record<string, unknown>>;
  /** URL paths the site generator serves the page at (`/docs/setup`): site-style links to them resolve. */
  siteUrls?: string[];
  /** The page is its folder's index page (the collection's landing page). */
  isIndex?: boolean;
  /** How the slug was derived when the file name alone was not unique (shown in the plan). */
  slugNote?: string;
}

/** Where `pylon-kb pull` took a document from (see content/pulled-from.ts). */
export interface PulledFrom {
  articleId: string;
  /** Local file reference (as written in the document) → the Pylon URL it was downloaded from. */
  files: Record<string, string>;
  /** Text digest of the Pylon body the file was pulled from (older pulls did not record it). */
  text?: string;
}

export interface ContentTree {
  collections: LocalCollection[];
  docs: LocalDoc[];
  diagnostics: Diagnostic[];
  /** Documents that are not published because their frontmatter has errors (links to them say so). */
  invalid?: InvalidDoc[];
  /** Markdown files the include/exclude rules (or the site) leave out (links to them say so). */
  excluded?: string[];
  /** The site conventions the tree was read with. */
  site?: SiteContext;
}

/** A Markdown file with frontmatter errors: not published, but its body is still checked. */
export interface InvalidDoc {
  path: string;
  /** First line of its first error. */
  line: number;
  /** Its body, when it could be told from the frontmatter: still checked for its own problems. */
  body?: { markdown: string; bodyStartLine: number };
}

/** A link from a document to another document of the tree (its href is an article placeholder). */
export interface LinkRef {
  /** Key of the target document. */
  targetKey: string;
  /** Heading id on the target page, when the link has a fragment. */
  anchor?: string;
  line: number;
  column?: number;
}

/** A local file a document embeds or links to (its src/href is an asset placeholder). */
export interface AssetRef {
  /** Path relative to the content directory. */
  path: string;
  sha256: string;
  size: number;
  contentType: string;
  line: number;
}

/** A file of the docs tree that documents refer to, read by the I/O edge (no bytes: apply reads them). */
export interface AssetInfo {
  path: string;
  sha256: string;
  size: number;
  contentType: string;
}

/** `name.<lang>.md` beside `name.md`: a translation of that document. */
export interface DesiredTranslation {
  language: string;
  path: string;
  title: string;
  /** Rendered HTML with placeholders, without the marker. */
  html: string;
  digest: string;
  /** `textDigest` of `html`, computed once with the rendering (links and placeholders do not change it). */
  textDigest?: string;
  links: LinkRef[];
  assets: AssetRef[];
}

/** What a document's article keeps of it as parsed: its identity, place, title and frontmatter settings. */
type ArticleFields =
  | 'key'
  | 'path'
  | 'collectionKey'
  | 'title'
  | 'slug'
  | 'author'
  | 'published'
  | 'unlisted'
  | 'visibility'
  | 'order'
  | 'redirectFrom';

/** A document ready to publish: rendered HTML and a digest of everything pylon-kb sends for it. */
export interface DesiredArticle extends Pick<LocalDoc, ArticleFields> {
  /**
   * Rendered, sanitised HTML, without the pylon-kb marker. Links to other documents and local files are
   * placeholders (see identity/placeholders.ts) until plan and apply know their URLs.
   */
  html: string;
  /** sha256 (hex) of the rendered HTML and title: what changed locally. */
  digest: string;
  /**
   * `textDigest` of `html` (identity/text-digest.ts), computed once with the rendering and cached with it:
   * resolving links and substituting placeholders only changes `href`/`src` values, never the visible text.
   * Absent in hand-built states: then it is computed when needed.
   */
  textDigest?: string;
  /** Links to other documents (for ordering creates and for updates when a target moves). */
  links?: LinkRef[];
  /** Local files to upload. */
  assets?: AssetRef[];
  translations?: DesiredTranslation[];
  /** The Pylon article to adopt in place, and the Pylon URLs of its files by digest (from `pulled_from`). */
  pulledFrom?: { articleId: string; assetUrls: Record<string, string>; text?: string };
}

export interface DesiredState {
  collections: LocalCollection[];
  articles: DesiredArticle[];
  diagnostics: Diagnostic[];
  /** The site generator whose conventions were used, and what was read from its config. */
  site?: { name: string; label: string; detectedBy?: string; notes: string[] };
}
