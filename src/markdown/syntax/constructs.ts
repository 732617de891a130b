/**
 * The Markdown constructs beyond CommonMark/GFM that a page may use, by name. The renderer knows these
 * constructs, never the site generators: a site definition (src/sites/<generator>/) lists the ones its
 * generator reads as its *preset*, and every recognizer and step tests membership
 * (`syntax.has('mkdocs-admonitions')`), so `!!! note` on a Docusaurus page stays text.
 *
 * Not listed here (on for every page until they are registered as constructs): fence info and code titles
 * written as `title="…"`/`[…]`, attribute lists, abbreviations, emoji, marks, keys, `{:toc}`, GitBook's
 * editor HTML and MDX compatibility rewrites, include directives.
 */
export const CONSTRUCTS = [
  /** `:::type[title]` containers (Docusaurus admonitions, VitePress custom containers). */
  'colon-containers',
  /** mkdocstrings' `::: package.module.Object` (API docs from source): the identifier is kept as code. */
  'autodoc-identifiers',
  /** `!!! note` / `??? note` (Python-Markdown admonition, pymdownx.details). */
  'mkdocs-admonitions',
  /** `=== "Tab"` (pymdownx.tabbed). */
  'mkdocs-content-tabs',
  /** `term` / `: definition` (kramdown, Python-Markdown def_list, Goldmark). */
  'definition-lists',
  /** A definition's further lines continue at four columns, not at its text's column (Python-Markdown). */
  'definitions-at-four-columns',
  /** `<div markdown="1">` and block-level HTML read the way kramdown and md_in_html read them. */
  'markdown-in-html',
  /** Liquid tags `{% … %}`, paired and inline. */
  'liquid-tags',
  /** Liquid output `{{ site.x | filter }}`, evaluated against the site and page variables. */
  'liquid-output',
  /** Liquid runs over the whole page before Markdown, fenced code included (Jekyll). */
  'liquid-in-code',
  /** Liquid logic, output and `{% include %}` of the site's `_includes` are evaluated by a Liquid engine (Jekyll's way). */
  'liquid-templates',
  /** Hugo shortcodes `{{< name >}}` / `{{% name %}}`, paired and inline. */
  'hugo-shortcodes',
  /** Shortcodes are expanded in fenced code too (Hugo runs them before Markdown). */
  'hugo-shortcodes-in-code',
  /** Vue's `{{ $frontmatter.x }}` interpolation; any other `{{ expression }}` is removed with a warning. */
  'vue-interpolation',
  /** Vue's `<template #slot>` (and `v-if` / `v-for` fragments): its content is shown (vue-templates.ts). */
  'vue-templates',
  /** MkDocs Material's code annotations (`# (1)!` markers in code). */
  'code-annotations',
  /** Shiki's notation comments in code (`// [!code ++]`, `# [!code focus]`), removed as Shiki removes them. */
  'shiki-notations',
  /** Docusaurus' magic comments in code (`// highlight-next-line`), removed as Docusaurus removes them. */
  'magic-comments',
  /** A fence's meta words that are not options are the code block's title (`` ```js app.js ``). */
  'meta-code-titles',
  /** `caution` is a milder `warning` (Docusaurus, MkDocs …); without it `caution` keeps GitHub's meaning. */
  'caution-as-warning',
  /** `.md` files are parsed with the MDX grammar, and MDX-only syntax in them is accepted. */
  'md-as-mdx',
  /** mdBook's links preprocessor beyond includes: `\\{{#…}}` escapes (in code too) and `{{#title}}`. */
  'mdbook-links',
  /** mdBook's code blocks: `rust,editable` attributes after the language; hidden `# ` lines in Rust (`##` shows `#`). */
  'mdbook-hidden-lines',
  /** The Rust book's `<Listing number file-name caption>` around a listing. */
  'mdbook-listings',
  /** `## Title [#my-id]`: a heading's own id in brackets at its end (Nextra 4, Fumadocs). */
  'bracket-heading-ids',
  /** Fumadocs MDX's `<include>file</include>`: the file in the page's place (mdx-include.ts). */
  'fumadocs-include',
  /** MyST directives: ```` ```{note} ```` and colon fences `:::{note}`, rendered by name (myst-directives.ts). */
  'myst-directives',
  /** MyST roles `` {ref}`label` `` and targets `(label)=` before a block. */
  'myst-roles',
  /** `[text]{#id .class}` spans (MyST attrs_inline, Pandoc): the text is kept, the attributes removed. */
  'bracketed-spans',
  /** MyST substitutions `{{ key }}` from the frontmatter's `substitutions` and conf.py's `myst_substitutions`. */
  'myst-substitutions',
] as const;

export type Construct = (typeof CONSTRUCTS)[number];

/** The constructs one page may use. */
export type SyntaxPreset = ReadonlySet<Construct>;

/**
 * The preset of a page rendered without a site generator: the container syntaxes of every generator
 * are read (pylon-kb's own conventions before sites were detected), nothing that evaluates templates
 * or changes a construct's meaning.
 */
export const DEFAULT_CONSTRUCTS: readonly Construct[] = [
  'colon-containers',
  'mkdocs-admonitions',
  'mkdocs-content-tabs',
  'definition-lists',
  'liquid-tags',
  'hugo-shortcodes',
];

export const DEFAULT_SYNTAX: SyntaxPreset = new Set(DEFAULT_CONSTRUCTS);

/** A stable text for a preset, for cache keys. */
export function presetKey(preset: SyntaxPreset): string {
  return [...preset].sort().join('+');
}
