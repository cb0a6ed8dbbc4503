/**
 * report.html: one self-contained, offline page in Italian for a dossier: its sources, the findings
 * grouped by severity and rule, the objectives tree and the PAP statistics with charts. CSS and SVG
 * are inline; the page has no script, no font, no image and no URL to fetch.
 */
import { Dossier, Finding, PapStatistics, Severity } from '../../engine/schema/dossier';
import { ruleById } from '../../engine/rules/registry';
import { formatNumberIt } from '../../engine/rules/rule';
import { Mapping } from '../../engine/mapping/schema';
import { FAMILY_IT, columnRoleIt } from '../../engine/mapping/role-names';
import { writeFileAtomic } from '../atomic';
import { CATEGORIES, CATEGORY_IT, dateIt, KIND_IT, LEVEL_IT, SEVERITIES, SEVERITY_IT, severityCount } from '../labels';
import { papRowLabel } from '../piao-sheets';
import { categoryChart, smartWorkingChart, turnoverChart } from './charts';
import { REPORT_CSS } from './style';
import { objectiveTree, TreeNode } from './tree';
import { CUG_CSS, cugSection } from './cug-section';

export interface ReportOptions {
  /** Name of the dossier (the entity or folder). */
  title: string;
  /** Annotated copy of each source, relative to the report. */
  annotated?: Map<string, string>;
  /** How each sheet was read (mappatura.json). */
  mapping?: Mapping;
}

export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const num = (n: number) => formatNumberIt(n);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${formatNumberIt(Math.round(v * 1000) / 10)}%`);

function fileLink(file: string, annotated?: Map<string, string>): string {
  const target = annotated?.get(file);
  if (!target) return `<code>${esc(file)}</code>`;
  const href = target.split('/').map(encodeURIComponent).join('/');
  return `<a href="${esc(href)}" title="Apri la copia annotata"><code>${esc(file)}</code></a>`;
}

function summaryCards(d: Dossier): string {
  const failed = d.sources.filter((s) => s.status === 'failed').length;
  const count = (s: Severity) => d.findings.filter((f) => f.severity === s).length;
  const read = d.sources.length - failed;
  const cards = [
    `<div class="card"><b>${read}</b>${read === 1 ? 'file letto' : 'file letti'}</div>`,
    failed ? `<div class="card error"><b>${failed}</b>${failed === 1 ? 'file non letto' : 'file non letti'}</div>` : '',
    `<div class="card"><b>${d.objectives.length}</b>obiettivi</div>`,
    `<div class="card"><b>${num(d.pap.headcount.total)}</b>persone in servizio</div>`,
    ...SEVERITIES.map((s) => `<div class="card ${s}"><b>${count(s)}</b>${severityCount(count(s), s).replace(/^\d+ /, '')}</div>`),
  ];
  return `<div class="cards">${cards.join('')}</div>`;
}

function sourcesSection(d: Dossier, annotated?: Map<string, string>): string {
  const rows = d.sources.map((s) => {
    const status = s.status === 'ok' ? '<span class="badge ok">letto</span>' : '<span class="badge failed">non letto</span>';
    const sheets = s.sheets.map((sh) => `${esc(sh.name)} <span class="meta">(${esc(KIND_IT[sh.kind])}${sh.referenceDate ? `, al ${esc(dateIt(sh.referenceDate))}` : ''})</span>`).join('<br>');
    const findings = d.findings.filter((f) => f.file === s.file).length;
    return `<tr><td>${fileLink(s.file, s.status === 'ok' ? annotated : undefined)}</td><td>${status}</td><td>${sheets || (s.error ? esc(s.error) : '')}</td><td class="num">${findings}</td></tr>`;
  });
  return `<section id="fonti"><h2>Fonti</h2>
