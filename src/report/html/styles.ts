/**
 * The report's stylesheet. Pass and fail always carry a word or a mark besides their colour, so
 * the tables read in black and white and to colour-blind readers; print drops the navigation and
 * keeps charts whole on a page.
 */
export const REPORT_CSS = `
:root { --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #b42318; --fail-bg: #fde2e1; --warn-bg: #fff4ce; --na: #57606a; --na-bg: #eaeef2; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0 auto; padding: 0 24px 48px; max-width: 1500px; }
h1 { font-size: 24px; margin: 24px 0 8px; }
h2 { font-size: 19px; margin: 36px 0 8px; padding-top: 8px; border-top: 2px solid var(--line); }
p.lead { color: #444; max-width: 900px; margin: 4px 0 12px; }
nav { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid var(--line); z-index: 2; }
nav a { margin-right: 16px; color: #0969da; text-decoration: none; }
header.run dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
header.run dt { font-weight: 600; color: #57606a; }
header.run dd { margin: 0; }
ul.errors { margin: 2px 0; padding-left: 20px; }
.muted { color: #6e7781; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.evidence, .evidence { font-size: 12px; color: #333; }
td.verdict { min-width: 170px; }
.badge { display: inline-block; font-weight: 700; font-size: 12px; padding: 0 6px; border-radius: 4px; border: 1px solid currentColor; }
td.verdict.pass .badge { color: var(--pass); background: var(--pass-bg); }
td.verdict.fail .badge { color: var(--fail); background: var(--fail-bg); }
td.verdict.na .badge { color: var(--na); background: var(--na-bg); }
td.verdict.fail { background: #fff8f7; }
td.warn { background: var(--warn-bg); }
.harness-warning { background: var(--warn-bg); padding: 0.3em 0.5em; margin: 0.3em 0 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 20px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px; break-inside: avoid; }
figure.chart h3 { font-size: 15px; margin: 0 0 6px; }
.canvas-box { position: relative; height: 360px; }
figcaption { font-size: 12px; color: #444; margin-top: 6px; }
table.grid td.cell { min-width: 110px; padding: 2px 6px; }
table.grid tr.case-start > * { border-top: 2px solid #8c959f; }
table.grid th.case { background: #f6f8fa; }
td.cell.pass { background: var(--pass-bg); }
td.cell.fail { background: var(--fail-bg); }
td.cell.mixed { background: var(--warn-bg); }
td.cell.error { background: #eaeef2; }
td.cell summary { cursor: pointer; font-weight: 600; white-space: nowrap; }
.repeats { min-width: 380px; max-width: 640px; }
article.repeat { border-top: 1px dashed var(--line); padding: 4px 0; }
article.repeat h4 { margin: 4px 0; font-size: 12px; }
.reason { margin: 2px 0; font-size: 12px; }
.label { font-size: 11px; text-transform: uppercase; color: #6e7781; margin-top: 4px; }
pre { white-space: pre-wrap; word-break: break-word; background: #fff; border: 1px solid var(--line); padding: 4px 6px; margin: 2px 0; font-size: 12px; max-height: 320px; overflow: auto; }
footer { margin-top: 40px; font-size: 12px; color: #6e7781; }
@media print {
  nav { display: none; }
  body { max-width: none; padding: 0; }
  .charts { grid-template-columns: 1fr; }
  thead th { position: static; }
}
`;
