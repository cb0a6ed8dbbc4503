import { analyse } from '../../../importer/engine/analyse';
import { evaluateFormula } from '../../../importer/engine/formulas/evaluate';
import { CellValue, Grid } from '../../../importer/engine/grid/grid';
import { parseA1 } from '../../../importer/engine/grid/address';

/**
 * The formulas piao computes when a file comes without their values: arithmetic and sums over
 * cells of the same sheet, with Excel's semantics; everything else is refused with the reason.
 */

function cells(values: Record<string, CellValue>, sheet = 'Personale') {
  const at = new Map(Object.entries(values).map(([ref, v]) => [`${parseA1(ref).row},${parseA1(ref).col}`, v]));
  return { sheet, valueAt: (row: number, col: number) => at.get(`${row},${col}`) ?? null };
}

const SHEET = cells({ B3: 5, B4: 10, B5: 3, C3: 4, C4: 8, C5: 'n.d.', D3: '7', E3: true, F3: { error: '#DIV/0!' }, G3: new Date('2023-12-31') });

describe('evaluateFormula', () => {
  it.each([
    ['SUM(B3:B5)', 18],
    ['=SUM(B3:B5)', 18],
    ['sum(b3:b5)', 18],
    ['SUM($B$3:$B5)', 18],
    ['SUM(B3:C5)', 30], // the text «n.d.» in a range is skipped, as Excel does
    ['SUM(B3,B4;B5)', 18],
    ['SUM(B3:B4)+B5*2', 21],
    ['(B3+B4)/B5', 5],
    ['B3-B4', -5],
    ['-B3+10%*B4', -4],
    ['2^3', 8],
    ['B3+D3', 12], // a number written as text counts in arithmetic
    ['SUM(D3)', 0], // ...not in a sum
    ['B9+1', 1], // an empty cell is 0
    ['Personale!B3+B4', 15],
    ["'Personale'!B3*2", 10],
    ['SUM()', 0],
    ['0.1+0.2', 0.3],
    ['_xlfn.SUM(B3:B4)', 15],
    ['E3+1', 2],
  ])('%s = %p', (f, v) => {
    expect(evaluateFormula(f, SHEET)).toBe(v);
  });

  it.each([
    ['VLOOKUP(B3,A1:C9,2,FALSE)', /funzione VLOOKUP/],
    ['Foglio2!B3+1', /un altro foglio \(«Foglio2»\)/],
    ["'[1]Personale 2023'!B3", /un’altra cartella di lavoro/],
    ['[Budget.xlsx]Foglio1!A1', /un’altra cartella di lavoro/],
    ['B3/0', /divide per zero/],
    ['C5+1', /testo \(«n\.d\.»\)/],
    ['F3+1', /cella in errore \(#DIV\/0!\)/],
    ['SUM(F3)', /cella in errore/],
    ['G3+1', /data/],
    ['Totale_donne*2', /nome «Totale_donne»/],
    ['IF(B3>1,1,0)', /funzione IF/],
    ['B3&B4', /concatenamento/],
    ['"a"', /testo/],
    ['SUM(B:B)', /colonne o righe intere/],
    ['SUM(3:5)', /colonne o righe intere/],
    ['B3+', /incompleta/],
    ['(B3', /forma/],
    ['{1,2}', /matrice/],
  ])('%s is not computed: %p', (f, why) => {
    const r = evaluateFormula(f, SHEET);
    expect(typeof r).toBe('object');
    expect((r as { why: string }).why).toMatch(why);
  });
});

describe('formulas without values in a sheet: computed where simple, a finding at every cell', () => {
  /** The headcount table of a generator that writes formulas and no values (openpyxl, exceljs, the .NET SDK). */
  function grid(withLookup: boolean): Grid {
    const g = new Grid('personale.xlsx', 'Personale');
    const rows: (string | number | null)[][] = [['Personale al 31/12/2023'], ['Categoria', 'Donne', 'Uomini', 'Totale'], ['Cat. D', 5, 4, null], ['Cat. C', 10, 8, null], ['Cat. B', 3, withLookup ? null : 3, null], ['Totale', null, null, null]];
    rows.forEach((r, i) => r.forEach((v, c) => v !== null && g.set(i, c, { value: v })));
    for (const r of [2, 3, 4]) g.setUncomputedFormula(r, 3, `B${r + 1}+C${r + 1}`);
    if (withLookup) g.setUncomputedFormula(4, 2, "VLOOKUP(A5,'Anno prima'!A:C,3,FALSE)");
    g.setUncomputedFormula(5, 1, 'SUM(B3:B5)');
    g.setUncomputedFormula(5, 2, 'SUM(C3:C5)');
    g.setUncomputedFormula(5, 3, 'SUM(D3:D5)');
    return g;
  }

  it('simple sums are computed: the totals are checked and the statistics are whole, each cell says it was computed', () => {
    const { dossier } = analyse([{ file: 'personale.xlsx', grids: [grid(false)] }]);
    expect(dossier.pap.headcount).toMatchObject({ F: 18, M: 15, total: 33 });
    const computed = dossier.findings.filter((f) => f.rule === 'read-problem');
    expect(computed.map((f) => [f.cell, f.severity])).toEqual(['D3', 'D4', 'D5', 'B6', 'C6', 'D6'].map((c) => [c, 'info']));
    expect(computed.find((f) => f.cell === 'D6')!.message).toBe(
      "La cella ha la formula =SUM(D3:D5) ma il file non ne riporta il valore (è stato scritto da un programma che non calcola le formule): piao l'ha calcolata, vale 33, ed è letto questo valore.",
    );
    expect(dossier.findings.filter((f) => f.rule !== 'read-problem')).toEqual([]);
  });

  it('a formula piao does not compute is a warning at its cell, and so is every formula that uses it: never a silent 0', () => {
    const { dossier } = analyse([{ file: 'personale.xlsx', grids: [grid(true)] }]);
    const warnings = dossier.findings.filter((f) => f.rule === 'read-problem' && f.severity === 'warning');
    expect(warnings.map((f) => f.cell)).toEqual(['C5', 'D5', 'C6', 'D6']);
    expect(warnings[0].message).toMatch(/^La cella ha la formula =VLOOKUP\(A5,'Anno prima'!A:C,3,FALSE\) ma il file non ne riporta il valore .*e piao non la calcola: usa la funzione VLOOKUP, che piao non calcola\. La cella è letta come vuota: i totali e le statistiche che la usano possono essere incompleti\. Apri il file in Excel o LibreOffice e salvalo/);
    expect(warnings[1].message).toMatch(/usa la cella C5, la cui formula non è calcolata/);
  });

  it('a value the file asks to recalculate (XlsxWriter writes 0): checked against the formula, read as computed', () => {
    const g = new Grid('personale.xlsx', 'Personale');
    [['Categoria', 'Donne', 'Uomini'], ['Cat. D', 5, 4], ['Cat. C', 10, 8], ['Totale', 0, 12]].forEach((r, i) => r.forEach((v, c) => g.set(i, c, { value: v })));
    g.setUncomputedFormula(3, 1, 'SUM(B2:B3)', 0);
    g.setUncomputedFormula(3, 2, 'SUM(C2:C3)', 12);
    const { dossier } = analyse([{ file: 'personale.xlsx', grids: [g] }]);
    expect(dossier.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([['read-problem', 'B4', 'warning']]);
    expect(dossier.findings[0].message).toBe("Il file chiede di ricalcolare le formule all'apertura e per la formula =SUM(B2:B3) riporta 0, ma la formula dà 15: piao l'ha calcolata ed è letto 15.");
  });

  it('a loop of formulas is not computed, and says so', () => {
    const g = new Grid('x.xlsx', 'F');
    g.setUncomputedFormula(0, 0, 'B1+1');
    g.setUncomputedFormula(0, 1, 'A1+1');
    const { dossier } = analyse([{ file: 'x.xlsx', grids: [g] }]);
    expect(dossier.findings.map((f) => [f.cell, f.severity])).toEqual([
      ['A1', 'warning'],
      ['B1', 'warning'],
    ]);
    expect(dossier.findings.map((f) => f.message).join(' ')).toMatch(/circolare/);
  });

  it('analysing the same grids twice gives the same findings (the mapping round trip reads them again)', () => {
    const g = grid(true);
    const first = analyse([{ file: 'personale.xlsx', grids: [g] }]).dossier;
    const second = analyse([{ file: 'personale.xlsx', grids: [g] }]).dossier;
    expect(second).toEqual(first);
  });
});