<table><thead><tr><th>File</th><th>Esito</th><th>Fogli (o motivo)</th><th class="num">Segnalazioni</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function findingsSection(d: Dossier, annotated?: Map<string, string>): string {
  if (d.findings.length === 0) return `<section id="anomalie"><h2>Anomalie</h2><p class="empty">Nessuna anomalia: i fogli sono coerenti con tutti i controlli.</p></section>`;
  const parts: string[] = [];
  for (const sev of SEVERITIES) {
    const ofSev = d.findings.filter((f) => f.severity === sev);
    if (!ofSev.length) continue;
    parts.push(`<h3><span class="badge ${sev}">${SEVERITY_IT[sev]}</span> ${severityCount(ofSev.length, sev)}</h3>`);
    const rules = [...new Set(ofSev.map((f) => f.rule))].sort();
    for (const rule of rules) {
      const list = ofSev.filter((f) => f.rule === rule);
      const doc = ruleById(rule)?.docs.it ?? '';
      parts.push(`<h4><code>${esc(rule)}</code> (${list.length})</h4>${doc ? `<p class="rule-doc">${esc(doc)}</p>` : ''}`);
      parts.push(`<table><thead><tr><th>File</th><th>Foglio</th><th>Cella</th><th>Messaggio</th></tr></thead><tbody>${list.map((f) => findingRow(f, annotated)).join('')}</tbody></table>`);
    }
  }
  return `<section id="anomalie"><h2>Anomalie</h2>${parts.join('\n')}</section>`;
}

function findingRow(f: Finding, annotated?: Map<string, string>): string {
  const related = f.related?.length ? `<div class="meta">Celle collegate: ${f.related.map((p) => esc(p.file === f.file && p.sheet === f.sheet ? p.cell : `${p.sheet}!${p.cell}`)).join(', ')}</div>` : '';
  return `<tr><td>${fileLink(f.file, annotated)}</td><td>${esc(f.sheet)}</td><td><code>${esc(f.cell)}</code></td><td>${esc(f.message)}${related}</td></tr>`;
}

function treeItem(n: TreeNode): string {
  const o = n.objective;
  const meta = [o.structure, o.responsible, weightText(o), o.programme ? `programma ${o.programme}` : o.mission ? `missione ${o.mission}` : '']
    .filter(Boolean)
    .map((x) => esc(x!))
    .join(' · ');
  const children = n.children.length ? `<ul>${n.children.map(treeItem).join('')}</ul>` : '';
  const code = o.codeAssigned ? `<code class="assigned" title="Codice assegnato: la tabella non stampa codici">${esc(o.code)}</code>` : `<code>${esc(o.code)}</code>`;
  return `<li><span class="lvl">${esc(LEVEL_IT[o.level])}</span> ${code} ${esc(o.title)}${meta ? ` <span class="meta">(${meta})</span>` : ''}${children}</li>`;
}

/** The weight as the table prints it: a percentage, a coefficient, or one per manager. */
function weightText(o: Dossier['objectives'][number]): string {
  if (o.weights?.length) return `pesi: ${o.weights.map((w) => `${w.manager} ${num(w.weight)}`).join(', ')}`;
  if (o.weight === undefined) return '';
  return o.weightKind === 'coefficient' ? `coefficiente ${num(o.weight)}` : `peso ${num(o.weight)}%`;
}

function objectivesSection(d: Dossier): string {
  if (d.objectives.length === 0) return `<section id="obiettivi"><h2>Albero degli obiettivi</h2><p class="empty">Nessuna tabella di obiettivi nel dossier.</p></section>`;
  return `<section id="obiettivi"><h2>Albero degli obiettivi</h2><ul class="tree">${objectiveTree(d.objectives).map(treeItem).join('')}</ul></section>`;
}

function figure(caption: string, svg: string | null): string {
  if (!svg) return '';
  return `<figure role="img" aria-label="${esc(caption)}"><figcaption>${esc(caption)}</figcaption>${svg}</figure>`;
}

/** "12 (26,1%)": a count with its share, when it has one. */
const withShare = (n: number, s?: number | null) => (s === undefined ? num(n) : `${num(n)} (${pct(s)})`);

