/** The report's stylesheet, inlined in report.html (no external file, no web font). */
export const REPORT_CSS = `
:root { --ink: #1d2433; --muted: #5b6474; --line: #d9dee7; --bg: #f6f7fa; --accent: #1f3864;
  --error: #c62828; --error-bg: #ffe3e0; --warning: #8a6100; --warning-bg: #fff4cc; --info: #1f5f99; --info-bg: #e1eef9; --ok: #2e7d32; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: var(--bg); }
header { background: var(--accent); color: #fff; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; opacity: .85; }
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
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.error { background: var(--error-bg); color: var(--error); }
.badge.warning { background: var(--warning-bg); color: var(--warning); }
.badge.info { background: var(--info-bg); color: var(--info); }
.badge.ok { background: #e3f3e4; color: var(--ok); }
.badge.failed { background: var(--error-bg); color: var(--error); }
.rule-doc { color: var(--muted); margin: 0 0 4px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
code.assigned { color: #4a5565; font-style: italic; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 20px; }
ul.tree { padding-left: 0; }
ul.tree li { margin: 3px 0; }
ul.tree ul { border-left: 1px dashed var(--line); margin-left: 6px; }
.lvl { display: inline-block; min-width: 92px; font-size: 12px; color: var(--muted); }
.meta { color: var(--muted); font-size: 13px; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px; background: #fff; }
figcaption { font-weight: 600; margin: 0 0 4px 4px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 13px; text-align: center; padding: 0 0 24px; }
@media print { body { background: #fff; } section { break-inside: avoid; border: 0; } header { color: #000; background: #fff; } }
`;
