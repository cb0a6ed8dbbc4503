/**
 * The add-in's «Controlla» on a large sheet, in the strict in-memory Excel of the tests
 * (tests/addin/fake-excel/: queued calls, load before read, 5 MB per request and per response):
 * how many syncs (round trips to Excel) it takes and the largest payload of one, for reading the
 * sheet and for flagging what the engine found. Run by bench/run.ts in a fresh process:
 *
 *   node -r @swc-node/register bench/addin-task.ts <rows>
 *
 * Prints one JSON line. The sheet is the staff register of the bench (20 columns), with one row in
 * a hundred entered twice and one in five hundred with an unreadable gender, so that the check has
 * cells to flag (duplicate rows with their first row, unreadable values).
 */
import { performance } from 'node:perf_hooks';
import { checkWorkbook } from '../addin/office/actions';
import { detectCapabilities } from '../addin/office/capabilities';
import { readWorkbook } from '../addin/office/read-workbook';
import { FakeExcel, PAYLOAD_LIMIT } from '../tests/addin/fake-excel/excel';
import { FakeWorkbook } from '../tests/addin/fake-excel/workbook';
import { RegisterCell, registerRows } from './generate/register';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

function excelValue(v: RegisterCell): string | number | null {
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / DAY;
  return v;
}

function registerBook(rows: number): FakeExcel {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('Personale al 31.12.2024');
  let r = 0;
  let previous: RegisterCell[] | undefined;
  for (const values of registerRows(rows)) {
    // a row entered twice (the same person, same figures), and a gender nobody can read
    const row = r > 1 && r % 100 === 0 && previous ? previous : values;
    row.forEach((v, c) => {
      const value = r > 1 && r % 500 === 250 && c === 3 ? '?' : excelValue(v);
      if (value === null) return;
      s.setValue(r, c, value);
      if (v instanceof Date) s.edit(r, c).format = 'dd/mm/yyyy';
    });
    previous = values;
    r++;
  }
  return new FakeExcel(wb);
}

interface SyncFigures {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalBytes: number;
}

function figures(excel: FakeExcel): SyncFigures {
  return {
    syncs: excel.stats.syncs,
    maxRequestBytes: excel.maxRequestBytes,
    maxResponseBytes: excel.maxResponseBytes,
    totalBytes: excel.stats.log.reduce((n, l) => n + l.requestBytes + l.responseBytes, 0),
  };
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 50_000);
  // reading alone, on a workbook of its own
  const readOnly = registerBook(rows);
  const caps = detectCapabilities((n, v) => readOnly.isSetSupported(n, v));
  await readOnly.run((ctx) => readWorkbook(ctx, { file: 'registro.xlsx', scope: 'workbook', caps }));
  const read = figures(readOnly);

  // «Controlla» as the task pane runs it: read, engine, flags
  const excel = registerBook(rows);
  const t = performance.now();
  const check = await checkWorkbook(excel.host(), 'workbook');
  const ms = performance.now() - t;
  const all = figures(excel);
  const cells = check.checked.reduce((n, s) => n + s.cells, 0);
  process.stdout.write(
    `${JSON.stringify({
      ms,
      rows,
      cells,
      findings: check.dossier.findings.length,
      flagged: check.marked.cells,
      notes: check.marked.texts,
      read,
      all,
      flag: { syncs: all.syncs - read.syncs },
      payloadLimit: PAYLOAD_LIMIT,
    })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