/** The cells Donne / Uomini of a figure, with the share of each when given: «–» when the source gives only the total, never 0. */
function genderCells(x: { F: number; M: number; byGender?: boolean }, tag: 'td' | 'th' = 'td', shareF?: number | null, shareM?: number | null): string {
  const cell = (text: string) => `<${tag} class="num">${text}</${tag}>`;
  return x.byGender === false ? cell('–') + cell('–') : cell(withShare(x.F, shareF)) + cell(withShare(x.M, shareM));
}

/** A row label, with the note when the figures have no gender. */
function figureLabel(label: string, x: { byGender?: boolean }): string {
  return esc(papRowLabel(label, x.byGender === false));
}

function papTables(pap: PapStatistics): string {
  const cat = CATEGORIES.map((c) => pap.byCategory.find((b) => b.category === c))
    .filter((b): b is PapStatistics['byCategory'][number] => !!b && b.total > 0)
    .map((b) => `<tr><td>${esc(CATEGORY_IT[b.category])}</td><td class="num">${num(b.F)}</td><td class="num">${num(b.M)}</td><td class="num">${num(b.total)}</td><td class="num">${pct(b.shareF)}</td></tr>`);
  const h = pap.headcount;
  const top = pap.byCategory.length
    ? `<td class="num">${num(pap.top.F)}</td><td class="num">${num(pap.top.M)}</td><td class="num">${num(pap.top.total)}</td><td class="num">${pct(pap.top.shareF)}</td>`
    : '<td class="num">–</td><td class="num">–</td><td class="num">–</td><td class="num">–</td>';
  const rows = [
    ...cat,
    `<tr><th>${figureLabel('Totale', h)}</th>${genderCells(h, 'th')}<th class="num">${num(h.total)}</th><th class="num">${pct(h.shareF)}</th></tr>`,
    `<tr><td>Vertice (dirigenti e segretario)</td>${top}</tr>`,
  ];
  const pt = pap.partTime;
  const ft = pap.fixedTerm;
  const sw = pap.smartWorking;
  const other = [
    `<tr><td>${figureLabel('Part-time', pt)}</td>${genderCells(pt, 'td', pt.shareF, pt.shareM)}<td class="num">${withShare(pt.total ?? pt.F + pt.M, pt.share)}</td></tr>`,
    `<tr><td>${figureLabel('Tempo determinato', ft)}</td>${genderCells(ft)}<td class="num">${num(ft.total ?? ft.F + ft.M)}</td></tr>`,
    `<tr><td>${figureLabel('Lavoro agile', sw)}</td>${genderCells(sw, 'td', sw.shareF, sw.shareM)}<td class="num">${withShare(sw.total, sw.share)}</td></tr>`,
  ];
  return `<div class="charts"><div style="flex:1 1 480px"><h3>Personale per categoria</h3><table><thead><tr><th>Categoria</th><th class="num">Donne</th><th class="num">Uomini</th><th class="num">Totale</th><th class="num">% donne</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<div style="flex:1 1 420px"><h3>Orario, contratto e lavoro agile</h3><table><thead><tr><th></th><th class="num">Donne</th><th class="num">Uomini</th><th class="num">Totale</th></tr></thead><tbody>${other.join('')}</tbody></table></div></div>`;
}

