/**
 * The «Anomalie» sheet of a copy: every finding of the file with its severity (coloured), rule,
 * sheet, a link to its cell and its message; the header frozen and filtered. Written as a new
 * worksheet part with inline strings, so the workbook's shared strings stay as they are.
 */
import { a1 } from '../../engine/grid/address';
import { Finding } from '../../engine/schema/dossier';
import { cellLink } from '../xlsx-bytes';
import { FINDINGS_HEADER, NO_FINDINGS, relatedPlacesText, ruleLabel, severityLabel } from '../finding-text';
import { topLeft } from '../cells';
import { SEVERITY_FILL } from './marks';
import { StylesPatch } from './styles';
import { startTag, xstring } from './xml-tag';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WIDTHS = [10, 22, 26, 10, 90, 24];

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
export function findingsSheetXml(findings: readonly Finding[], file: string, sheetOf: (f: Finding) => string | undefined, styles: StylesPatch): string {
  const header = styles.header();
  const link = styles.link();
  const wrapped = styles.wrapped();
  const rows: string[] = [];
  const links: string[] = [];
  rows.push(`<row r="1">${FINDINGS_HEADER.map((h, c) => text(a1(0, c), h, header)).join('')}</row>`);
  findings.forEach((f, i) => {
    const r = i + 1;
    const sheet = sheetOf(f);
    const cells = [
      text(a1(r, 0), severityLabel(f), styles.filled(SEVERITY_FILL[f.severity])),
      text(a1(r, 1), ruleLabel(f)),
      text(a1(r, 2), f.sheet),
      text(a1(r, 3), f.cell, sheet !== undefined ? link : undefined),
      text(a1(r, 4), f.message, wrapped),
      text(a1(r, 5), relatedPlacesText(f, file)),
    ];
    rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    if (sheet !== undefined) links.push(startTag('hyperlink', { ref: a1(r, 3), location: cellLink(sheet, topLeft(f.cell)).slice(1) }, true));
  });
  if (findings.length === 0) rows.push(`<row r="2">${text('E2', NO_FINDINGS)}</row>`);
  const last = Math.max(1, findings.length + 1);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${WIDTHS.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    `<autoFilter ref="A1:F${last}"/>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** The range the sheet's filter covers, for the workbook's hidden _FilterDatabase name. */
export function findingsFilterRange(count: number): string {
  return `$A$1:$F$${Math.max(1, count + 1)}`;
}
