/**
 * `mappatura.json`: how each sheet was read (where its tables are, their header rows, what each
 * column holds), written by every import and applied by `piao import --mappa <file>` instead of
 * detection for the sheets it names. A public format (CONTRACT.md): its JSON Schema is generated
 * into schema/mappatura.schema.json, with field descriptions in Italian for the officer who edits it.
 */
import { z } from 'zod';
import { AgeBand, Category, Gender, ObjectiveLevel, SheetKind, WorkRegime } from '../schema/dossier';

export const MAPPING_VERSION = 1;

const A1Range = z.string().regex(/^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/);

/** What a column of an objectives table holds. */
export const ObjectiveColumnRole = z
  .enum([
    'objective',
    'code',
    'title',
    'level',
    'parent-code',
    'structure',
    'responsible',
    'indicator',
    'target',
    'baseline',
    'weight',
    'mission',
    'programme',
    'type',
    'deadline',
    'resources',
    'progress',
    'notes',
    'ignored',
  ])
  .describe(
    "Che cosa contiene la colonna di una tabella di obiettivi: objective (codice e titolo nella stessa cella, con «level»), code (codice; con «level» per le gerarchie appiattite), title (titolo; idem), level (il livello scritto a parole), parent-code (codice dell'obiettivo di riferimento, es. DUP), structure (settore/servizio), responsible (responsabile o dirigente), indicator, target, baseline, weight (peso; con «manager» se è la colonna di un dirigente), mission (missione), programme (programma), type (tipologia), deadline (scadenza), resources (risorse), progress (avanzamento o risultato raggiunto), notes (note, azioni), ignored (da non leggere).",
  );

/** What a column of a staff table holds: the row labels of one dimension, or figures. */
export const StaffColumnRole = z
  .enum(['category', 'structure', 'tipologia', 'gender', 'year', 'regime', 'age', 'movement', 'contract', 'smart-working', 'staff', 'label', 'count', 'total', 'percentage', 'change', 'ignored'])
  .describe(
    'Che cosa contiene la colonna di una tabella del personale. Colonne di etichette delle righe: category (categoria/area/profilo), structure (settore), tipologia (tipologia di personale), gender (genere), year (anno), regime (regime orario), age (fascia d’età), movement (assunzioni/cessazioni), contract (tempo determinato/indeterminato), smart-working, staff, label (altre etichette). Colonne di cifre: count (persone, con i qualificatori gender, category, year...), total (un totale), percentage (una percentuale), change (una differenza, mai un conteggio). ignored: da non leggere.',
  );

/** What a column of a per-person register holds. */
export const RegisterColumnRole = z
  .enum(['id', 'surname', 'name', 'full-name', 'tax-code', 'gender', 'birth', 'age', 'category', 'profile', 'structure', 'contract', 'part-time', 'part-time-type', 'smart', 'hire', 'end', 'end-reason', 'education', 'profile-entry', 'ignored'])
  .describe(
    'Che cosa contiene la colonna di un’anagrafica per dipendente: id (matricola), surname, name, full-name, tax-code, gender (sesso), birth (data di nascita), age (età), category, profile (profilo), structure (settore), contract (TI/TD), part-time (percentuale o regime), part-time-type, smart (lavoro agile), hire (data di assunzione), end (data di cessazione), end-reason, education (titolo di studio), profile-entry (data di ingresso nel profilo o livello attuale), ignored (da non leggere).',
  );

const columnBase = {
  column: z.string().regex(/^[A-Z]{1,3}$/).describe('La lettera della colonna nel foglio (A, B, ..., AA).'),
  label: z.string().describe("L'intestazione della colonna come è scritta nel foglio (due righe di intestazione unite da « / »)."),
};

export const ObjectiveColumn = z
  .object({
    ...columnBase,
    role: ObjectiveColumnRole,
    level: ObjectiveLevel.optional().describe('Il livello della cascata a cui appartiene la colonna (value, mandate, strategic, operational, performance).'),
    manager: z.string().optional().describe('Per una colonna di pesi: il dirigente o ufficio a cui appartengono i pesi.'),
  })
  .strict();

