/**
 * Workbooks with the parts an office's real file may hold, for proving that an annotated copy
 * keeps them: saved by exceljs, by LibreOffice, written by openpyxl (a Python script), and built
 * here part by part with a chart, a pivot table and its cache, a VBA project (.xlsm), conditional
 * formats, data validations, defined names, a note already there, shared formulas, inline strings,
 * merged cells and an empty cell that the sheet XML lacks.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { borgoPegWorkbook } from '../../templates/scripts/samples/borgo-objectives';
import { compoundFile } from './cfb';
import { zipParts } from './raw-xlsx';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** An exceljs workbook like an office's: the Borgo PEG with a note, a validation and a sheet of notes. */
export async function exceljsBook(): Promise<Buffer> {
  const wb = borgoPegWorkbook();
  const ws = wb.worksheets[0];
  ws.getCell('E5').note = 'Verificare con il dirigente';
  ws.getCell('E6').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Settore Finanziario,Settore Affari generali"'] };
  const other = wb.addWorksheet('Appunti');
  other.getCell('B2').value = 'da rivedere a giugno';
  other.getCell('B2').font = { bold: true, color: { argb: 'FF7030A0' } };
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A Python interpreter that has openpyxl (Debian's python3-openpyxl), or undefined. */
export function openpyxlPython(): string | undefined {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return undefined;
}

const OPENPYXL_WRITER = `
import sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

wb = Workbook()
ws = wb.active
ws.title = 'Obiettivi'
ws.append(['Codice', 'Obiettivo', 'Struttura', 'Peso %'])
ws.append(['01.01.01.01', 'Sportello unico digitale', 'Settore Affari generali', 50])
ws.append(['01.01.01.02', 'Pagamenti con pagoPA', 'Settore Affari generali', 30])
ws.append(['01.01.01.03', 'Archivio digitale', None, 20])
ws.append(['01.01.01.04', 'Protocollo informatico', 'Settore Finanziario', 100])
for c in ws[1]:
    c.font = Font(bold=True)
for r in range(2, 6):
    ws.cell(row=r, column=4).number_format = '0.0'
chart = BarChart()
chart.title = 'Pesi'
chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=5), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=5))
ws.add_chart(chart, 'G2')
ws.conditional_formatting.add('D2:D5', CellIsRule(operator='greaterThan', formula=['90'], fill=PatternFill('solid', fgColor='FFC7CE')))
dv = DataValidation(type='list', formula1='"Settore Affari generali,Settore Finanziario"', allow_blank=True)
ws.add_data_validation(dv)
dv.add('C2:C5')
name = DefinedName('Pesi', attr_text='Obiettivi!$D$2:$D$5')
if hasattr(wb.defined_names, 'append'):
    wb.defined_names.append(name)
else:
    wb.defined_names['Pesi'] = name
ws['B2'].comment = Comment('Titolo da concordare con il dirigente', 'Ufficio personale')
wb.save(sys.argv[1])
`;

/** A workbook written by openpyxl with a chart, a conditional format, a data validation, a defined name and a note. */
export function openpyxlBook(dir: string): Buffer {
  const py = openpyxlPython();
  if (!py) throw new Error('openpyxl non è installato: apt-get install -y python3-openpyxl');
  const script = join(dir, 'scrivi.py');
  const out = join(dir, 'openpyxl.xlsx');
  writeFileSync(script, OPENPYXL_WRITER);
  execFileSync(py, [script, out], { stdio: 'pipe' });
  return readFileSync(out);
}

/** The same workbook as `source`, opened and saved again by LibreOffice. */
export function libreOfficeBook(source: Buffer, dir: string, soffice: (args: string[]) => void): Buffer {
  const input = join(dir, 'da-salvare.xlsx');
  writeFileSync(input, source);
  const out = join(dir, 'lo');
  soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, input]);
  return readFileSync(join(out, 'da-salvare.xlsx'));
}

const SHARED = ['Codice', 'Obiettivo', 'Struttura', 'Peso %', 'Doppio', '01.01.01.01', 'Sportello unico digitale', 'Settore A', '01.01.01.02', 'Pagamenti con pagoPA', '01.01.01.03', '01.01.01.04', 'Settore B'];
const s = (text: string) => SHARED.indexOf(text);

