/**
 * Requirement sets are checked when a command runs: on an older Excel the add-in falls back
 * (notes -> comments -> fill only; no merges; colour-only fills), says what is missing, and still
 * restores what it changed. Protected sheets are left alone.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { AddinError, checkWorkbook, clearFlags } from '../../addin/office/actions';
import { capabilityNotices, detectCapabilities } from '../../addin/office/capabilities';
import { FLAG_FILL, NOTE_TITLE } from '../../addin/flags/look';
import { versionAtLeast } from './fake-excel/context';
import { FakeExcel } from './fake-excel/excel';
import { fakeWorkbookFromXlsx } from './fake-excel/from-xlsx';
import { FakeWorkbookData } from './fake-excel/workbook';

const SAMPLE = join(__dirname, '..', '..', 'templates', 'samples', 'comune-borgo-esempio', 'peg-2024.xlsx');
let data: FakeWorkbookData;
beforeAll(async () => {
  data = await fakeWorkbookFromXlsx(readFileSync(SAMPLE), 'https://ente.example/peg-2024.xlsx');
  // a note and a patterned fill of the user's, to be kept
  data.sheets[0].notes.push(['A1', { content: 'Nota del dirigente' }]);
});

const fresh = (apiVersion: string) => FakeExcel.fromData(structuredClone(data), { apiVersion });
const supports = (v: string) => (name: string, min: string) => name === 'ExcelApi' && versionAtLeast(v, min);

describe('requirement sets', () => {
  it('picks notes, then comments, then fill only', () => {
    expect(detectCapabilities(supports('1.18'))).toMatchObject({ base: true, merges: true, fillPattern: true, comments: true, notes: true, via: 'note' });
    expect(detectCapabilities(supports('1.14')).via).toBe('comment');
    expect(detectCapabilities(supports('1.9')).via).toBe('fill');
    expect(detectCapabilities(supports('1.4')).base).toBe(false);
    expect(detectCapabilities(() => {
      throw new Error('Office non pronto');
    }).base).toBe(false);
    expect(capabilityNotices(detectCapabilities(supports('1.18')))).toEqual([]);
    expect(capabilityNotices(detectCapabilities(supports('1.12'))).join(' ')).toMatch(/commenti.*celle unite/s);
  });

  it('refuses to run below ExcelApi 1.5, with an Italian sentence', async () => {
    await expect(checkWorkbook(fresh('1.4').host(), 'workbook')).rejects.toThrow(AddinError);
    await expect(checkWorkbook(fresh('1.4').host(), 'workbook')).rejects.toThrow(/ExcelApi 1\.5.*Aggiorna Excel/);
  });

  it.each([
    ['1.18', 'note'],
    ['1.13', 'comment'],
    ['1.12', 'comment'],
    ['1.9', 'fill'],
    ['1.5', 'fill'],
  ])('ExcelApi %s: messages by %s, same findings, and a clean restore', async (version, via) => {
    const excel = fresh(version);
    const reference = await checkWorkbook(fresh('1.18').host(), 'workbook');
    const out = await checkWorkbook(excel.host(), 'workbook');
    expect(out.marked.via).toBe(via);
    // merged cells are read from 1.13: the findings equal those of an up-to-date Excel when the sheets hold no merge that matters
    if (versionAtLeast(version, '1.13')) expect(out.dossier.findings).toEqual(reference.dossier.findings);
    expect(out.notices).toEqual(capabilityNotices(detectCapabilities(supports(version))));
    const sheets = excel.workbook.sheets;
    const notes = sheets.flatMap((s) => [...s.notes.values()].map((n) => n.content)).filter((c) => c.startsWith(NOTE_TITLE));
    const comments = sheets.flatMap((s) => [...s.comments.values()].map((c) => c.content));
    expect(notes.length > 0).toBe(via === 'note');
    expect(comments.length > 0).toBe(via === 'comment');
    const filled = sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.fill && Object.values(FLAG_FILL).includes(c.fill.color)));
    expect(filled.length).toBe(out.marked.cells);

    const reopened = excel.reopen();
    const cleared = await clearFlags(reopened.host());
    expect(cleared.report.restored).toBe(out.marked.cells);
    expect(reopened.workbook.toData().sheets).toEqual(data.sheets);
    expect(reopened.workbook.customXmlParts).toEqual([]);
  });

  it('flags written with notes wait for an Excel that can read notes to be removed', async () => {
    const excel = fresh('1.18');
    await checkWorkbook(excel.host(), 'workbook');
    const older = new FakeExcel(excel.workbook.reopened(), { apiVersion: '1.13' });
    const first = await clearFlags(older.host());
    expect(first.report.pending).toBeGreaterThan(0);
    expect(older.workbook.customXmlParts.length).toBeGreaterThan(0); // the records wait, one part per sheet
    const newer = new FakeExcel(older.workbook.reopened(), { apiVersion: '1.18' });
    const second = await clearFlags(newer.host());
    expect(second.report.pending).toBe(0);
    expect(newer.workbook.toData().sheets).toEqual(data.sheets);
    expect(newer.workbook.customXmlParts).toEqual([]);
  });

  it('leaves a protected sheet untouched and says so; clears it once unprotected', async () => {
    const excel = fresh('1.18');
    excel.workbook.sheets[1].protected_ = true;
    const out = await checkWorkbook(excel.host(), 'workbook');
    expect(out.notices.join(' ')).toMatch(/è protetto/);
    expect(out.dossier.findings.some((f) => f.sheet === data.sheets[1].name)).toBe(true);
    expect(excel.workbook.sheets[1].toData()).toEqual({ ...data.sheets[1], protected: true });
    await checkWorkbook(excel.host(), 'active'); // the active sheet is the first: flags there only
    excel.workbook.sheets[0].protected_ = true;
    const blocked = await clearFlags(excel.host());
    expect(blocked.notices.join(' ')).toMatch(/protetto/);
    expect(excel.workbook.customXmlParts).toHaveLength(1);
    excel.workbook.sheets[0].protected_ = false;
    excel.workbook.sheets[1].protected_ = false;
    await clearFlags(excel.host());
    expect(excel.workbook.toData().sheets).toEqual(data.sheets.map((s) => ({ ...s, protected: false })));
  });
});