function turnoverTable(pap: PapStatistics): string {
  if (!pap.turnover.length) return '';
  const rows = [...pap.turnover]
    .sort((a, b) => a.year - b.year)
    .map((t) => `<tr><td>${t.year}</td><td class="num">${num(t.hires.F)}</td><td class="num">${num(t.hires.M)}</td><td class="num">${num(t.terminations.F)}</td><td class="num">${num(t.terminations.M)}</td></tr>`);
  return `<h3>Assunzioni e cessazioni</h3><table><thead><tr><th>Anno</th><th class="num">Assunzioni donne</th><th class="num">Assunzioni uomini</th><th class="num">Cessazioni donne</th><th class="num">Cessazioni uomini</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function papSection(d: Dossier): string {
  const pap = d.pap;
  const hasStaff = pap.headcount.total > 0 || pap.smartWorking.total > 0 || (pap.partTime.total ?? 0) > 0 || (pap.fixedTerm.total ?? 0) > 0 || pap.turnover.length > 0;
  if (!hasStaff) return `<section id="pap"><h2>Statistiche PAP</h2><p class="empty">Il dossier non contiene tabelle del personale (organico, part-time, lavoro agile, assunzioni e cessazioni): nessuna statistica di genere.</p></section>`;
  const when = pap.referenceDate ? ` al ${esc(dateIt(pap.referenceDate))}` : '';
  const charts = [
    figure('Donne e uomini per categoria', categoryChart(pap)),
    figure('Quota di personale in lavoro agile, per genere', smartWorkingChart(pap)),
    figure('Assunzioni e cessazioni per anno', turnoverChart(pap)),
  ].join('');
  const dates = d.papByDate && d.papByDate.length > 1
    ? `<h3>Per data di riferimento</h3><table><thead><tr><th>Data</th><th class="num">Donne</th><th class="num">Uomini</th><th class="num">Totale</th><th class="num">% donne</th></tr></thead><tbody>${d.papByDate
        .map((p) => `<tr><td>${p.referenceDate ? esc(dateIt(p.referenceDate)) : '–'}</td>${genderCells(p.headcount)}<td class="num">${num(p.headcount.total)}</td><td class="num">${pct(p.headcount.shareF)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<section id="pap"><h2>Statistiche PAP${when}</h2>${papTables(pap)}<div class="charts">${charts}</div>${turnoverTable(pap)}${dates}</section>`;
}

/** «Come sono stati letti i fogli»: each table's place, header rows and the role of every column, as mappatura.json records them. */
function mappingSection(m: Mapping): string {
  const sheets = m.sheets.filter((s) => s.tables.length);
  if (!sheets.length) return '';
  const parts = sheets.map((s) => {
    const tables = s.tables.map((t) => {
      const rows = t.columns.map((c) => `<tr><td><code>${esc(c.column)}</code></td><td>${esc(c.label)}</td><td${c.role === 'ignored' ? ' class="meta"' : ''}>${esc(columnRoleIt(t.family, c))}</td></tr>`).join('');
      const head = `Tabella di ${esc(FAMILY_IT[t.family])} in <code>${esc(t.range)}</code>, intestazione alla riga ${esc(t.headerRows.join(' e '))}`;
      return `<p>${head}</p><table><thead><tr><th>Colonna</th><th>Intestazione</th><th>Letta come</th></tr></thead><tbody>${rows}</tbody></table>`;
    });
    return `<h3>${esc(s.file)} · ${esc(s.sheet)}</h3>${tables.join('')}`;
  });
  return `<section id="mappatura"><h2>Come sono stati letti i fogli</h2><p class="rule-doc">La stessa lettura è in <code>mappatura.json</code>: correggi il ruolo di una colonna e reimporta con <code>piao import … --mappa mappatura.json</code>.</p>${parts.join('\n')}</section>`;
}

/** The whole page, as a string. Deterministic: the same dossier gives the same bytes. */
export function renderReport(d: Dossier, opts: ReportOptions): string {
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PIAO: ${esc(opts.title)}</title>
<style>${REPORT_CSS}${CUG_CSS}</style>
</head>
<body>
<header><h1>Importazione PIAO e PAP: ${esc(opts.title)}</h1><p>Fonti lette, anomalie trovate nelle celle, albero degli obiettivi e statistiche di genere del personale.</p></header>
<main>
${summaryCards(d)}
${sourcesSection(d, opts.annotated)}
${findingsSection(d, opts.annotated)}
${objectivesSection(d)}
${papSection(d)}
${cugSection(d)}
${opts.mapping ? mappingSection(opts.mapping) : ''}
</main>
<footer>Generato da piao. I dati del personale sono solo aggregati. I dettagli di ogni segnalazione sono anche in PIAO.xlsx (foglio «Anomalie») e nelle copie annotate dei fogli.</footer>
</body>
</html>
`;
}

export async function writeReport(path: string, d: Dossier, opts: ReportOptions): Promise<void> {
  await writeFileAtomic(path, renderReport(d, opts));
}
