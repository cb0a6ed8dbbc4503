/**
 * The report's stylesheet, inlined in report.html (no external file, no web font). Every text
 * colour reads at 4.5:1 or more on its background (tests/e2e/report-chromium.test.ts measures it);
 * printed, the page is A4 and sections flow from page to page (no section is pushed whole to the
 * next page, which left half pages empty), while headings stay with what follows them and table
 * rows, charts and notes are not split.
 */
export const REPORT_CSS = `
:root { --ink: #1d2433; --muted: #5b6474; --line: #d9dee7; --bg: #f6f7fa; --accent: #1f3864;
  --error: #c62828; --error-bg: #ffe3e0; --warning: #8a6100; --warning-bg: #fff4cc; --info: #1f5f99; --info-bg: #e1eef9; --ok: #256b29; --ok-bg: #e3f3e4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: var(--bg); }
a { color: #0b57a8; }
header { background: var(--accent); color: #fff; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; color: #e8ecf4; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 32px 48px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 24px; margin: 20px 0; }
h2 { margin: 0 0 12px; font-size: 20px; color: var(--accent); }
h3 { margin: 18px 0 8px; font-size: 16px; }
h4 { margin: 14px 0 2px; font-size: 15px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 150px; }
.card b { display: block; font-size: 26px; }
.card.error b { color: var(--error); } .card.warning b { color: var(--warning); } .card.info b { color: var(--info); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f6; font-weight: 600; }
table.findings { table-layout: fixed; }
table.findings th:nth-child(1) { width: 22%; } table.findings th:nth-child(2) { width: 13%; } table.findings th:nth-child(3) { width: 15%; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nd, th.nd { color: var(--muted); font-style: italic; }
td.flagged, th.flagged { background: var(--error-bg); }
sup a { text-decoration: none; font-weight: 600; padding-left: 2px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.badge.error { background: var(--error-bg); color: var(--error); }
.badge.warning { background: var(--warning-bg); color: var(--warning); }
.badge.info { background: var(--info-bg); color: var(--info); }
.badge.ok { background: var(--ok-bg); color: var(--ok); }
.badge.failed { background: var(--error-bg); color: var(--error); }
.rule-doc { color: var(--muted); margin: 0 0 4px; }
.cell-text { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
code.assigned { color: #4a5565; font-style: italic; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 20px; }
ul.tree { padding-left: 0; }
ul.tree li { margin: 3px 0; }
ul.tree ul { border-left: 1px dashed var(--line); margin-left: 6px; }
ul.tree li.flagged { border-left: 4px solid var(--info); padding-left: 6px; }
ul.tree li.flagged.error { border-left-color: var(--error); }
ul.tree li.flagged.warning { border-left-color: #d39e00; }
ul.tree li:target { background: var(--warning-bg); }
.lvl { display: inline-block; min-width: 92px; font-size: 12px; color: var(--muted); }
.meta { color: var(--muted); font-size: 13px; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
.pap-table { flex: 1 1 420px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px; background: #fff; max-width: 100%; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; margin: 0 0 4px 4px; }
.chart-note { color: var(--muted); font-size: 13px; margin: 4px; max-width: 540px; }
ol.pap-notes { margin: 4px 0; padding-left: 24px; font-size: 14px; }
ol.pap-notes li { margin: 2px 0; }
ol.pap-notes li:target { background: var(--warning-bg); }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 13px; text-align: center; padding: 0 0 24px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 12px; }
  header { color: #000; background: #fff; padding: 0 0 8px; border-bottom: 2px solid var(--accent); }
  header p { color: var(--ink); }
  main { max-width: none; padding: 0; }
  section { border: 0; border-radius: 0; padding: 0; margin: 16px 0 0; }
  h2, h3, h4, figcaption, .rule-doc { break-after: avoid; }
  table { font-size: 11px; }
  thead { display: table-header-group; }
  tr, figure, ol.pap-notes li, .card { break-inside: avoid; }
  .charts { display: block; }
  .pap-table { margin-bottom: 8px; }
  figure { display: inline-block; vertical-align: top; margin: 0 8px 8px 0; }
  a { color: var(--ink); text-decoration: none; }
}
`;
