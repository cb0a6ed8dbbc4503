/**
 * «Tabelle CUG» in report.html: each table of `cug` as the portal lays it out (groups over their
 * columns, totals in bold, percentages with two decimals and a comma), its source and notes, then
 * the tables the inputs cannot give with what each needs.
 */
import { Dossier } from '../../engine/schema/dossier';
import { cugCaption, cugSourceText, cugTables, hasCugTables, headerRows, percentPoints } from '../cug-layout';
import { dateIt } from '../labels';
import { esc } from './report';

/** The look of the CUG tables, added to the report's style sheet. */
export const CUG_CSS = `
.cug-table{overflow-x:auto}
.cug-table table{font-size:13px}
.cug-table tr.total td{font-weight:600;background:#f2f2f2}
.cug-table tr.to-fill td{font-style:italic;background:#fff8e1;color:#5c4400}
@media print{.cug-table{overflow:visible}.cug-table table{font-size:9px}}
`;

const number = (v: number) => v.toLocaleString('it-IT');
const points = (v: number) => percentPoints(v).toLocaleString('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function cugSection(d: Dossier): string {
  const cug = d.cug;
  if (!hasCugTables(cug)) return '';
  const when = cug.referenceDate ? ` al ${esc(dateIt(cug.referenceDate))}` : '';
  const parts = cugTables(cug).map(([key, t]) => {
    const { groups, headings } = headerRows(t);
    const labelCols = headings.length - t.columns.length;
    const twoLabels = t.rowHeadings.length >= 2;
    const head: string[] = [];
    const rowHeads = twoLabels ? t.rowHeadings.map((h) => `<th rowspan="${groups ? 2 : 1}">${esc(h)}</th>`).join('') : `<th rowspan="${groups ? 2 : 1}" colspan="${labelCols}">${esc(t.rowHeadings[0] ?? '')}</th>`;
    if (groups) {
      const spans: string[] = [];
      t.columns.forEach((c, i) => {
        if (i > 0 && t.columns[i - 1].group === c.group) return;
        let n = 1;
        while (i + n < t.columns.length && t.columns[i + n].group === c.group) n++;
        spans.push(`<th colspan="${n}" class="num">${esc(c.group ?? '')}</th>`);
      });
      head.push(`<tr>${rowHeads}${spans.join('')}</tr>`);
      head.push(`<tr>${t.columns.map((c) => `<th class="num">${esc(c.label)}</th>`).join('')}</tr>`);
    } else head.push(`<tr>${rowHeads}${t.columns.map((c) => `<th class="num">${esc(c.label)}</th>`).join('')}</tr>`);
    const body = t.rows.map((r) => {
      const cls = r.toFill ? ' class="to-fill"' : r.kind === 'detail' ? '' : ' class="total"';
      const labels = twoLabels ? r.labels.map((l) => `<td>${esc(l)}</td>`).join('') : `<td colspan="${labelCols}">${esc(r.labels[0] ?? '')}</td>`;
      const values = r.values.map((v, i) => `<td class="num">${v === null ? (r.toFill ? 'da completare' : '') : t.columns[i].kind === 'percent' || r.kind === 'percent' ? points(v) : number(v)}</td>`).join('');
      return `<tr${cls}>${labels}${values}</tr>`;
    });
    const notes = [`Fonte: ${cugSourceText(t)}.`, ...(t.notes ?? [])].map((n) => `<p class="meta">${esc(n)}</p>`).join('');
    return `<h3 id="cug-${esc(key)}">${esc(cugCaption(key, t))}</h3><div class="cug-table"><table><thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table></div>${notes}`;
  });
  const missing = cug.missing.length
    ? `<h3>Tabelle che i dati importati non permettono di calcolare</h3><table><thead><tr><th>Tabella</th><th>Titolo</th><th>Che cosa serve</th></tr></thead><tbody>${cug.missing
        .map((m) => `<tr><td>${esc(m.table === 'movimenti' ? '–' : m.table)}</td><td>${esc(m.title)}</td><td>${esc(m.needs)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const intro = `<p class="rule-doc">Le tabelle della Relazione annuale del CUG come le chiede il Portale CUG (percentuali in punti, con due decimali): sono anche nel foglio «Tabelle CUG» di PIAO.xlsx e in un file CSV ciascuna (<code>cug-1.1.csv</code>…), da incollare nel portale. Solo dati aggregati.</p>`;
  return `<section id="cug"><h2>Tabelle CUG${when}</h2>${intro}${parts.join('\n')}${missing}</section>`;
}
