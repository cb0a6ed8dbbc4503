import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Dossier } from '../../importer/engine/schema/dossier';
import { pratoDossierWithStaff } from '../../templates/scripts/samples/prato-dossier';

/** The Provincia di Prato dossier: objectives read from its workbook, staff records from its published tables. */
export function pratoDossier(): Promise<Dossier> {
  return pratoDossierWithStaff();
}

/** Reads xlsx bytes back with exceljs. */
export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The XML of one part of an xlsx package. */
export async function xlsxPart(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`${part} non c'è nel pacchetto`);
  return f.async('string');
}

/** The worksheet part of a sheet, found through workbook.xml and its relationships. */
export async function sheetPart(bytes: Uint8Array, sheet: string): Promise<{ xml: string; rels: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const wbXml = await zip.file('xl/workbook.xml')!.async('string');
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const esc = sheet.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
  const m = new RegExp(`<sheet [^>]*name="${esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(wbXml);
  if (!m) throw new Error(`foglio ${sheet} non trovato`);
  const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(wbRels)!;
  const path = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
  const relsPath = path.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  return { xml: await zip.file(path)!.async('string'), rels: (await zip.file(relsPath)?.async('string')) ?? '' };
}
