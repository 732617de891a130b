/** The report's whole stylesheet, inlined into the page (no external requests). */
export const REPORT_CSS = `
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
  --ins-bg: #c8f0d0; --ins-fg: #0a4a1a; --del-bg: #ffd5d3; --del-fg: #82071e; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
header, main, footer { max-width: 1280px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: 24px; }
nav { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 16px; font-size: 14px; }
a { color: var(--accent); }
.meta { color: var(--muted); margin: 0 0 12px; font-size: 14px; }
section { margin: 28px 0; }
h2 { font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 17px; margin: 0 0 4px; }
h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 14px 0 6px; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--bg-soft);
  padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 5px 9px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.summary-line { font-weight: 600; font-size: 16px; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: none; border-radius: 2px; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; border-radius: 2px; }
del + ins { margin-left: 3px; }
a:not([href]) { color: inherit; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 0 7px; border-radius: 10px;
  border: 1px solid currentColor; }
.badge.create { color: #1a7f37; } .badge.update { color: #9a6700; } .badge.move { color: #0969da; }
.badge.retire, .badge.error { color: #cf222e; } .badge.existing { color: var(--muted); }
.badge.warning, .badge.drift { color: #9a6700; }
.tree, .tree ul { list-style: none; padding-left: 22px; margin: 4px 0; }
.tree { padding-left: 0; }
.tree li { margin: 3px 0; }
.tree ul { border-left: 1px dashed var(--line); }
.from { color: var(--muted); font-size: 13px; }
.change { border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin: 18px 0; }
.word-diff { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg-soft); padding: 12px;
  border-radius: 6px; font: 13px/1.55 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; margin: 0 0 16px; }
.fold { color: var(--muted); font-style: italic; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.pane { border: 1px solid var(--line); border-radius: 6px; padding: 0 14px 8px; min-width: 0; }
.pane.before { border-top: 4px solid #cf222e; } .pane.after { border-top: 4px solid #1a7f37; }
.pane .body { overflow-wrap: anywhere; }
.pane .body pre { background: var(--bg-soft); padding: 8px; overflow-x: auto; }
.pane .body img { max-width: 100%; }
.pane .body table, .pane .body pre { display: block; max-width: 100%; overflow-x: auto; }
.translation-change { border-top: 1px dashed var(--line); margin-top: 14px; }
.img-placeholder { display: inline-block; border: 1px dashed var(--muted); color: var(--muted); padding: 0 6px;
  font-size: 13px; }
.diag { margin: 4px 0; } .hint { color: var(--muted); display: block; margin-left: 2em; }
.empty { color: var(--muted); }
details > summary { cursor: pointer; color: var(--accent); }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; padding: 12px 24px 32px; }
@media (max-width: 800px) { .side-by-side { grid-template-columns: 1fr; } }
`;
