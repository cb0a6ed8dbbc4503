/**
 * What the custom functions compute, as pure code over the engine's own reference data and
 * parsers (no Office.js): the same missioni and programmi, category mapping, code parsing and
 * share rounding the importer uses. Each returns a value or an Italian message; the functions file
 * turns the message into an Excel error (#VALORE!).
 */
import { missionName, programmeName } from '../../importer/engine/reference/budget-codes';
import { mapCategory } from '../../importer/engine/normalise/categories';
import { parseCountText } from '../../importer/engine/normalise/counts';
import { share } from '../../importer/engine/normalise/numbers';
import { codeParent, parseCode } from '../../importer/engine/objectives/codes';
import { codeFormat } from '../../importer/engine/rules/code-format';
import { codeParentMismatch } from '../../importer/engine/rules/code-parent-mismatch';
import { formatMessage } from '../../importer/engine/rules/rule';
import { Category } from '../../importer/engine/schema/dossier';

export type Lookup<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Lookup<T> => ({ ok: true, value });
const fail = (message: string): Lookup<never> => ({ ok: false, message });

/** What Excel hands a custom function for a cell: a number, a text, a boolean, or nothing. */
export type CellArg = string | number | boolean | null | undefined;

const isBlank = (v: CellArg) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The names of the areas of the CCNL Funzioni Locali 2019-2021 (in force 1 April 2023). */
export const AREA_IT: Record<Category, string> = {
  dirigente: 'Dirigenza',
  segretario: 'Segretari comunali e provinciali',
  funzionario: "Area dei Funzionari e dell'Elevata Qualificazione",
  istruttore: 'Area degli Istruttori',
  'operatore-esperto': 'Area degli Operatori esperti',
  operatore: 'Area degli Operatori',
  altro: 'Altro personale',
};

/**
 * A budget code as typed: "04.02" (text). A whole number is accepted for a missione (4 is "04");
 * a number with decimals is not, because Excel has already dropped its trailing zero (4.1 could be
 * "04.10" or "04.01").
 */
function budgetCode(raw: CellArg, what: 'missione' | 'programma', segments: number): Lookup<string> {
  if (isBlank(raw)) return fail(`Manca il codice ${what === 'missione' ? 'della missione' : 'del programma'}.`);
  if (typeof raw === 'boolean') return fail(`«${raw ? 'VERO' : 'FALSO'}» non è un codice di ${what}.`);
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || segments > 1) {
      return fail(`Il codice ${String(raw).replace('.', ',')} è un numero: Excel toglie gli zeri (4,1 può essere 04.10 o 04.01). Scrivi il codice come testo, tra virgolette: "04.02".`);
    }
    raw = String(raw);
  }
  const parsed = parseCode(String(raw));
  if (!parsed || parsed.code.startsWith('VP')) return fail(`«${raw}» non è un codice di ${what}: ${segments === 1 ? 'due cifre, per esempio "04"' : 'due cifre, un punto e due cifre, per esempio "04.02"'}.`);
  if (parsed.segments.length !== segments) {
    return fail(
      segments === 1
        ? `«${raw}» non è un codice di missione (due cifre, per esempio "04"): ${parsed.segments.length === 2 ? 'sembra un programma, usa PIAO.PROGRAMMA' : 'ha troppi livelli'}.`
        : `«${raw}» non è un codice di programma (due cifre, un punto e due cifre, per esempio "04.02")${parsed.segments.length === 1 ? ': sembra una missione, usa PIAO.MISSIONE' : ''}.`,
    );
  }
  return ok(parsed.code);
}

/** PIAO.MISSIONE("04") -> "Istruzione e diritto allo studio". */
export function missionLookup(raw: CellArg): Lookup<string> {
  const code = budgetCode(raw, 'missione', 1);
  if (!code.ok) return code;
  const name = missionName(code.value);
  return name ? ok(name) : fail(`La missione ${code.value} non esiste nel D.Lgs 118/2011 (Allegato 14): le missioni vanno da 01 a 99 con numeri non tutti usati.`);
}