/** The objectives sheet: shared and inline strings, a shared formula, a weight format, a merge, an empty structure cell (C4) absent from the XML. */
const OBJECTIVES_SHEET =
  `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}">` +
  '<dimension ref="A1:E7"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
  '<cols><col min="1" max="1" width="14" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/><col min="3" max="3" width="18" style="3" customWidth="1"/></cols>' +
  '<sheetData>' +
  `<row r="1" spans="1:5"><c r="A1" s="1" t="s"><v>${s('Codice')}</v></c><c r="B1" s="1" t="s"><v>${s('Obiettivo')}</v></c><c r="C1" s="1" t="s"><v>${s('Struttura')}</v></c><c r="D1" s="1" t="s"><v>${s('Peso %')}</v></c><c r="E1" s="1" t="s"><v>${s('Doppio')}</v></c></row>` +
  `<row r="2" spans="1:5"><c r="A2" t="s"><v>${s('01.01.01.01')}</v></c><c r="B2" t="s"><v>${s('Sportello unico digitale')}</v></c><c r="C2" t="s"><v>${s('Settore A')}</v></c><c r="D2" s="2"><v>50</v></c><c r="E2"><f t="shared" ref="E2:E5" si="0">D2*2</f><v>100</v></c></row>` +
  `<row r="3" spans="1:5"><c r="A3" t="s"><v>${s('01.01.01.02')}</v></c><c r="B3" t="inlineStr"><is><t>Pagamenti con pagoPA</t></is></c><c r="C3" t="s"><v>${s('Settore A')}</v></c><c r="D3" s="2"><v>30</v></c><c r="E3"><f t="shared" si="0"/><v>60</v></c></row>` +
  `<row r="4" spans="1:5"><c r="A4" t="s"><v>${s('01.01.01.03')}</v></c><c r="B4" t="inlineStr"><is><r><t>Archivio </t></r><r><rPr><b/></rPr><t>digitale</t></r></is></c><c r="D4" s="2"><v>20</v></c><c r="E4"><f t="shared" si="0"/><v>40</v></c></row>` +
  `<row r="5" spans="1:5"><c r="A5" t="s"><v>${s('01.01.01.04')}</v></c><c r="B5" t="inlineStr"><is><t>Protocollo informatico</t></is></c><c r="C5" t="s"><v>${s('Settore B')}</v></c><c r="D5" s="2"><v>100</v></c><c r="E5"><f t="shared" si="0"/><v>200</v></c></row>` +
  '<row r="7" spans="1:5"><c r="A7" t="inlineStr"><is><t>Pesi in percentuale sulla struttura</t></is></c><c r="B7"/><c r="C7"/><c r="D7"/><c r="E7"/></row>' +
  '</sheetData>' +
  '<mergeCells count="1"><mergeCell ref="A7:E7"/></mergeCells>' +
  '<conditionalFormatting sqref="D2:D5"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>90</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="C2:C5"><formula1>"Settore A,Settore B"</formula1></dataValidation></dataValidations>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>' +
  '</worksheet>';

const PIVOT_SHEET =
  `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A3:B6"/><sheetData>` +
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Struttura</t></is></c><c r="B3" t="inlineStr"><is><t>Somma di Peso %</t></is></c></row>' +
  '<row r="4"><c r="A4" t="inlineStr"><is><t>Settore A</t></is></c><c r="B4"><v>80</v></c></row>' +
  '<row r="5"><c r="A5" t="inlineStr"><is><t>Settore B</t></is></c><c r="B5"><v>100</v></c></row>' +
  '<row r="6"><c r="A6" t="inlineStr"><is><t>Totale complessivo</t></is></c><c r="B6"><v>180</v></c></row>' +
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

const STYLES =
  `${DECL}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="FF1F4E79"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>' +
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"><alignment horizontal="right"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normale" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><b/><color rgb="FF9C0006"/></font></dxf></dxfs>' +
  '</styleSheet>';

const COMMENTS =
  `${DECL}<comments xmlns="${MAIN}"><authors><author>Ufficio personale</author></authors><commentList>` +
  '<comment ref="B2" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>Ufficio personale:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\nTitolo da concordare</t></r></text></comment>' +
  '</commentList></comments>';

const VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
  ' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>' +
  '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:160pt;margin-top:10pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">\n  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n  <v:textbox style="mso-direction-alt:auto">\n   <div style="text-align:left"></div>\n  </v:textbox>\n  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n   <x:Anchor>\n    2, 15, 0, 10, 4, 15, 4, 4</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n   <x:Row>1</x:Row>\n   <x:Column>1</x:Column>\n  </x:ClientData>\n </v:shape></xml>';

const DRAWING =
  `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafico 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
  `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const CHART =
  `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
  '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
  '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Peso %</c:v></c:tx><c:cat><c:strRef><c:f>Obiettivi!$A$2:$A$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Obiettivi!$D$2:$D$5</c:f></c:numRef></c:val></c:ser>' +
  '<c:axId val="10"/><c:axId val="20"/></c:barChart>' +
  '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx>' +
  '<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx>' +
  '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';

