import { z } from 'zod';
import { columnIndex } from '../grid/address';
import { MappingSheet, MAPPING_VERSION } from './schema';

/** An entry of a mapping file that cannot be used as written, in Italian, naming the entry. */
export interface MappingProblem {
  file?: string;
  sheet?: string;
  /** Column letter the problem is about, when there is one. */
  column?: string;
  message: string;
}

/** The usable entries of a mapping file, and what was wrong with the others. */
export interface ParsedMapping {
  sheets: MappingSheet[];
  problems: MappingProblem[];
}

const FIELD_IT: Record<string, string> = {
  file: 'il file',
  sheet: 'il foglio',
  headerLabels: "le etichette dell'intestazione",
  tables: 'le tabelle',
  range: "l'intervallo",
  headerRows: "le righe d'intestazione",
  kind: 'il tipo',
  family: 'la famiglia',
  columns: 'le colonne',
  column: 'la lettera della colonna',
  label: "l'etichetta",
  role: 'il ruolo',
  level: 'il livello',
  manager: 'il dirigente',
  csv: 'come leggere il CSV',
  delimiter: 'il separatore',
  encoding: 'la codifica',
  lineEnding: 'il fine riga',
};

/** "tabella 1, colonna C (ruolo)" from a zod path inside one sheet entry. */
function where(entry: unknown, path: PropertyKey[]): string {
  const parts: string[] = [];
  const e = entry as { tables?: { columns?: { column?: unknown }[] }[] };
  if (path[0] === 'tables' && typeof path[1] === 'number') {
    parts.push(`tabella ${path[1] + 1}`);
    if (path[2] === 'columns' && typeof path[3] === 'number') {
      const letter = e.tables?.[path[1]]?.columns?.[path[3]]?.column;
      parts.push(typeof letter === 'string' ? `colonna ${letter}` : `colonna ${path[3] + 1} dell'elenco`);
    }
  }
  const field = [...path].reverse().find((p) => typeof p === 'string');
  if (typeof field === 'string' && FIELD_IT[field]) parts.push(FIELD_IT[field]);
  return parts.join(', ');
}

/** One zod issue in Italian. */
function issueIt(entry: unknown, issue: z.core.$ZodIssue): string {
  const at = where(entry, issue.path);
  const prefix = at ? `${at}: ` : '';
  switch (issue.code) {
    case 'invalid_value':
      return `${prefix}valore non ammesso (ammessi: ${issue.values.map((v) => `«${String(v)}»`).join(', ')})`;
    case 'invalid_type':
      return issue.input === undefined ? `${prefix}manca` : `${prefix}valore del tipo sbagliato (atteso ${issue.expected === 'string' ? 'un testo' : issue.expected === 'number' ? 'un numero' : issue.expected === 'array' ? 'un elenco' : issue.expected})`;
    case 'unrecognized_keys':
      return `${prefix}campi sconosciuti: ${issue.keys.map((k) => `«${k}»`).join(', ')}`;
    case 'invalid_format':
      return `${prefix}forma non valida`;
    case 'too_small':
      return `${prefix}vuoto`;
    case 'invalid_union':
      return `${prefix}la famiglia della tabella dev'essere «objectives», «staff» o «register», con i ruoli di quella famiglia`;
    default:
      return `${prefix}${issue.message}`;
  }
}

/** The name of an entry as people read it: «Foglio1» di «peg.xlsx». */
export function entryName(file: unknown, sheet: unknown): string {
  const s = typeof sheet === 'string' ? `«${sheet}»` : '(senza nome)';
  const f = typeof file === 'string' ? ` di «${file}»` : '';
  return `foglio ${s}${f}`;
}

/**
 * Reads a mapping file leniently: each sheet entry is checked on its own, so that one wrong entry
 * (an unknown role, a missing level) is said and dropped while the others are used. Throws only
 * when the file is not a mapping at all (not JSON, no `sheets` list), with an Italian message.
 */
export function parseMapping(text: string, name: string): ParsedMapping {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    // the parser's own (English) words stay out: only where it stopped
    const at = /line (\d+) column (\d+)/.exec((err as Error).message);
    throw new Error(`La mappatura «${name}» non è un file JSON valido${at ? ` (errore alla riga ${at[1]}, colonna ${at[2]})` : ''}: è il file mappatura.json scritto da piao import, corretto con un editor di testo?`, { cause: err });
  }
  const root = json as { mappingVersion?: unknown; sheets?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(root.sheets)) {
    throw new Error(`La mappatura «${name}» non ha l'elenco «sheets» dei fogli: non è un file mappatura.json scritto da piao.`);
  }
  const problems: MappingProblem[] = [];
  if (root.mappingVersion !== undefined && root.mappingVersion !== MAPPING_VERSION) {
    problems.push({ message: `La mappatura «${name}» è della versione ${String(root.mappingVersion)}; questa versione di piao legge la ${MAPPING_VERSION}: le voci sono usate dove si lasciano leggere.` });
  }
  const sheets: MappingSheet[] = [];
  for (const entry of root.sheets) {
    const e = entry as { file?: unknown; sheet?: unknown };
    const parsed = MappingSheet.safeParse(entry);
    if (!parsed.success) {
      const details = [...new Set(parsed.error.issues.map((i) => issueIt(entry, i)))].slice(0, 5).join('; ');
      problems.push({
        ...(typeof e?.file === 'string' ? { file: e.file } : {}),
        ...(typeof e?.sheet === 'string' ? { sheet: e.sheet } : {}),
        message: `Mappatura, ${entryName(e?.file, e?.sheet)}: ${details}. Il foglio è letto riconoscendo le colonne da sé.`,
      });
      continue;
    }
    const missing = missingLevels(parsed.data);
    if (missing) {
      problems.push({ file: parsed.data.file, sheet: parsed.data.sheet, column: missing.column, message: `Mappatura, ${entryName(parsed.data.file, parsed.data.sheet)}: ${missing.message}. Il foglio è letto riconoscendo le colonne da sé.` });
      continue;
    }
    sheets.push(parsed.data);
  }
  return { sheets, problems };
}

/** A column whose role needs a level (`objective`) without one, or a column listed twice. */
function missingLevels(s: MappingSheet): { column: string; message: string } | undefined {
  for (const [i, t] of s.tables.entries()) {
    const seen = new Set<number>();
    for (const c of t.columns) {
      const index = columnIndex(c.column);
      if (seen.has(index)) return { column: c.column, message: `tabella ${i + 1}, colonna ${c.column}: elencata due volte` };
      seen.add(index);
      if (t.family === 'objectives' && c.role === 'objective' && !(c as { level?: string }).level) {
        return { column: c.column, message: `tabella ${i + 1}, colonna ${c.column}: il ruolo «objective» vuole il livello («level»: value, mandate, strategic, operational o performance)` };
      }
    }
  }
  return undefined;
}