/** PIAO.PROGRAMMA("04.02") -> "Altri ordini di istruzione non universitaria". */
export function programmeLookup(raw: CellArg): Lookup<string> {
  const code = budgetCode(raw, 'programma', 2);
  if (!code.ok) return code;
  const name = programmeName(code.value);
  if (name) return ok(name);
  const mission = code.value.slice(0, 2);
  const missionKnown = missionName(mission);
  return fail(
    missionKnown
      ? `Il programma ${code.value} non esiste nel D.Lgs 118/2011 (Allegato 14): la missione ${mission} (${missionKnown}) non ha un programma ${code.value.slice(3)}.`
      : `Il programma ${code.value} non esiste nel D.Lgs 118/2011 (Allegato 14): non esiste nemmeno la missione ${mission}.`,
  );
}

/**
 * PIAO.VERIFICA_CODICE(code; parent): true when the code is in the dotted two-digit form and, when
 * a parent is given, sits directly under it; otherwise the message the checker gives for that cell
 * (rules code-format and code-parent-mismatch).
 */
export function checkCode(rawCode: CellArg, rawParent?: CellArg): Lookup<true | string> {
  if (isBlank(rawCode)) return fail('Manca il codice da verificare.');
  const numeric = typeof rawCode === 'number';
  const text = String(rawCode);
  const code = parseCode(text);
  if (!code) return ok(`«${text}» non è un codice: servono numeri di due cifre separati da punti, per esempio 01.02.03.`);
  if (!code.wellFormed || numeric) {
    const template = numeric ? codeFormat.messages.numeric : codeFormat.messages.default;
    return ok(formatMessage(template, { what: 'Il codice', actual: text, expected: code.code }));
  }
  if (isBlank(rawParent)) return ok(true);
  const parentText = String(rawParent);
  const parent = parseCode(parentText);
  if (!parent) return ok(`Il codice del livello superiore «${parentText}» non è un codice: servono numeri di due cifre separati da punti.`);
  if (!parent.wellFormed || typeof rawParent === 'number') {
    const template = typeof rawParent === 'number' ? codeFormat.messages.numeric : codeFormat.messages.default;
    return ok(formatMessage(template, { what: 'Il codice del livello superiore', actual: parentText, expected: parent.code }));
  }
  if (codeParent(code.code) === parent.code) return ok(true);
  return ok(formatMessage(codeParentMismatch.messages.objective, { code: code.code, parent: parent.code, parentLevel: "l'obiettivo" }));
}

/** PIAO.CATEGORIA("Cat. D") -> "Area dei Funzionari e dell'Elevata Qualificazione". */
export function categoryLookup(raw: CellArg): Lookup<string> {
  if (isBlank(raw) || typeof raw === 'boolean') return fail('Manca la categoria o il profilo da collocare.');
  const label = String(raw).trim();
  const category = mapCategory(label);
  if (!category || category === 'altro') {
    return fail(`«${label}» non rientra in nessuna area del CCNL Funzioni Locali 2019-2021: nel PIAO è contato come «altro personale».`);
  }
  return ok(AREA_IT[category]);
}

/** A count as a cell holds it: a number, or a text with the notations of staff tables ("28 di cui 1 a T.D"). */
function countArg(raw: CellArg, what: string): Lookup<number> {
  if (isBlank(raw)) return fail(`Manca ${what}.`);
  if (typeof raw === 'boolean') return fail(`${what[0].toUpperCase()}${what.slice(1)} non è un numero.`);
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : fail(`${what[0].toUpperCase()}${what.slice(1)} non è un numero.`);
  const text = String(raw).trim();
  const reading = parseCountText(text);
  if (reading.kind === 'count') return ok(reading.count);
  if (reading.kind === 'not-available') return fail(`${what[0].toUpperCase()}${what.slice(1)} è «${text}»: dato non disponibile.`);
  return fail(`${what[0].toUpperCase()}${what.slice(1)} «${text}» non è un numero.`);
}

/**
 * PIAO.QUOTA(part; total): part / total rounded to three decimals, exactly as piao.json and
 * PIAO.xlsx state shares (43 of 69 is 0.623).
 */
export function shareLookup(rawPart: CellArg, rawTotal: CellArg): Lookup<number> {
  const part = countArg(rawPart, 'la parte');
  if (!part.ok) return part;
  const total = countArg(rawTotal, 'il totale');
  if (!total.ok) return total;
  if (part.value < 0 || total.value < 0) return fail('La parte e il totale non possono essere negativi.');
  const value = share(part.value, total.value);
  if (value === null) return fail('Il totale è zero: la quota non si può calcolare.');
  if (part.value > total.value) return fail(`La parte (${part.value}) supera il totale (${total.value}): una quota non può superare il 100%.`);
  return ok(value);
}