const PIVOT_CACHE =
  `${DECL}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" recordCount="4">` +
  '<cacheSource type="worksheet"><worksheetSource ref="A1:D5" sheet="Obiettivi"/></cacheSource><cacheFields count="4">' +
  '<cacheField name="Codice" numFmtId="0"><sharedItems/></cacheField><cacheField name="Obiettivo" numFmtId="0"><sharedItems/></cacheField>' +
  '<cacheField name="Struttura" numFmtId="0"><sharedItems containsBlank="1" count="3"><s v="Settore A"/><s v="Settore B"/><m/></sharedItems></cacheField>' +
  '<cacheField name="Peso %" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="20" maxValue="100"/></cacheField>' +
  '</cacheFields></pivotCacheDefinition>';

const PIVOT_RECORDS =
  `${DECL}<pivotCacheRecords xmlns="${MAIN}" count="4">` +
  '<r><s v="01.01.01.01"/><s v="Sportello unico digitale"/><x v="0"/><n v="50"/></r><r><s v="01.01.01.02"/><s v="Pagamenti con pagoPA"/><x v="0"/><n v="30"/></r>' +
  '<r><s v="01.01.01.03"/><s v="Archivio digitale"/><x v="2"/><n v="20"/></r><r><s v="01.01.01.04"/><s v="Protocollo informatico"/><x v="1"/><n v="100"/></r></pivotCacheRecords>';

const PIVOT_TABLE =
  `${DECL}<pivotTableDefinition xmlns="${MAIN}" name="TabellaPivot1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Valori" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1">` +
  '<location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>' +
  '<pivotFields count="4"><pivotField showAll="0"/><pivotField showAll="0"/><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
  '<rowFields count="1"><field x="2"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>' +
  '<dataFields count="1"><dataField name="Somma di Peso %" fld="3" baseField="0" baseItem="0"/></dataFields>' +
  '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>';

