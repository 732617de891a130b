import { calloutLabelsCss } from './labels.js';

/** The help center's one stylesheet: readable type for everything the renderer produces, no web fonts. */
export const SITE_CSS = `
:root {
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #2456c9;
  --accent-soft: #eef3fd; --note: #2456c9; --tip: #1a7f37; --important: #8250df; --warning: #9a6700;
  --caution: #cf222e; --draft: #9a6700; --draft-soft: #fff8c5;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: #fff; font: 16px/1.6 system-ui, -apple-system, "Segoe UI",
  Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.site-header { background: #0f1b33; color: #fff; }
.site-header .inner {
  max-width: 1200px; margin: 0 auto; padding: 12px 24px; display: flex; gap: 20px; align-items: center;
  flex-wrap: wrap;
}
.brand { color: #fff; font-weight: 700; font-size: 1.15rem; margin-right: auto; }
.search { display: flex; gap: 6px; }
.search input {
  width: 260px; padding: 7px 10px; border-radius: 6px; border: 1px solid #3b4a6b; background: #1b2947;
  color: #fff; font: inherit; font-size: .95rem;
}
.search input::placeholder { color: #a8b3c9; }
.search button, .languages a, .languages span {
  padding: 7px 12px; border-radius: 6px; border: 1px solid #3b4a6b; background: #24365c; color: #fff;
  font: inherit; font-size: .9rem; cursor: pointer;
}
.languages ul { display: flex; gap: 6px; list-style: none; margin: 0; padding: 0; }
.languages span[aria-current] { background: #fff; color: #0f1b33; border-color: #fff; font-weight: 600; }
.languages a:hover { text-decoration: none; background: #31487a; }
.preview-banner {
  background: var(--draft-soft); color: #4d3800; border-bottom: 1px solid #e7d58a; padding: 8px 24px;
  text-align: center; font-size: .92rem;
}
.layout {
  max-width: 1200px; margin: 0 auto; padding: 28px 24px 48px; display: grid;
  grid-template-columns: 260px minmax(0, 1fr); gap: 40px;
}
.layout.single { grid-template-columns: minmax(0, 1fr); }
@media (max-width: 820px) { .layout { grid-template-columns: minmax(0, 1fr); } .sidebar { order: 2; } }
main { min-width: 0; }
.sidebar { font-size: .93rem; border-right: 1px solid var(--line); padding-right: 20px; }
.sidebar ul { list-style: none; margin: 0; padding: 0; }
.sidebar ul ul { margin: 4px 0 8px 12px; padding-left: 10px; border-left: 1px solid var(--line); }
.sidebar li { margin: 2px 0; }
.sidebar li > a, .sidebar li > span { display: inline-block; padding: 3px 6px; border-radius: 5px; color: var(--text); }
.sidebar li.open > a, .sidebar li.collapsed > a, .sidebar li > span { font-weight: 600; }
.sidebar li.article > a { font-weight: 400; color: var(--muted); }
.sidebar a[aria-current] { background: var(--accent-soft); color: var(--accent) !important; font-weight: 600; }
.breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 14px; padding: 0; font-size: .9rem; color: var(--muted); }
.breadcrumbs li + li::before { content: "›"; margin-right: 6px; color: #8c959f; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 .6em; font-weight: 650; }
h1 { font-size: 2rem; margin-top: 0; }
h2 { font-size: 1.45rem; padding-bottom: .25em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.2rem; } h4 { font-size: 1.05rem; }
.hero { padding: 8px 0 12px; }
.lead { font-size: 1.1rem; color: var(--muted); margin-top: -4px; }
.cards { list-style: none; padding: 0; margin: 24px 0; display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); }
.card a {
  display: flex; flex-direction: column; height: 100%; padding: 18px 20px; border: 1px solid var(--line);
  border-radius: 10px; color: var(--text); background: #fff; transition: border-color .15s, box-shadow .15s;
}
.card a:hover { text-decoration: none; border-color: var(--accent); box-shadow: 0 2px 10px rgba(36, 86, 201, .12); }
.card h2 { margin: 0 0 6px; font-size: 1.1rem; border: 0; padding: 0; color: var(--accent); }
.card p { margin: 0 0 10px; color: var(--muted); font-size: .93rem; flex: 1; }
.card .count { font-size: .82rem; color: var(--muted); }
.article-list { padding-left: 0; list-style: none; border-top: 1px solid var(--line); margin: 20px 0; }
.article-list li { padding: 10px 4px; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); font-size: .9rem; margin: -6px 0 22px; }
.badge { display: inline-block; vertical-align: middle; font-size: .72rem; font-weight: 600; padding: 2px 8px; border-radius: 99px; letter-spacing: .02em; }
h1 .badge { font-size: .8rem; }
.badge-draft { background: var(--draft-soft); color: var(--draft); border: 1px solid #e7d58a; }
.draft-notice { background: var(--draft-soft); border: 1px solid #e7d58a; border-radius: 8px; padding: 10px 14px; color: #4d3800; }
.empty { color: var(--muted); }
.article-body { max-width: 760px; overflow-wrap: break-word; }
.article-body > :first-child { margin-top: 0; }
.article-body p, .article-body ul, .article-body ol, .article-body dl, .article-body pre,
.article-body table, .article-body blockquote, .article-body details, .article-body figure { margin: 0 0 1em; }
.article-body ul, .article-body ol { padding-left: 1.6em; }
.article-body li + li { margin-top: .25em; }
.article-body li > p { margin: .25em 0; }
.article-body img, .article-body video { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; }
.article-body hr { border: 0; border-top: 1px solid var(--line); margin: 2em 0; }
code, kbd, pre, samp { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; }
:not(pre) > code { background: #eff1f3; padding: .15em .4em; border-radius: 5px; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: .05em .4em; background: var(--soft); }
pre { background: #0f1b33; color: #e6edf3; padding: 14px 16px; border-radius: 8px; overflow-x: auto; line-height: 1.5; }
pre code { background: none; padding: 0; color: inherit; font-size: .86rem; }
p.code-title { margin: 0; padding: 6px 16px; background: #1c2a47; color: #c9d4e3; border-radius: 8px 8px 0 0; font-size: .82rem; }
p.code-title code { background: none; padding: 0; color: inherit; }
p.code-title + pre { border-top-left-radius: 0; border-top-right-radius: 0; }
.article-body table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; font-size: .94rem; }
.article-body th, .article-body td { border: 1px solid var(--line); padding: 7px 12px; vertical-align: top; }
.article-body th:not([align]) { text-align: left; }
.article-body th { background: var(--soft); font-weight: 600; }
.article-body tr:nth-child(2n) td { background: #fbfcfd; }
blockquote { margin-left: 0; padding: .4em 1em; color: var(--muted); border-left: 4px solid var(--line); }
blockquote > :last-child { margin-bottom: 0; }
blockquote.callout { color: var(--text); border-left-color: var(--note); background: #f3f6fd; border-radius: 0 8px 8px 0; padding: .75em 1em; }
blockquote.callout::before { display: block; font-weight: 700; margin-bottom: .3em; color: var(--note); }
blockquote.callout-note::before { content: "Note"; }
blockquote.callout-tip { border-left-color: var(--tip); background: #effaf2; } blockquote.callout-tip::before { content: "Tip"; color: var(--tip); }
blockquote.callout-important { border-left-color: var(--important); background: #f6f1fe; } blockquote.callout-important::before { content: "Important"; color: var(--important); }
blockquote.callout-warning { border-left-color: var(--warning); background: #fff8e6; } blockquote.callout-warning::before { content: "Warning"; color: var(--warning); }
blockquote.callout-caution { border-left-color: var(--caution); background: #fff0ef; } blockquote.callout-caution::before { content: "Caution"; color: var(--caution); }
details { border: 1px solid var(--line); border-radius: 8px; padding: .5em 1em; background: #fff; }
details[open] { padding-bottom: .8em; }
summary { cursor: pointer; font-weight: 600; margin: -.5em -1em; padding: .5em 1em; }
details[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: .8em; }
.article-body .contains-task-list { list-style: none; padding-left: .4em; }
.article-body sup a, .footnotes { font-size: .88rem; }
.footnotes { color: var(--muted); border-top: 1px solid var(--line); margin-top: 2em; }
.results { list-style: none; padding: 0; }
.result { padding: 14px 0; border-bottom: 1px solid var(--line); }
.result > a { font-size: 1.08rem; font-weight: 600; }
.result .where { display: block; font-size: .85rem; color: var(--muted); }
.result p { margin: 6px 0 0; color: var(--muted); font-size: .94rem; }
mark { background: #fff3b0; color: inherit; padding: 0 2px; border-radius: 3px; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; text-align: center; padding: 18px; }
body.admin main { max-width: 1200px; }
.toc { margin-bottom: 16px; }
.table-scroll { overflow-x: auto; margin-bottom: 20px; }
body.admin table { border-collapse: collapse; width: 100%; font-size: .9rem; }
body.admin caption { text-align: left; color: var(--muted); font-size: .85rem; padding: 4px 0; }
body.admin th, body.admin td { border-bottom: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
body.admin th { background: var(--soft); }
.status { font-weight: 600; } .status.s2 { color: var(--tip); } .status.s3 { color: var(--accent); } .status.s4 { color: var(--warning); } .status.s5 { color: var(--caution); }
${calloutLabelsCss()}`;