export const StaffColumn = z
  .object({
    ...columnBase,
    role: StaffColumnRole,
    gender: Gender.optional().describe('Le persone contate sono donne (F) o uomini (M).'),
    category: Category.optional().describe('La categoria (area) delle persone contate.'),
    regime: WorkRegime.optional().describe('Il regime orario delle persone contate.'),
    smartWorking: z.enum(['partial', 'full', 'any', 'none']).optional().describe('Lavoro agile: parziale, totale, in generale, o persone NON in lavoro agile.'),
    movement: z.enum(['hire', 'termination']).optional().describe('Assunzioni (hire) o cessazioni (termination).'),
    year: z.number().int().optional().describe("L'anno a cui si riferiscono le cifre."),
    ageBand: AgeBand.optional().describe('La fascia d’età delle persone contate.'),
    contract: z.enum(['fixed-term', 'permanent']).optional().describe('Tempo determinato (fixed-term) o indeterminato (permanent).'),
    staff: z.boolean().optional().describe('La colonna conta il personale in servizio (accanto a lavoro agile o part-time).'),
  })
  .strict();

export const RegisterColumn = z.object({ ...columnBase, role: RegisterColumnRole }).strict();

const tableBase = {
  range: A1Range.describe("L'intervallo della tabella: dalle righe di titolo all'ultima riga di dati (es. «A3:F40»)."),
  headerRows: z.array(z.number().int().positive()).min(1).describe('I numeri delle righe di intestazione (come li mostra Excel: 1 è la prima riga).'),
  kind: SheetKind.describe('Il tipo di tabella: objectives, headcount, work-time, smart-working, turnover.'),
};

export const MappingTable = z.discriminatedUnion('family', [
  z.object({ ...tableBase, family: z.literal('objectives').describe('Tabella di obiettivi (DUP, PEG, PIAO).'), columns: z.array(ObjectiveColumn) }).strict(),
  z.object({ ...tableBase, family: z.literal('staff').describe('Tabella del personale (conteggi per categoria, genere, anno...).'), columns: z.array(StaffColumn) }).strict(),
  z.object({ ...tableBase, family: z.literal('register').describe('Anagrafica per dipendente (una riga per persona).'), columns: z.array(RegisterColumn) }).strict(),
]);

/** How a CSV was read: what the officer corrects when the program guessed wrong. */
export const CsvReadingSchema = z
  .object({
    delimiter: z.enum([';', ',', '\t', '|']).describe('Il separatore dei campi: «;» (Excel in italiano), «,», «\\t» (tabulazione) o «|». Con --mappa il file è letto con questo separatore.'),
    encoding: z
      .enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'mixed'])
      .describe('La codifica dei caratteri: utf-8, windows-1252 (il «CSV» di Excel in italiano), utf-16le/utf-16be, utf-32le/utf-32be, o mixed (UTF-8 e Windows-1252 mescolati, letti carattere per carattere). Con --mappa il file è letto con questa codifica.'),
    lineEnding: z.enum(['CRLF', 'LF', 'CR', 'mixed']).describe('Come finiscono le righe: CRLF (Windows), LF (Linux e macOS), CR (vecchi Mac), mixed (più tipi nello stesso file: ognuno vale come fine riga). Solo informativo.'),
  })
  .strict()
  .describe('Solo per i CSV: come è stato letto il file (separatore, codifica, fine riga). Se il programma ha scelto male, si corregge qui e si reimporta con --mappa.');

export const MappingSheet = z
  .object({
    file: z.string().describe('Il file, con il percorso relativo alla cartella importata.'),
    sheet: z.string().describe('Il nome del foglio (per un CSV, il nome del file senza estensione).'),
    csv: CsvReadingSchema.optional(),
    headerLabels: z.array(z.string()).describe("I testi della riga d'intestazione della prima tabella: servono a riconoscere lo stesso foglio l'anno dopo, anche in un file con un altro nome."),
    tables: z.array(MappingTable).describe('Le tabelle del foglio; vuoto se nel foglio non è stata riconosciuta nessuna tabella.'),
  })
  .strict();

export const Mapping = z
  .object({
    mappingVersion: z.literal(MAPPING_VERSION).describe('Versione del formato della mappatura.'),
    sheets: z.array(MappingSheet).describe('Un elemento per ogni foglio letto.'),
  })
  .strict();

export type ObjectiveColumn = z.infer<typeof ObjectiveColumn>;
export type StaffColumn = z.infer<typeof StaffColumn>;
export type RegisterColumn = z.infer<typeof RegisterColumn>;
export type MappingColumn = ObjectiveColumn | StaffColumn | RegisterColumn;
export type MappingTable = z.infer<typeof MappingTable>;
export type MappingSheet = z.infer<typeof MappingSheet>;
export type Mapping = z.infer<typeof Mapping>;
