/**
 * The «Anomalie» sheet of a copy: every finding of the file with its severity (coloured), rule
 * title, sheet, a link to its cell, its message and the rule's id; the header frozen and filtered;
 * each row as tall as its wrapped message; printed on A4, one page wide, the header on every page,
 * a footer with the entity and the page. Written as a new worksheet part with inline strings, so
 * the workbook's shared strings stay as they are.
 */
import { a1 } from '../../engine/grid/address';
import { Finding } from '../../engine/schema/dossier';
import { cellLink } from '../xlsx-bytes';
import { FINDINGS_HEADER, NO_FINDINGS, relatedPlacesText, ruleLabel, severityLabel } from '../finding-text';
import { LINE_HEIGHT, topLeft, wrappedHeight } from '../cells';
import { SEVERITY_FILL } from './marks';
import { StylesPatch } from './styles';
import { startTag, xstring } from './xml-tag';
import { A4 } from '../print';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WIDTHS = [10, 24, 26, 10, 90, 24, 22];
/** The columns whose texts wrap: the rule's title and the message. */
const WRAPPED = new Set([1, 4]);

/** A name for the sheet that no sheet of the workbook has: «Anomalie», else «Anomalie piao», «Anomalie piao 2»... */
export function findingsSheetName(taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  if (!names.has('anomalie')) return 'Anomalie';
  for (let i = 1; ; i++) {
    const name = `Anomalie piao${i > 1 ? ` ${i}` : ''}`;
    if (!names.has(name.toLowerCase())) return name;
  }
}

function text(ref: string, value: string, style?: number): string {
  if (!value) return style !== undefined ? `<c r="${ref}" s="${style}"/>` : '';
  return `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${xstring(value)}</t></is></c>`;
}

/**
 * The worksheet XML. `sheetOf(f)` is the sheet of the copy where a finding's cell is (its link's
 * target), undefined when the copy has no such sheet (the cell is then written without a link).
 */
export function findingsSheetXml(findings: readonly Finding[], file: string, sheetOf: (f: Finding) => string | undefined, styles: StylesPatch, owner = file): string {
  const header = styles.header();
  const link = styles.link();
  const wrapped = styles.wrapped();
  const top = styles.top();
  const rows: string[] = [];
  const links: string[] = [];
  rows.push(`<row r="1">${FINDINGS_HEADER.map((h, c) => text(a1(0, c), h, header)).join('')}</row>`);
  findings.forEach((f, i) => {
    const r = i + 1;
    const sheet = sheetOf(f);
    const values = [severityLabel(f), ruleLabel(f), f.sheet, f.cell, f.message, relatedPlacesText(f, file), f.rule];
    const cells = [
      text(a1(r, 0), values[0], styles.filled(SEVERITY_FILL[f.severity])),
      text(a1(r, 1), values[1], wrapped),
      text(a1(r, 2), values[2], top),
      text(a1(r, 3), values[3], sheet !== undefined ? link : top),
      text(a1(r, 4), values[4], wrapped),
      text(a1(r, 5), values[5], top),
      text(a1(r, 6), values[6], top),
    ];
    const height = wrappedHeight(values.flatMap((v, c) => (WRAPPED.has(c) ? [{ text: v, width: WIDTHS[c] }] : [])));
    rows.push(`<row r="${r + 1}"${height > LINE_HEIGHT ? ` ht="${height}" customHeight="1"` : ''}>${cells.join('')}</row>`);
    if (sheet !== undefined) links.push(startTag('hyperlink', { ref: a1(r, 3), location: cellLink(sheet, topLeft(f.cell)).slice(1) }, true));
  });
  if (findings.length === 0) rows.push(`<row r="2">${text('E2', NO_FINDINGS)}</row>`);
  const last = Math.max(1, findings.length + 1);
  const footer = `&L&8${owner.replace(/&/g, '&&')}&C&8&A&R&8Pagina &P di &N`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${WIDTHS.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<autoFilter ref="A1:G${last}"/>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${A4}" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${xstring(footer)}</oddFooter></headerFooter>` +
    '</worksheet>'
  );
}

/** The range the sheet's filter covers, for the workbook's hidden _FilterDatabase name. */
export function findingsFilterRange(count: number): string {
  return `$A$1:$G$${Math.max(1, count + 1)}`;
}

/** The rows printed at the top of every page, for the workbook's _xlnm.Print_Titles name. */
export const FINDINGS_PRINT_TITLES = '$1:$1';