const rels = (list: [string, string, string][]) => `${DECL}<Relationships xmlns="${PKG}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** The hand-built macro-enabled workbook: every kind of part a copy must keep. */
export function handBuiltBook(): Buffer {
  const ct =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
    '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
    '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>' +
    '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>';
  const workbook =
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr codeName="QuestaCartella_di_lavoro"/><bookViews><workbookView activeTab="0"/></bookViews>` +
    '<sheets><sheet name="Obiettivi" sheetId="1" r:id="rId1"/><sheet name="Pivot" sheetId="2" r:id="rId2"/></sheets>' +
    '<definedNames><definedName name="Pesi">Obiettivi!$D$2:$D$5</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Obiettivi!$A$1:$E$7</definedName></definedNames>' +
    '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId6"/></pivotCaches></workbook>';
  const shared = `${DECL}<sst xmlns="${MAIN}" count="${SHARED.length}" uniqueCount="${SHARED.length}">${SHARED.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
  const vba = compoundFile([
    { name: 'PROJECT', data: Buffer.from('ID="{00000000-0000-0000-0000-000000000000}"\r\nDocument=QuestaCartella_di_lavoro/&H00000000\r\nName="VBAProject"\r\n') },
    { name: 'PROJECTwm', data: Buffer.from('QuestaCartella_di_lavoro\u0000\u0000\u0000\u0000', 'latin1') },
  ]);
  return zipParts([
    { name: '[Content_Types].xml', data: ct },
    { name: '_rels/.rels', data: rels([['rId1', `${R}/officeDocument`, 'xl/workbook.xml'], ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'], ['rId3', `${R}/extended-properties`, 'docProps/app.xml']]) },
    { name: 'docProps/core.xml', data: `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ufficio personale</dc:creator></cp:coreProperties>` },
    { name: 'docProps/app.xml', data: `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>` },
    { name: 'xl/workbook.xml', data: workbook },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: rels([
        ['rId1', `${R}/worksheet`, 'worksheets/sheet1.xml'],
        ['rId2', `${R}/worksheet`, 'worksheets/sheet2.xml'],
        ['rId3', `${R}/styles`, 'styles.xml'],
        ['rId4', `${R}/sharedStrings`, 'sharedStrings.xml'],
        ['rId5', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin'],
        ['rId6', `${R}/pivotCacheDefinition`, 'pivotCache/pivotCacheDefinition1.xml'],
      ]),
    },
    { name: 'xl/worksheets/sheet1.xml', data: OBJECTIVES_SHEET },
    { name: 'xl/worksheets/_rels/sheet1.xml.rels', data: rels([['rId1', `${R}/drawing`, '../drawings/drawing1.xml'], ['rId2', `${R}/vmlDrawing`, '../drawings/vmlDrawing1.vml'], ['rId3', `${R}/comments`, '../comments1.xml']]) },
    { name: 'xl/worksheets/sheet2.xml', data: PIVOT_SHEET },
    { name: 'xl/worksheets/_rels/sheet2.xml.rels', data: rels([['rId1', `${R}/pivotTable`, '../pivotTables/pivotTable1.xml']]) },
    { name: 'xl/styles.xml', data: STYLES },
    { name: 'xl/sharedStrings.xml', data: shared },
    { name: 'xl/comments1.xml', data: COMMENTS },
    { name: 'xl/drawings/vmlDrawing1.vml', data: VML },
    { name: 'xl/drawings/drawing1.xml', data: DRAWING },
    { name: 'xl/drawings/_rels/drawing1.xml.rels', data: rels([['rId1', `${R}/chart`, '../charts/chart1.xml']]) },
    { name: 'xl/charts/chart1.xml', data: CHART },
    { name: 'xl/pivotCache/pivotCacheDefinition1.xml', data: PIVOT_CACHE },
    { name: 'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', data: rels([['rId1', `${R}/pivotCacheRecords`, 'pivotCacheRecords1.xml']]) },
    { name: 'xl/pivotCache/pivotCacheRecords1.xml', data: PIVOT_RECORDS },
    { name: 'xl/pivotTables/pivotTable1.xml', data: PIVOT_TABLE },
    { name: 'xl/pivotTables/_rels/pivotTable1.xml.rels', data: rels([['rId1', `${R}/pivotCacheDefinition`, '../pivotCache/pivotCacheDefinition1.xml']]) },
    // stored, not deflated, as Excel keeps binary parts: copied as they are all the same
    { name: 'xl/vbaProject.bin', data: vba, method: 0 },
  ]);
}

/** openpyxl reading a workbook: for each asked cell its fill, number format, bold and note; charts, validations, formats, names; the warnings it gave. */
export interface OpenpyxlView {
  warnings: string[];
  sheets: string[];
  cells: Record<string, { fill: string | null; numFmt: string; bold: boolean; note: string | null; author: string | null }>;
  charts: number;
  validations: number;
  conditional: number;
  names: string[];
}

const OPENPYXL_READER = `
import json, sys, warnings
from openpyxl import load_workbook
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    wb = load_workbook(sys.argv[1])
    out = {'warnings': [str(w.message) for w in caught], 'sheets': wb.sheetnames, 'cells': {}, 'charts': 0, 'validations': 0, 'conditional': 0}
    names = wb.defined_names
    out['names'] = sorted([n.name for n in names.definedName] if hasattr(names, 'definedName') else list(names.keys()))
    for ws in wb.worksheets:
        out['charts'] += len(ws._charts)
        out['validations'] += len(ws.data_validations.dataValidation)
        out['conditional'] += len(list(ws.conditional_formatting))
    for ref in sys.argv[2:]:
        sheet, cell = ref.split('!')
        c = wb[sheet][cell]
        fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' else None
        out['cells'][ref] = {'fill': fill if isinstance(fill, str) else None, 'numFmt': c.number_format, 'bold': bool(c.font and c.font.b), 'note': c.comment.text if c.comment else None, 'author': c.comment.author if c.comment else None}
print(json.dumps(out))
`;

/** What openpyxl reads from a workbook, with the cells asked ("Foglio!B2"). */
export function openpyxlView(path: string, cells: string[], dir: string): OpenpyxlView {
  const py = openpyxlPython();
  if (!py) throw new Error('openpyxl non è installato: apt-get install -y python3-openpyxl');
  const script = join(dir, 'leggi.py');
  writeFileSync(script, OPENPYXL_READER);
  const r = spawnSync(py, [script, path, ...cells], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openpyxl non apre ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout) as OpenpyxlView;
}

/** exceljs reading a workbook from bytes. */
export async function exceljsLoad(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
