import { analyse, SourceInput } from '../../../importer/engine/analyse';
import { parseMapping } from '../../../importer/engine/mapping/parse';
import { Mapping, MappingSheet } from '../../../importer/engine/mapping/schema';
import { readBytes } from '../../../importer/read/read-source';
import { Row, SheetSpec, xlsx } from '../../corpus/fixtures/kit';

async function inputs(file: string, sheets: SheetSpec[]): Promise<SourceInput[]> {
  return [{ file, grids: await readBytes(await xlsx(sheets), file) }];
}
const mapping = (sheets: MappingSheet[]): string => JSON.stringify({ mappingVersion: 1, sheets } satisfies Mapping);
const serious = (d: { findings: { severity: string; rule: string; cell: string; message: string }[] }) => d.findings.filter((f) => f.severity !== 'info');

/** Objectives an office keeps under headers the program does not know. */
const ACTIVITIES: Row[] = [
  ['Programma delle attività 2024 - Ufficio tecnico'],
  [],
  ['Attività programmata', 'Ufficio', 'Punteggio atteso', 'Referente'],
  ['Rifacimento della segnaletica orizzontale', 'Manutenzioni', 40, 'Geom. Rossi'],
  ['Censimento delle alberature', 'Verde pubblico', 35, 'Geom. Rossi'],
  ['Sportello telematico edilizia', 'Edilizia privata', 25, 'Arch. Verdi'],
];
const ACTIVITIES_ENTRY: MappingSheet = {
  file: 'attivita-2024.xlsx',
  sheet: 'Attività',
  headerLabels: ['Attività programmata', 'Ufficio', 'Punteggio atteso', 'Referente'],
  tables: [
    {
      family: 'objectives',
      kind: 'objectives',
      range: 'A1:D6',
      headerRows: [3],
      columns: [
        { column: 'A', label: 'Attività programmata', role: 'title' },
        { column: 'B', label: 'Ufficio', role: 'structure' },
        { column: 'C', label: 'Punteggio atteso', role: 'weight' },
        { column: 'D', label: 'Referente', role: 'responsible' },
      ],
    },
  ],
};

describe('a mapping the officer wrote, applied instead of detection', () => {
  it('reads a sheet the program did not recognise, with the roles the officer gave', async () => {
    const input = await inputs('attivita-2024.xlsx', [{ name: 'Attività', rows: ACTIVITIES }]);
    expect(analyse(input).dossier.objectives).toEqual([]);
    const { dossier, mapping: used } = analyse(input, { mapping: parseMapping(mapping([ACTIVITIES_ENTRY]), 'm.json') });
    expect(dossier.objectives.map((o) => [o.code, o.title, o.structure, o.responsible, o.weight, o.weightKind])).toEqual([
      ['1', 'Rifacimento della segnaletica orizzontale', 'Manutenzioni', 'Geom. Rossi', 40, 'percentage'],
      ['2', 'Censimento delle alberature', 'Verde pubblico', 'Geom. Rossi', 35, 'percentage'],
      ['3', 'Sportello telematico edilizia', 'Edilizia privata', 'Arch. Verdi', 25, 'percentage'],
    ]);
    expect(dossier.sources[0].sheets[0]).toMatchObject({ name: 'Attività', kind: 'objectives' });
    // what was used is what the import writes back
    expect(used.sheets).toEqual([ACTIVITIES_ENTRY]);
    expect(serious(dossier)).toEqual([]);
  });

  it("reads next year's file the same way: another name, the header two rows lower, more rows", async () => {
    const next: Row[] = [['Comune di Valle Serena'], ...ACTIVITIES.slice(0, 2), [], [], ...ACTIVITIES.slice(2), ['Digitalizzazione delle pratiche sismiche', 'Edilizia privata', 10, 'Arch. Verdi']];
    const input = await inputs('attivita-2025.xlsx', [{ name: 'Foglio1', rows: next }]);
    const { dossier } = analyse(input, { mapping: parseMapping(mapping([ACTIVITIES_ENTRY]), 'm.json') });
    expect(dossier.objectives.map((o) => [o.title, o.at.cell])).toEqual([
      ['Rifacimento della segnaletica orizzontale', 'A7'],
      ['Censimento delle alberature', 'A8'],
      ['Sportello telematico edilizia', 'A9'],
      ['Digitalizzazione delle pratiche sismiche', 'A10'],
    ]);
  });

  it('reads a staff table whose columns it did not understand once the officer says what they count', async () => {
    const rows: Row[] = [
      ['Personale al 31/12/2023'],
      ['Qualifica', 'Col. 1', 'Col. 2', 'Comandati'],
      ['Funzionari', 12, 8, 1],
      ['Istruttori', 20, 11, 0],
    ];
    const input = await inputs('personale.xlsx', [{ name: 'Personale', rows }]);
    const detected = analyse(input);
    expect(detected.dossier.pap.headcount.total).toBe(0);
    const entry: MappingSheet = {
      file: 'personale.xlsx',
      sheet: 'Personale',
      headerLabels: ['Qualifica', 'Col. 1', 'Col. 2', 'Comandati'],
      tables: [
        {
          family: 'staff',
          kind: 'headcount',
          range: 'A2:D4',
          headerRows: [2],
          columns: [
            { column: 'A', label: 'Qualifica', role: 'category' },
            { column: 'B', label: 'Col. 1', role: 'count', gender: 'F' },
            { column: 'C', label: 'Col. 2', role: 'count', gender: 'M' },
            { column: 'D', label: 'Comandati', role: 'ignored' },
          ],
        },
      ],
    };
    const { dossier } = analyse(input, { mapping: parseMapping(mapping([entry]), 'm.json') });
    expect(dossier.pap.headcount).toMatchObject({ F: 32, M: 19, total: 51 });
    expect(dossier.pap.referenceDate).toBe('2023-12-31');
    expect(dossier.headcount.find((h) => h.category === 'funzionario' && h.gender === 'F')?.at.cell).toBe('B3');
  });
});

