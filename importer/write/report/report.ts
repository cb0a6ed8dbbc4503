/**
 * report.html: one self-contained, offline page in Italian for a dossier: its sources, the findings
 * grouped by severity and rule, the objectives tree and the PAP statistics with charts. CSS and SVG
 * are inline; the page has no script, no font, no image and no URL to fetch.
 */
import { Dossier, Finding, Objective, PapStatistics, Place, Severity } from '../../engine/schema/dossier';
import { ruleById, ruleTitle } from '../../engine/rules/registry';
import { formatNumberIt } from '../../engine/rules/rule';
import { Mapping } from '../../engine/mapping/schema';
import { FAMILY_IT, columnRoleIt } from '../../engine/mapping/role-names';
import { writeFileAtomic } from '../atomic';
import { annotatedSheet, topLeft } from '../cells';
import { CATEGORIES, CATEGORY_IT, dateIt, KIND_IT, LEVEL_IT, percentIt, SEVERITIES, SEVERITY_IT, severityCount } from '../labels';
import { longDateIt, madeAt } from '../made-at';
import { FigureRef, flaggedIt, flaggedOf, ND, noteIndex, PapNote, papNotes, shareUnknown, unknownOf, unknownReasonIt } from '../pap-figures';
import { papRowLabel } from '../piao-sheets';
import { findingsText, objectiveFindings, worstSeverity } from '../record-findings';
import { cellLink } from '../xlsx-bytes';
import { Chart, categoryChart, smartWorkingChart, turnoverChart } from './charts';
import { REPORT_CSS } from './style';
import { objectiveTree, TreeNode } from './tree';
import { CUG_CSS, cugSection } from './cug-section';

export interface ReportOptions {
  /** Name of the dossier (its folder): the title when the sheets name no entity. */
  title: string;
  /** Annotated copy of each source, relative to the report. */
  annotated?: Map<string, string>;
  /** How each sheet was read (mappatura.json). */
  mapping?: Mapping;
  /** When the report is made (default: now, or SOURCE_DATE_EPOCH). */
  made?: Date;
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
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : percentIt(v));

/** The title of a report: the entity the sheets name, else the dossier's folder. */
export function reportTitle(d: Dossier, folder: string): string {
  return d.entity?.name ?? folder;
}

const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');

function fileLink(file: string, annotated?: Map<string, string>): string {
  const target = annotated?.get(file);
  if (!target) return `<code>${esc(file)}</code>`;
  return `<a href="${esc(href(target))}" title="Apri la copia annotata"><code>${esc(file)}</code></a>`;
}

/**
 * A link to a cell of the annotated copy: the file with the cell as its fragment
 * («annotated/x.xlsx#'Foglio'!C23»), which Excel follows when it opens the link; a browser opens
 * (or downloads) the file.
 */
function cellHref(p: Place, annotated?: Map<string, string>): string | undefined {
  const target = annotated?.get(p.file);
  if (!target) return undefined;
  return `${href(target)}${cellLink(annotatedSheet(p.file, p.sheet), topLeft(p.cell))}`;
}

