/**
 * One test per kind of bad input (tests/robustness/make-corpus.ts writes them): each dossier holds the
 * bad file and a clean workbook. Whatever the bad file is, piao refuses it with an Italian line
 * naming it, or reads it with a finding saying what it met; the clean workbook is always imported,
 * no message carries a stack trace, memory stays bounded and no source is touched.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { collectInputs } from '../../importer/cli/collect';
import { importDossier } from '../../importer/cli/import-dossier';
import { describeDossier } from '../../importer/cli/summary';
import { Analysis } from '../../importer/engine/analyse';
import { Dossier, Finding } from '../../importer/engine/schema/dossier';
import { hashFiles } from '../helpers/cli';
import { tempDir } from '../helpers/xlsx';
import { CORPUS, CorpusCase, GOOD_FILE, INJECTIONS, OBJECTIVES, PROTO_LABELS, writeCorpus } from './make-corpus';

/** Refused: the Italian reason after "<file>: ". */
const REFUSED: Record<string, RegExp> = {
  'corrupt-zip': /^il file è danneggiato \(archivio xlsx non leggibile\)/,
  'truncated-xlsx': /^il file è incompleto \(troncato/,
  'empty-xlsx': /^il file è vuoto \(0 byte\)\.$/,
  'empty-csv': /^il file è vuoto\.$/,
  'blank-csv': /^il file è vuoto\.$/,
  'text-renamed-xlsx': /^non è una cartella di lavoro Excel valida \(sembra un file di testo rinominato \.xlsx\): se è un CSV, rinominalo in \.csv e importalo di nuovo\.$/,
  'password-xlsx': /^la cartella di lavoro è protetta da password: toglila in Excel/,
  'legacy-xls': /^è un file Excel 97-2003 \(\.xls\): aprilo in Excel o LibreOffice e salvalo come \.xlsx\.$/,
  'xls-renamed-xlsx': /^è un file Excel 97-2003 \(\.xls\)/,
  ods: /^è un foglio OpenDocument \(\.ods\)/,
  'ods-renamed-xlsx': /^è un foglio OpenDocument \(\.ods\)/,
  'xlsx-renamed-csv': /^il file ha estensione \.csv ma contiene una cartella di lavoro Excel: rinominalo in \.xlsx\.$/,
  'binary-csv': /^il file non contiene testo leggibile \(codifica non riconosciuta o file non di testo\): salvalo da Excel come «CSV UTF-8»\.$/,
  'zip-bomb-declared': /^la parte xl\/media\/image1\.png si espanderebbe a 3 GB \(limite 512 MB\): potrebbe essere una «zip bomb»/,
  'zip-bomb-lying': /^una parte dell’archivio si espande oltre la dimensione dichiarata: potrebbe essere una «zip bomb»/,
  'xml-entity-bomb': /^la parte xl\/sharedStrings\.xml contiene una dichiarazione DOCTYPE o ENTITY.*XML bomb o XXE/,
  xxe: /^la parte xl\/worksheets\/sheet1\.xml contiene una dichiarazione DOCTYPE o ENTITY/,
  'zip-slip': /^l’archivio contiene un percorso non valido \(«\.\.\/\.\.\/\.\.\/tmp\/piao-evil\.sh»\)/,
  'no-workbook': /^non contiene una cartella di lavoro Excel/,
  'encrypted-entry': /^la cartella di lavoro è cifrata/,
  'unsupported-compression': /^l’archivio usa un metodo di compressione che Excel non usa/,
  'too-wide-csv': /^il record 1 ha 20\.000 colonne \(limite 16\.384, come Excel\)/,
};

/** Read, with a read-problem finding whose message matches. */
const PROBLEMS: Record<string, RegExp> = {
  'zero-byte-sheet': /^il foglio «Rovinato» è vuoto o danneggiato e non è stato letto; gli altri fogli sì\.$/,
  'broken-sheet-xml': /^il foglio «Rovinato» è danneggiato \(il suo XML non è valido\) e non è stato letto; gli altri fogli sì: aprilo in Excel o LibreOffice e salvalo di nuovo\.$/,
  // read whole, but the copies and PIAO.xlsx cut it to what Excel accepts: said at the cell
  'huge-cell': /^La cella contiene un testo di 1\.040\.000 caratteri, oltre i 32\.767 che Excel ammette in una cella: piao lo legge intero, ma nella copia annotata e in PIAO\.xlsx è tagliato/,
  'mixed-encodings-csv': /^il file mescola due codifiche dei caratteri \(UTF-8 e Windows-1252, la seconda dalla riga 4 circa\)/,
  'unclosed-quote-csv': /^alla riga 3 del file si aprono delle virgolette che non si chiudono/,
  'beyond-excel-limits': /^2 celle o unioni hanno un indirizzo non valido o oltre XFD1048576 e sono state saltate/,
  'missing-shared-string': /^1 celle rimandano a testi condivisi che mancano nel file/,
};

interface Result {
  c: CorpusCase;
  analysis: Analysis;
  dossier: Dossier;
  written: Dossier;
  printed: string;
  peakGrowth: number;
}

/** Read as they should be: what the user relies on. */
const READ: Record<string, (r: Result) => void> = {
  'utf16-csv': (r) => expect(titles(r)).toContain('Prenotazioni on line'),
  'cr-line-endings-csv': (r) => expect(titles(r)).toContain('Pagamenti con pagoPA'),
  'ten-thousand-columns': (r) => expect(grid(r, 'Obiettivi').colCount).toBe(10_000),
  'million-empty-formatted-rows': (r) => expect(grid(r, 'Obiettivi').rowCount).toBe(OBJECTIVES.length),
  'merged-whole-sheet': (r) => {
    const whole = grid(r, 'Tutto unito');
    expect(whole.cellCount).toBe(1);
    expect(whole.shownText(0, 9000)).toBe('Titolo su tutto il foglio');
    expect(grid(r, 'Obiettivi').mergeAt(3, 16_000)).toEqual({ top: 3, left: 5, bottom: 3, right: 16_383 });
  },
  'formula-errors': (r) => {
    const unparseable = own(r).filter((f) => f.rule === 'value-unparseable');
    // every weight, and the code of the last row, are errors: each reported at its cell
    expect(unparseable.map((f) => f.cell)).toEqual(['D2', 'D3', 'D4', 'D5', 'D6', 'A7', 'D7']);
    expect(unparseable[0].message).toBe("Non riesco a leggere il peso dell'obiettivo 01: «#N/A» non è un numero o una percentuale.");
    expect(unparseable[5].message).toBe("Non riesco a leggere il codice dell'obiettivo: «#DIV/0!» non è un codice come 01.02.03.");
  },
  'dates-as-text': (r) => {
    // a date written as text is a text: kept as written, never read as a number or a weight
    expect(objectives(r).map((o) => o.target)).toEqual(['10/12/2024', '11/12/2024', '12/12/2024', '13/12/2024', '14/12/2024']);
    expect(objectives(r).map((o) => o.weight).filter((w) => w !== undefined)).toEqual([60, 40]);
  },
  'numbers-as-text': (r) => {
    expect(objectives(r).map((o) => o.weight).filter((w) => w !== undefined)).toEqual([60, 40]);
    expect(own(r).filter((f) => f.severity !== 'info')).toEqual([]);
  },
  'header-only': (r) => {
    expect(objectives(r)).toEqual([]);
    expect(own(r).filter((f) => f.severity !== 'info')).toEqual([]);
  },
  'header-only-csv': (r) => expect(objectives(r)).toEqual([]),
  'duplicated-headers': (r) => expect(objectives(r).map((o) => o.weight).filter((w) => w !== undefined)).toEqual([60, 40]),
  'proto-headers': (r) => {
    const seen = r.written.findings.find((f) => f.rule === 'header-unrecognised' && f.sheet === '__proto__');
    expect(seen?.actual).toEqual(PROTO_LABELS);
    expect(r.written.sources.find((s) => s.file === r.c.file)!.sheets.map((s) => s.name)).toEqual(['Obiettivi', '__proto__']);
  },
  'proto-headers-csv': (r) => expect(titles(r)).toContain('Comune digitale'),
  'formula-injection': (r) => {
    const read = objectives(r);
    expect(read.map((o) => o.title)).toEqual(INJECTIONS);
    expect(read.map((o) => o.structure)).toEqual(INJECTIONS);
    expect(r.written.objectives.filter((o) => o.at.file === r.c.file).map((o) => o.title)).toEqual(INJECTIONS);
  },
  'huge-cell': (r) => {
    expect(objectives(r).find((o) => o.code === '01.01.01.01')!.title.length).toBeGreaterThan(1_000_000);
    expect(r.printed.length).toBeLessThan(20_000);
  },
  'very-hidden-sheet': (r) => expect(titles(r)).toContain('Sportello digitale'),
  'excel-lock-file': (r) => expect(r.dossier.sources.map((s) => s.file)).toEqual([GOOD_FILE]),
};

const titles = (r: Result) => objectives(r).map((o) => o.title);
const objectives = (r: Result) => r.dossier.objectives.filter((o) => o.at.file === r.c.file);
const own = (r: Result): Finding[] => r.dossier.findings.filter((f) => f.file === r.c.file);
const grid = (r: Result, sheet: string) => r.analysis.model.sources.find((s) => s.file === r.c.file)!.grids.find((g) => g.sheet === sheet)!;

const STACK = /\n\s+at |\bat .+:\d+:\d+|(Type|Range|Reference|Syntax)Error|ENOENT|undefined|\[object /;

describe('robustness corpus', () => {
  let root: string;
  let out: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    root = tempDir('piao-corpus-');
    out = tempDir('piao-corpus-out-');
    await writeCorpus(root);
    before = hashFiles(root);
  }, 60_000);

  it('covers at least 30 kinds of bad input, each with an expectation', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
    const expected = [...new Set([...Object.keys(REFUSED), ...Object.keys(PROBLEMS), ...Object.keys(READ)])];
    expect([...expected].sort()).toEqual(CORPUS.map((c) => c.id).sort());
  });

  it.each(CORPUS.map((c) => [c.id, c.what, c] as const))('%s: %s', async (_, __, c) => {
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const { files } = await collectInputs([join(root, c.id)]);
    const result = await importDossier(files, join(out, c.id));
    const dossier = result.analysis.dossier;
    const written = JSON.parse(readFileSync(join(out, c.id, 'piao.json'), 'utf8')) as Dossier;
    const printed = describeDossier(dossier);
    const r: Result = { c, analysis: result.analysis, dossier, written, printed, peakGrowth: process.resourceUsage().maxRSS * 1024 - peakBefore };

    // the clean workbook beside it is always imported whole
    const good = dossier.sources.find((s) => s.file === GOOD_FILE)!;
    expect(good.status).toBe('ok');
    expect(dossier.objectives.filter((o) => o.at.file === GOOD_FILE)).toHaveLength(5);
    // no stack trace, no internal error, in anything a user reads
    for (const line of [printed, ...dossier.sources.map((s) => s.error ?? ''), ...dossier.findings.map((f) => f.message)]) expect(line).not.toMatch(STACK);
    expect(dossier.findings.filter((f) => f.message.startsWith('Controllo'))).toEqual([]);
    // memory bounded: no case grows the process by more than 400 MB
    expect(r.peakGrowth).toBeLessThan(400 * 1024 * 1024);

    const source = dossier.sources.find((s) => s.file === c.file);
    if (REFUSED[c.id]) {
      expect(source?.status).toBe('failed');
      expect(source?.error?.startsWith(`${c.file}: `)).toBe(true);
      expect(source!.error!.slice(c.file.length + 2)).toMatch(REFUSED[c.id]);
      expect(printed).toContain(`✗ ${source!.error}`);
      expect(result.failed).toBe(1);
    } else if (PROBLEMS[c.id]) {
      expect(source?.status).toBe('ok');
      const problems = own(r).filter((f) => f.rule === 'read-problem');
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toMatch(PROBLEMS[c.id]);
      expect(printed).toContain(`[read-problem] ${problems[0].sheet}!${problems[0].cell}: ${problems[0].message}`);
      expect(objectives(r)).toHaveLength(5);
      READ[c.id]?.(r);
    } else {
      if (c.id !== 'excel-lock-file') expect(source?.status).toBe('ok');
      expect(own(r).filter((f) => f.rule === 'read-problem')).toEqual([]);
      READ[c.id](r);
    }
  }, 60_000);

  it('leaves every source byte-identical, and writes nothing outside the output folder', () => {
    expect(hashFiles(root)).toEqual(before);
    expect(() => statSync('/tmp/piao-evil.sh')).toThrow();
  });

  it('pollutes no prototype', () => {
    const probe: Record<string, unknown> = {};
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(probe.polluted).toBeUndefined();
    expect(typeof ({} as { constructor: unknown }).constructor).toBe('function');
  });
});
