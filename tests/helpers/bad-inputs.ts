/**
 * The bad inputs offices send, written as real files: a corrupt (truncated) xlsx, an empty file, a
 * text file renamed .xlsx, a password-protected xlsx (an OLE container with the EncryptionInfo and
 * EncryptedPackage streams Excel writes), legacy .xls and .ods (saved by LibreOffice, committed in
 * tests/fixtures/legacy), a workbook whose cells hold formula errors, a sheet with no table and a
 * CSV in an encoding that cannot be read (UTF-16 without its byte-order mark).
 */
import * as CFB from 'cfb';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cleanObjectivesWorkbook } from '../../templates/scripts/samples/clean-objectives';

export const LEGACY_DIR = join(__dirname, '..', 'fixtures', 'legacy');

/** Files that cannot be read at all: each must give status "failed" and one Italian line naming it. */
export const UNREADABLE = ['rotto.xlsx', 'vuoto.xlsx', 'appunti.xlsx', 'protetto.xlsx', 'vecchio.xls', 'foglio.ods', 'xls-rinominato.xlsx', 'utf32.csv'] as const;

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function encryptedXlsx(): Buffer {
  const cfb = CFB.utils.cfb_new();
  const descriptor =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></encryption>';
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(descriptor, 'utf8')]);
  const size = Buffer.alloc(8);
  size.writeUInt32LE(4096, 0);
  CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
  CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.concat([size, randomBytes(4096)]));
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

/** An objectives table whose weights hold #DIV/0! and #REF! results and a "#RIF!" typed by hand. */
export function formulaErrorsWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Obiettivi');
  ws.addRow(['Codice', 'Obiettivo', 'Responsabile', 'Peso %']);
  ws.addRow(['01', 'Comune aperto', null, null]);
  ws.addRow(['01.01', 'Servizi demografici', null, null]);
  ws.addRow(['01.01.01', 'Sportello unico', null, null]);
  ws.addRow(['01.01.01.01', 'Prenotazioni on line', 'Servizi demografici', null]);
  ws.addRow(['01.01.01.02', 'Apertura pomeridiana', 'Servizi demografici', null]);
  ws.addRow(['01.01.01.03', 'Certificati allo sportello', 'Servizi demografici', '#RIF!']);
  ws.getCell('D5').value = { formula: '40/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('D6').value = { formula: '#REF!*2', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
  return wb;
}

export function noTableWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Note');
  ws.getCell('A1').value = 'Appunti per la riunione del 12 marzo';
  ws.getCell('A3').value = 'Chiedere alla Ragioneria il DUP aggiornato';
  ws.getCell('B7').value = 'Sentire il CUG sul piano delle azioni positive';
  return wb;
}

/** Writes every bad input (plus the readable ones with problems in cells) into dir. */
export async function writeBadInputs(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const good = await xlsxBytes(cleanObjectivesWorkbook());
  writeFileSync(join(dir, 'rotto.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(dir, 'vuoto.xlsx'), Buffer.alloc(0));
  writeFileSync(join(dir, 'appunti.xlsx'), 'Obiettivi 2024\nRicordarsi di inviare il PIAO entro il 31 gennaio.\n');
  writeFileSync(join(dir, 'protetto.xlsx'), encryptedXlsx());
  copyFileSync(join(LEGACY_DIR, 'obiettivi.xls'), join(dir, 'vecchio.xls'));
  copyFileSync(join(LEGACY_DIR, 'obiettivi.ods'), join(dir, 'foglio.ods'));
  copyFileSync(join(LEGACY_DIR, 'obiettivi.xls'), join(dir, 'xls-rinominato.xlsx'));
  // UTF-32: no spreadsheet program writes CSVs in it, and no reader can guess it
  const utf32 = (s: string) => Buffer.concat([...s].map((ch) => { const b = Buffer.alloc(4); b.writeUInt32LE(ch.codePointAt(0)!); return b; }));
  writeFileSync(join(dir, 'utf32.csv'), utf32('Codice;Obiettivo;Responsabile\n01;Comune aperto;\n'));
  writeFileSync(join(dir, 'errori-formule.xlsx'), await xlsxBytes(formulaErrorsWorkbook()));
  writeFileSync(join(dir, 'senza-tabella.xlsx'), await xlsxBytes(noTableWorkbook()));
}