function cellLinkHtml(p: Place, text: string, annotated?: Map<string, string>): string {
  const to = cellHref(p, annotated);
  if (!to) return `<code>${esc(text)}</code>`;
  return `<a href="${esc(to)}" title="${esc(`Apri la copia annotata di ${p.file} alla cella ${p.sheet}!${topLeft(p.cell)} (se l'applicazione lo consente)`)}"><code>${esc(text)}</code></a>`;
}

function summaryCards(d: Dossier): string {
  const failed = d.sources.filter((s) => s.status === 'failed').length;
  const count = (s: Severity) => d.findings.filter((f) => f.severity === s).length;
  const read = d.sources.length - failed;
  const staff = unknownOf(d.pap, { figure: 'headcount', who: 'total' });
  const staffCard = staff
    ? `<div class="card" title="${esc(`${ND}: ${unknownReasonIt(staff)}`)}"><b>${ND}</b>persone in servizio</div>`
    : `<div class="card"><b>${num(d.pap.headcount.total)}</b>persone in servizio</div>`;
  const cards = [
    `<div class="card"><b>${read}</b>${read === 1 ? 'file letto' : 'file letti'}</div>`,
    failed ? `<div class="card error"><b>${failed}</b>${failed === 1 ? 'file non letto' : 'file non letti'}</div>` : '',
    `<div class="card"><b>${d.objectives.length}</b>obiettivi</div>`,
    staffCard,
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

function findingsSection(d: Dossier, objectiveOf: Map<Finding, number>, annotated?: Map<string, string>): string {
  if (d.findings.length === 0) return `<section id="anomalie"><h2>Anomalie</h2><p class="empty">Nessuna anomalia: i fogli sono coerenti con tutti i controlli.</p></section>`;
  const parts: string[] = [];
  for (const sev of SEVERITIES) {
    const ofSev = d.findings.filter((f) => f.severity === sev);
    if (!ofSev.length) continue;
    parts.push(`<h3><span class="badge ${sev}">${SEVERITY_IT[sev]}</span> ${severityCount(ofSev.length, sev)}</h3>`);
    const rules = [...new Set(ofSev.map((f) => f.rule))].sort((a, b) => ruleTitle(a).localeCompare(ruleTitle(b), 'it'));
    for (const rule of rules) {
      const list = ofSev.filter((f) => f.rule === rule);
      const doc = ruleById(rule)?.docs.it ?? '';
      parts.push(`<h4 title="${esc(`Controllo ${rule}`)}">${esc(ruleTitle(rule))} (${list.length})</h4>${doc ? `<p class="rule-doc">${esc(doc)}</p>` : ''}`);
      parts.push(`<table class="findings"><thead><tr><th>File</th><th>Foglio</th><th>Cella e contenuto</th><th>Messaggio</th></tr></thead><tbody>${list.map((f) => findingRow(f, objectiveOf.get(f), annotated)).join('')}</tbody></table>`);
    }
  }
  return `<section id="anomalie"><h2>Anomalie</h2>${parts.join('\n')}</section>`;
}

function findingRow(f: Finding, objective: number | undefined, annotated?: Map<string, string>): string {
  const related = f.related?.length ? `<div class="meta">Celle collegate: ${f.related.map((p) => esc(p.file === f.file && p.sheet === f.sheet ? p.cell : `${p.sheet}!${p.cell}`)).join(', ')}</div>` : '';
  const text = f.text ? `<div class="cell-text">«${esc(f.text)}»</div>` : '';
  const tree = objective !== undefined ? `<div class="meta"><a href="#obiettivo-${objective}">Vedi l'obiettivo nell'albero</a></div>` : '';
  return `<tr><td>${fileLink(f.file, annotated)}</td><td>${esc(f.sheet)}</td><td>${cellLinkHtml(f, f.cell, annotated)}${text}</td><td>${esc(f.message)}${related}${tree}</td></tr>`;
}

function treeItem(n: TreeNode, findingsOf: Map<Objective, { index: number; findings: Finding[] }>): string {
  const o = n.objective;
  const meta = [o.structure, o.responsible, weightText(o), o.programme ? `programma ${o.programme}` : o.mission ? `missione ${o.mission}` : '']
    .filter(Boolean)
    .map((x) => esc(x!))
    .join(' · ');
  const children = n.children.length ? `<ul>${n.children.map((c) => treeItem(c, findingsOf)).join('')}</ul>` : '';
  const code = o.codeAssigned ? `<code class="assigned" title="Codice assegnato: la tabella non stampa codici">${esc(o.code)}</code>` : `<code>${esc(o.code)}</code>`;
  const own = findingsOf.get(o);
  const worst = own ? worstSeverity(own.findings) : undefined;
  const flag = own && worst ? ` <span class="badge ${worst}" title="${esc(findingsText(own.findings) ?? '')}">${esc(findingsText(own.findings) ?? '')}</span>` : '';
  const attrs = own ? ` id="obiettivo-${own.index}"${worst ? ` class="flagged ${worst}"` : ''}` : '';
  return `<li${attrs}><span class="lvl">${esc(LEVEL_IT[o.level])}</span> ${code} ${esc(o.title)}${meta ? ` <span class="meta">(${meta})</span>` : ''}${flag}${children}</li>`;
}

/** The weight as the table prints it: a percentage, a coefficient, or one per manager. */
function weightText(o: Dossier['objectives'][number]): string {
  if (o.weights?.length) return `pesi: ${o.weights.map((w) => `${w.manager} ${num(w.weight)}`).join(', ')}`;
  if (o.weight === undefined) return '';
  return o.weightKind === 'coefficient' ? `coefficiente ${num(o.weight)}` : `peso ${num(o.weight)}%`;
}

function objectivesSection(d: Dossier, findingsOf: Map<Objective, { index: number; findings: Finding[] }>): string {
  if (d.objectives.length === 0) return `<section id="obiettivi"><h2>Albero degli obiettivi</h2><p class="empty">Nessuna tabella di obiettivi nel dossier.</p></section>`;
  const flagged = [...findingsOf.values()].filter((x) => x.findings.length).length;
  const intro = flagged ? `<p class="rule-doc">${flagged === 1 ? "L'obiettivo evidenziato ha" : `I ${flagged} obiettivi evidenziati hanno`} segnalazioni nella riga da cui ${flagged === 1 ? 'è stato letto' : 'sono stati letti'}.</p>` : '';
  return `<section id="obiettivi"><h2>Albero degli obiettivi</h2>${intro}<ul class="tree">${objectiveTree(d.objectives).map((n) => treeItem(n, findingsOf)).join('')}</ul></section>`;
}

function figure(caption: string, chart: Chart | null): string {
  if (!chart) return '';
  const missing = chart.missing.length ? `<p class="chart-note">Senza barra, perché il dato non è noto (vedi le note sui dati): ${esc(chart.missing.join('; '))}.</p>` : '';
  return `<figure role="img" aria-label="${esc(caption)}"><figcaption>${esc(caption)}</figcaption>${chart.svg}${missing}</figure>`;
}

/** The cells of a PAP table, with what each says beyond its value: «n.d.» and why, or the flagged cells it rests on. */
class PapCells {
  readonly notes: PapNote[];
  constructor(private readonly pap: PapStatistics) {
    this.notes = papNotes(pap);
  }

  private mark(ref: FigureRef): { cls: string; title: string; sup: string } | undefined {
    const u = unknownOf(this.pap, ref);
    const kind = u ? 'unknown' : flaggedOf(this.pap, ref) ? 'flagged' : undefined;
    if (!kind) return undefined;
    const i = noteIndex(this.notes, ref, kind);
    const f = flaggedOf(this.pap, ref);
    const title = u ? `${ND}: ${unknownReasonIt(u)}` : f ? `Dato ${flaggedIt(f)}` : '';
    return { cls: kind === 'unknown' ? 'nd' : 'flagged', title, sup: i >= 0 ? `<sup><a href="#nota-pap-${i + 1}">${i + 1}</a></sup>` : '' };
  }

  /** A count cell: its value (with its share), «n.d.» when not known, marked when flagged. */
  count(ref: FigureRef, value: number, tag: 'td' | 'th' = 'td', share?: { value: number | null | undefined; whole: FigureRef }): string {
    const m = this.mark(ref);
    if (unknownOf(this.pap, ref)) return `<${tag} class="num ${m!.cls}" title="${esc(m!.title)}">${ND}${m!.sup}</${tag}>`;
    const shareText = share ? ` (${this.shareText(share.value, ref, share.whole)})` : '';
    const cls = m ? ` ${m.cls}` : '';
    return `<${tag} class="num${cls}"${m ? ` title="${esc(m.title)}"` : ''}>${num(value)}${shareText}${m?.sup ?? ''}</${tag}>`;
  }

  shareText(value: number | null | undefined, part: FigureRef, whole: FigureRef): string {
    return shareUnknown(this.pap, [part, whole]) ? ND : pct(value);
  }

  /** A share cell: «n.d.» when one of its figures is not known. */
  share(value: number | null | undefined, part: FigureRef, whole: FigureRef, tag: 'td' | 'th' = 'td'): string {
    return `<${tag} class="num">${this.shareText(value, part, whole)}</${tag}>`;
  }

  /** The list of notes under the statistics, each with a link to its cell. */
  list(annotated?: Map<string, string>): string {
    if (!this.notes.length) return '';
    const items = this.notes.map((n, i) => {
      const cells = n.cells.map((p) => cellLinkHtml(p, `${p.file} · ${p.sheet}!${topLeft(p.cell)}`, annotated)).join(', ');
      return `<li id="nota-pap-${i + 1}" class="${n.kind === 'unknown' ? 'nd' : 'flagged'}"><b>${esc(n.name)}</b>: ${esc(n.why)}${cells ? `: ${cells}` : ''}.</li>`;
    });
    return `<h3 id="note-pap">Note sui dati</h3><p class="rule-doc">I dati non noti sono indicati «${ND}», mai come 0; i dati calcolati da celle con segnalazioni sono evidenziati.</p><ol class="pap-notes">${items.join('')}</ol>`;
  }
}

/** Donne / Uomini cells of a figure: «–» when its source gives only the total, never 0. */
function genderCells(c: PapCells, figure: FigureRef['figure'], x: { F: number; M: number; byGender?: boolean }, tag: 'td' | 'th' = 'td', shares?: { F?: number | null; M?: number | null }): string {
  if (x.byGender === false) return `<${tag} class="num">–</${tag}><${tag} class="num">–</${tag}>`;
  const share = (who: 'F' | 'M') => (shares ? { value: shares[who], whole: { figure: 'headcount' as const, who } } : undefined);
  return c.count({ figure, who: 'F' }, x.F, tag, share('F')) + c.count({ figure, who: 'M' }, x.M, tag, share('M'));
}

/** A row label, with the note when the figures have no gender. */
function figureLabel(label: string, x: { byGender?: boolean }): string {
  return esc(papRowLabel(label, x.byGender === false));
}

function papTables(pap: PapStatistics, c: PapCells): string {
  const categoryRows = CATEGORIES.filter((cat) => {
    const b = pap.byCategory.find((x) => x.category === cat);
    return (b && b.total > 0) || (pap.byCategory.length > 0 && (['F', 'M'] as const).some((who) => unknownOf(pap, { figure: 'category', category: cat, who })));
  }).map((cat) => {
    const b = pap.byCategory.find((x) => x.category === cat) ?? { F: 0, M: 0, total: 0, shareF: null };
    const ref = (who: 'F' | 'M' | 'total'): FigureRef => ({ figure: 'category', category: cat, who });
    return `<tr><td>${esc(CATEGORY_IT[cat])}</td>${c.count(ref('F'), b.F)}${c.count(ref('M'), b.M)}${c.count(ref('total'), b.total)}${c.share(b.shareF, ref('F'), ref('total'))}</tr>`;
  });
  const noCategories = pap.byCategory.length === 0 ? [`<tr><td colspan="5" class="meta">Per categoria: ${ND} (${esc(unknownReasonIt({ reason: 'absent' }))} per genere)</td></tr>`] : [];
  const h = pap.headcount;
  const top = (who: 'F' | 'M' | 'total'): FigureRef => ({ figure: 'top', who });
  const staff = (who: 'F' | 'M' | 'total'): FigureRef => ({ figure: 'headcount', who });
  const rows = [
    ...categoryRows,
    ...noCategories,
    `<tr><th>${figureLabel('Totale', h)}</th>${genderCells(c, 'headcount', h, 'th')}${c.count(staff('total'), h.total, 'th')}${c.share(h.shareF, staff('F'), staff('total'), 'th')}</tr>`,
    `<tr><td>Vertice (dirigenti e segretario)</td>${c.count(top('F'), pap.top.F)}${c.count(top('M'), pap.top.M)}${c.count(top('total'), pap.top.total)}${c.share(pap.top.shareF, top('F'), top('total'))}</tr>`,
  ];
  const pt = pap.partTime;
  const ft = pap.fixedTerm;
  const sw = pap.smartWorking;
  const other = [
    `<tr><td>${figureLabel('Part-time', pt)}</td>${genderCells(c, 'partTime', pt, 'td', { F: pt.shareF, M: pt.shareM })}${c.count({ figure: 'partTime', who: 'total' }, pt.total ?? pt.F + pt.M, 'td', { value: pt.share, whole: staff('total') })}</tr>`,
    `<tr><td>${figureLabel('Tempo determinato', ft)}</td>${genderCells(c, 'fixedTerm', ft)}${c.count({ figure: 'fixedTerm', who: 'total' }, ft.total ?? ft.F + ft.M)}</tr>`,
    `<tr><td>${figureLabel('Lavoro agile', sw)}</td>${genderCells(c, 'smartWorking', sw, 'td', { F: sw.shareF, M: sw.shareM })}${c.count({ figure: 'smartWorking', who: 'total' }, sw.total, 'td', { value: sw.share, whole: staff('total') })}</tr>`,
  ];
  return `<div class="charts"><div class="pap-table"><h3>Personale per categoria</h3><table><thead><tr><th>Categoria</th><th class="num">Donne</th><th class="num">Uomini</th><th class="num">Totale</th><th class="num">% donne</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<div class="pap-table"><h3>Orario, contratto e lavoro agile</h3><table><thead><tr><th></th><th class="num">Donne</th><th class="num">Uomini</th><th class="num">Totale</th></tr></thead><tbody>${other.join('')}</tbody></table></div></div>`;
}

function turnoverTable(pap: PapStatistics, c: PapCells): string {
  if (!pap.turnover.length) return '';
  const rows = [...pap.turnover]
    .sort((a, b) => a.year - b.year)
    .map((t) => {
      const cell = (figure: 'hires' | 'terminations', who: 'F' | 'M') => c.count({ figure, who, year: t.year }, t[figure][who]);
      return `<tr><td>${t.year}</td>${cell('hires', 'F')}${cell('hires', 'M')}${cell('terminations', 'F')}${cell('terminations', 'M')}</tr>`;
    });
  return `<h3>Assunzioni e cessazioni</h3><table><thead><tr><th>Anno</th><th class="num">Assunzioni donne</th><th class="num">Assunzioni uomini</th><th class="num">Cessazioni donne</th><th class="num">Cessazioni uomini</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function papSection(d: Dossier, annotated?: Map<string, string>): string {
  const pap = d.pap;
  const hasStaff = pap.headcount.total > 0 || pap.smartWorking.total > 0 || (pap.partTime.total ?? 0) > 0 || (pap.fixedTerm.total ?? 0) > 0 || pap.turnover.length > 0 || (pap.unknown ?? []).some((u) => u.reason !== 'absent');
  if (!hasStaff) return `<section id="pap"><h2>Statistiche PAP</h2><p class="empty">Il dossier non contiene tabelle del personale (organico, part-time, lavoro agile, assunzioni e cessazioni): nessuna statistica di genere.</p></section>`;
  const when = pap.referenceDate ? ` al ${esc(dateIt(pap.referenceDate))}` : '';
  const cells = new PapCells(pap);
  const charts = [
    figure('Donne e uomini per categoria', categoryChart(pap)),
    figure('Quota di personale in lavoro agile, per genere', smartWorkingChart(pap)),
    figure('Assunzioni e cessazioni per anno', turnoverChart(pap)),
  ].join('');
  const dates =
    d.papByDate && d.papByDate.length > 1
      ? `<h3>Per data di riferimento</h3><table><thead><tr><th>Data</th><th class="num">Donne</th><th class="num">Uomini</th><th class="num">Totale</th><th class="num">% donne</th></tr></thead><tbody>${d.papByDate
          .map((p) => {
            const pc = new PapCells(p);
            const staff = (who: 'F' | 'M' | 'total'): FigureRef => ({ figure: 'headcount', who });
            // the notes of earlier dates are not listed: their cells say why in their tooltip
            return `<tr><td>${p.referenceDate ? esc(dateIt(p.referenceDate)) : '–'}</td>${genderCells(pc, 'headcount', p.headcount).replace(/<sup>.*?<\/sup>/g, '')}${pc.count(staff('total'), p.headcount.total).replace(/<sup>.*?<\/sup>/g, '')}${pc.share(p.headcount.shareF, staff('F'), staff('total'))}</tr>`;
          })
          .join('')}</tbody></table>`
      : '';
  return `<section id="pap"><h2>Statistiche PAP${when}</h2>${papTables(pap, cells)}<div class="charts">${charts}</div>${turnoverTable(pap, cells)}${dates}${cells.list(annotated)}</section>`;
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

/** The whole page, as a string. Deterministic: the same dossier and date give the same bytes. */
export function renderReport(d: Dossier, opts: ReportOptions): string {
  const title = reportTitle(d, opts.title);
  const made = opts.made ?? madeAt();
  // each finding of an objective's row leads to it in the tree
  const perObjective = objectiveFindings(d.objectives, d.findings);
  const findingsOf = new Map<Objective, { index: number; findings: Finding[] }>();
  const objectiveOf = new Map<Finding, number>();
  d.objectives.forEach((o, i) => {
    if (!perObjective[i].length) return;
    findingsOf.set(o, { index: i, findings: perObjective[i] });
    for (const f of perObjective[i]) if (!objectiveOf.has(f)) objectiveOf.set(f, i);
  });
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PIAO: ${esc(title)}</title>
<style>${REPORT_CSS}${CUG_CSS}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p>Importazione PIAO e PAP: fonti lette, anomalie trovate nelle celle, albero degli obiettivi e statistiche di genere del personale. Rapporto del ${esc(longDateIt(made))}.</p></header>
<main>
${summaryCards(d)}
${sourcesSection(d, opts.annotated)}
${findingsSection(d, objectiveOf, opts.annotated)}
${objectivesSection(d, findingsOf)}
${papSection(d, opts.annotated)}
${cugSection(d)}
${opts.mapping ? mappingSection(opts.mapping) : ''}
</main>
<footer>Generato da piao il ${esc(longDateIt(made))}. I dati del personale sono solo aggregati. I dettagli di ogni segnalazione sono anche in PIAO.xlsx (foglio «Anomalie») e nelle copie annotate dei fogli.</footer>
</body>
</html>
`;
}

export async function writeReport(path: string, d: Dossier, opts: ReportOptions): Promise<void> {
  await writeFileAtomic(path, renderReport(d, opts));
}