describe('a mapping that does not fit', () => {
  const sheets: SheetSpec[] = [
    { name: 'Attività', rows: ACTIVITIES },
    { name: 'Altro', rows: ACTIVITIES },
  ];

  it('says in Italian which entry is wrong and why, reads that sheet by detection, and applies the others', async () => {
    const input = await inputs('attivita-2024.xlsx', sheets);
    const bad = { ...ACTIVITIES_ENTRY, sheet: 'Altro', tables: [{ ...ACTIVITIES_ENTRY.tables[0], columns: [{ column: 'A', label: 'x', role: 'obiettivone' }] }] };
    const parsed = parseMapping(JSON.stringify({ mappingVersion: 1, sheets: [ACTIVITIES_ENTRY, bad] }), 'm.json');
    expect(parsed.sheets).toHaveLength(1);
    expect(parsed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Mappatura, foglio «Altro» di «attivita-2024\.xlsx»: tabella 1, colonna A, il ruolo: valore non ammesso \(ammessi: «objective», «code»/)]);
    const { dossier } = analyse(input, { mapping: parsed });
    expect(dossier.objectives.filter((o) => o.at.sheet === 'Attività')).toHaveLength(3);
    expect(dossier.objectives.filter((o) => o.at.sheet === 'Altro')).toHaveLength(0);
    const f = dossier.findings.filter((x) => x.rule === 'mapping-unusable');
    expect(f.map((x) => [x.sheet, x.cell, x.severity])).toEqual([['Altro', 'A1', 'warning']]);
  });

  it.each([
    ['a column beyond the sheet', { column: 'H', label: 'x', role: 'title' }, /la colonna H è fuori dal foglio \(l'ultima colonna usata è D\)/],
    ['no column naming the objectives', { column: 'B', label: 'Ufficio', role: 'structure' }, /manca una colonna che nomini gli obiettivi/],
  ])('%s', async (_name, column, message) => {
    const input = await inputs('attivita-2024.xlsx', [sheets[0]]);
    const entry = { ...ACTIVITIES_ENTRY, tables: [{ ...ACTIVITIES_ENTRY.tables[0], columns: [column] }] };
    const { dossier } = analyse(input, { mapping: parseMapping(JSON.stringify({ mappingVersion: 1, sheets: [entry] }), 'm.json') });
    const f = dossier.findings.filter((x) => x.rule === 'mapping-unusable');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(/^Mappatura, foglio «Attività» di «attivita-2024\.xlsx»: /);
    expect(f[0].message).toMatch(message);
    expect(f[0].message).toMatch(/letto riconoscendo le colonne da sé\.$/);
    // the sheet is read by detection: nothing recognised there, so no objective, and nothing stops
    expect(dossier.objectives).toEqual([]);
  });

  it('refuses a file that is not a mapping, in Italian', () => {
    expect(() => parseMapping('{ non json', 'mia.json')).toThrow(/^La mappatura «mia\.json» non è un file JSON valido/);
    expect(() => parseMapping('{"fogli": []}', 'mia.json')).toThrow(/non ha l'elenco «sheets»/);
  });

  it('asks the level of an «objective» column', () => {
    const entry = { ...ACTIVITIES_ENTRY, tables: [{ ...ACTIVITIES_ENTRY.tables[0], columns: [{ column: 'A', label: 'x', role: 'objective' }] }] };
    const parsed = parseMapping(JSON.stringify({ mappingVersion: 1, sheets: [entry] }), 'm.json');
    expect(parsed.problems[0].message).toMatch(/colonna A: il ruolo «objective» vuole il livello/);
  });
});
