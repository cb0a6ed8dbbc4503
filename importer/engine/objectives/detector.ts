import { HeaderCandidate, looksNumeric, mapRow, mapRowIfHeader, mergeSubHeader } from '../detect/header';
import { ColumnMapping, DetectedTable, TableDetector } from '../detect/table';
import { Grid } from '../grid/grid';
import { normaliseLabel } from '../text/normalise';
import { parseCode, startsWithCode } from './codes';
import { ownReference } from './numbering';
import { isLevelRole, objectiveVocabulary, splitLevelRole } from './columns';
import { looksLikePerson, looksLikeStructure } from './rows';
import { ClaimedRows, NO_CLAIMS } from '../detect/claims';
import { classifyLabel, isClassified } from '../staff/labels';

const SCAN_LIMIT = 200_000;
/** A header row maps at least two labels, and at least half of its filled cells. */
const MIN_MAPPED = 2;
const MIN_SHARE = 0.5;

/** The role of a column with its level ("code:strategic"), as the vocabulary names it. */
function roleKey(c: { role: string | null; level?: string }): string | null {
  return c.role && c.level ? `${c.role}:${c.level}` : c.role;
}

/** A header row of an objectives table: mostly known labels, with a level column or a code/title pair. */
export function isObjectivesHeader(c: HeaderCandidate): boolean {
  if (c.mapped < MIN_MAPPED || c.mapped / c.filled < MIN_SHARE) return false;
  const split = c.columns.map((x) => splitLevelRole(x.role));
  const roles = new Set(split.map((x) => x.role));
  const levels = new Set([...split.filter((x) => isLevelRole(x.role)).map((x) => x.role), ...split.filter((x) => x.level).map((x) => x.level)]).size;
  if (levels >= 2) return true;
  const hasIdentity = roles.has('code') || roles.has('title') || levels === 1;
  const hasDetail = ['structure', 'responsible', 'indicator', 'weight', 'mission', 'programme', 'target', 'level', 'parent-code', 'deadline', 'resources', 'notes', 'progress'].some((r) => roles.has(r));
  if (!hasIdentity || !hasDetail) return false;
  // a lone "Codice | Descrizione | Area" is not enough on its own: ask for a code-like body
  if (levels >= 1 || roles.has('code')) return true;
  // titles alone: with an indicator, a weight, a reference or a target, or with two other details («Obiettivo | Azioni | Soggetti coinvolti | Periodo»)
  if (['indicator', 'weight', 'parent-code', 'target'].some((r) => roles.has(r))) return true;
  const details = new Set(split.map((x) => (x.role === 'responsible' ? 'structure' : x.role)).filter((r) => r && ['structure', 'deadline', 'resources', 'notes', 'progress'].includes(r)));
  // a title column that says «Obiettivo» needs one such detail («Obiettivi | Azioni | Stato», «Obiettivo | Finalità»); a generic «Descrizione» two, one a structure
  const namesObjectives = c.columns.some((x) => splitLevelRole(x.role).role === 'title' && /obiettiv/i.test(x.label));
  return namesObjectives ? details.size >= 1 : details.size >= 2 && details.has('structure');
}

function sameHeader(a: ColumnMapping[], b: HeaderCandidate): boolean {
  const roles = (cols: { role: string | null; level?: string }[]) => cols.map(roleKey).filter(Boolean).sort().join('|');
  const rb = roles(b.columns);
  return rb !== '' && (rb === roles(a) || b.columns.filter((c) => c.role).every((c) => a.some((x) => roleKey(x) === c.role && x.col === c.col)));
}

const LEADING_WEIGHT_WORD = /^\s*(peso|pesi|pesatura|ponderazione|coefficiente|coeff\.?)\b\s*(%|\(%\))?\s*[-–:]?\s*/i;
/** Words that qualify a weight rather than name a manager: «Peso obiettivo %», «Pesatura relativa». */
const NOT_A_NAME = /\b(peso|pesi|pesatura|ponderazione|coefficiente|coeff|di|del|dell|della|obiettivo|obiettivi|ob|percentuale|percento|relativ[oa]|assegnat[oa]|ponderale|massimo|%)\b/g;

/** The manager a weight column belongs to: «Pesatura / Area Tecnica», «Peso Segretario» (never a year). */
function managerOf(label: string): string | undefined {
  const parts = label.split(' / ');
  const candidate = (parts.length > 1 ? parts[parts.length - 1] : label.replace(LEADING_WEIGHT_WORD, '')).trim();
  const n = normaliseLabel(candidate).replace(NOT_A_NAME, ' ').trim();
  if (!n || /^((19|20)\d{2}\s*)+$/.test(n) || /^anno\b/.test(n)) return undefined;
  return candidate;
}

/**
 * A header cell spread over two columns whose body splits into numbers and titles: «Obiettivi»
 * over «n. 1 | Esercitazione sul rischio sismico». The column of numbers becomes the code column,
 * the column of texts takes the header's role.
 */
function splitMergedHeaders(grid: Grid, columns: ColumnMapping[], bodyStart: number, bodyEnd: number): void {
  for (const c of [...columns]) {
    if (!(c.role === 'title' || isLevelRole(c.role))) continue;
    const m = grid.mergeAt(c.row, c.col);
    if (!m || m.right === m.left || m.left !== c.col) continue;
    const inside = (col: number) => col > m.left && col <= m.right;
    if (columns.some((x) => inside(x.col))) continue;
    if (!refColumn(grid, c.col, bodyStart, bodyEnd)) continue;
    for (let col = m.left + 1; col <= m.right; col++) {
      if (!textColumn(grid, col, bodyStart, bodyEnd)) continue;
      columns.push({ ...c, col });
      c.role = 'code';
      delete c.level;
      break;
    }
  }
  columns.sort((a, b) => a.col - b.col);
}

/** Most filled body cells are short numbers or references («n. 1», «3», «AA2/B», «01.02»). */
function refColumn(grid: Grid, col: number, from: number, to: number): boolean {
  let refs = 0;
  let filled = 0;
  for (let r = from; r <= to; r++) {
    const t = grid.text(r, col).trim();
    if (!t || grid.filledColumns(r).length < 2) continue;
    filled++;
    if (ownReference(t) !== undefined || (parseCode(t) && t.length <= 16)) refs++;
  }
  return refs >= 1 && refs >= 0.6 * filled;
}

/** Most filled body cells are texts of several words. */
function textColumn(grid: Grid, col: number, from: number, to: number): boolean {
  let texts = 0;
  let filled = 0;
  for (let r = from; r <= to; r++) {
    const t = grid.text(r, col).trim();
    if (!t) continue;
    filled++;
    if (/[A-Za-zÀ-ÿ]{3}/.test(t) && !looksNumeric(grid, r, col)) texts++;
  }
  return texts >= 1 && texts >= 0.8 * filled;
}

/** At least half of the column's texts name a person or a role. */
function namesPeople(grid: Grid, col: number, bodyStart: number, bodyEnd: number): boolean {
  let texts = 0;
  let people = 0;
  for (let r = bodyStart; r <= bodyEnd; r++) {
    const t = grid.text(r, col).trim();
    if (!t || looksNumeric(grid, r, col)) continue;
    texts++;
    if (looksLikePerson(t)) people++;
  }
  return texts > 0 && people * 2 >= texts;
}

/** Most texts of the column name offices («Settore Finanziario», «Servizio Tributi»). */
function namesOffices(grid: Grid, col: number, bodyStart: number, bodyEnd: number): boolean {
  let texts = 0;
  let offices = 0;
  for (let r = bodyStart; r <= bodyEnd; r++) {
    const t = grid.text(r, col).trim();
    if (!t || looksNumeric(grid, r, col)) continue;
    texts++;
    if (looksLikeStructure(t)) offices++;
  }
  return texts > 0 && offices * 2 >= texts;
}

/**
 * The columns of an objectives table as the reader uses them: levels split from the roles
 * ("code:strategic" -> code of the strategic level), managers named on weight columns, and
 * columns headed by a structure or a manager whose body is figures read as that manager's weights.
 */
function finalColumns(grid: Grid, columns: ColumnMapping[], bodyStart: number, bodyEnd: number): ColumnMapping[] {
  const out = columns.map((c) => {
    const { role, level } = splitLevelRole(c.role);
    const col: ColumnMapping = { ...c, role };
    if (level) col.level = level;
    return col;
  });
  const numericBody = (col: number) => {
    let numbers = 0;
    let filled = 0;
    for (let r = bodyStart; r <= bodyEnd; r++) {
      if (grid.isEmpty(r, col)) continue;
      filled++;
      if (looksNumeric(grid, r, col)) numbers++;
    }
    return numbers >= 2 && numbers >= 0.8 * filled;
  };
  // beside a «Settore» column, a «Responsabile» column holds people, even bare surnames («VANONI»)
  const hasStructure = out.some((c) => c.role === 'structure');
  for (const c of out) {
    if ((c.role === 'structure' || c.role === 'responsible') && c.label.includes(' / ') && numericBody(c.col)) c.role = 'weight';
    // a «Responsabile» column that names offices («Settore Finanziario», «Tributi») rather than people or roles is the structure
    else if (c.role === 'responsible' && !namesPeople(grid, c.col, bodyStart, bodyEnd) && (!hasStructure || namesOffices(grid, c.col, bodyStart, bodyEnd))) c.role = 'structure';
  }
  splitMergedHeaders(grid, out, bodyStart, bodyEnd);
  const weights = out.filter((c) => c.role === 'weight');
  const named = weights.map((c) => managerOf(c.label));
  if (weights.length >= 2 && named.filter(Boolean).length >= 2) weights.forEach((c, i) => named[i] && (c.manager = named[i]));
  return out;
}

/** Rows below a header looked at to tell what its unnamed columns hold. */
const PEEK = 20;

/**
 * The header of an objectives table starting at `row`, if any. Beside the plain case (mostly known
 * labels), a header whose other columns are headed by names (a surname, an office) over figures is
 * one weight column per manager: «Obiettivo n. | Descrizione | Bilancia | Pignatelli | Arcieri».
 */
function headerAt(grid: Grid, row: number): HeaderCandidate | undefined {
  const plain = mapRowIfHeader(grid, row, objectiveVocabulary, MIN_MAPPED, MIN_SHARE);
  if (plain && isObjectivesHeader(plain)) return plain;
  const filled = grid.filledColumns(row);
  if (filled.length < 4) return undefined;
  // cheapest first: a label naming the code, the title or a level (the vocabulary remembers its
  // answers; a body row of a register has none, and telling numbers costs a parse per cell)
  if (!filled.some((c) => typeof grid.value(row, c) !== 'number' && namesObjectiveColumn(grid.text(row, c)))) return undefined;
  // then: at least two cells with a figure right below them
  const figures = filled.filter((c) => looksNumeric(grid, row + 1, c) && !looksNumeric(grid, row, c));
  if (figures.length < 2) return undefined;
  const cand = plain ?? mapRowIfHeader(grid, row, objectiveVocabulary, MIN_MAPPED, 0);
  if (!cand || !cand.columns.some((c) => ['code', 'title'].includes(splitLevelRole(c.role).role ?? '') || isLevelRole(c.role))) return undefined;
  const managers = cand.columns.filter((c) => c.role === null && figures.includes(c.col) && isManagerName(c.label) && numericBelow(grid, row + 1, Math.min(grid.rowCount - 1, row + PEEK), c.col));
  if (managers.length < 2 || cand.columns.some((c) => c.role === 'weight')) return undefined;
  const columns = cand.columns.map((c) => (managers.includes(c) ? { ...c, role: 'weight', how: null, manager: c.label.trim() } : c));
  const withManagers = { ...cand, columns, mapped: cand.mapped + managers.length };
  return isObjectivesHeader(withManagers) ? withManagers : undefined;
}

/** A header label for the code, the title or a level of an objective («Obiettivo n.», «Descrizione», «Obiettivo operativo»). */
function namesObjectiveColumn(label: string): boolean {
  const m = objectiveVocabulary.match(label);
  if (!m) return false;
  return isLevelRole(m.role) || ['code', 'title'].includes(splitLevelRole(m.role).role ?? '');
}

/** A label that can name a manager or an office: words, no figures, nothing a staff table would read (gender, category, year, total). */
function isManagerName(label: string): boolean {
  const t = label.trim();
  if (!t || t.length > 60 || /\d/.test(t) || !/[A-Za-zÀ-ÿ]{3}/.test(t)) return false;
  return !isClassified(classifyLabel(t, t));
}

/** Most filled cells of the column in the rows are figures. */
function numericBelow(grid: Grid, from: number, to: number, col: number): boolean {
  let numbers = 0;
  let filled = 0;
  for (let r = from; r <= to; r++) {
    if (grid.isEmpty(r, col)) continue;
    filled++;
    if (looksNumeric(grid, r, col)) numbers++;
  }
  return numbers >= 2 && numbers >= 0.8 * filled;
}

/** A row that holds an objective's number or code: body, not header. */
function opensBody(grid: Grid, row: number): boolean {
  return grid.filledColumns(row).some((c) => {
    const t = grid.text(row, c).trim();
    return /^(n|nr|ob|obiettivo)\.?\s*\d/i.test(t) || (startsWithCode(t) && !/^(19|20)\d{2}$/.test(t));
  });
}

/** A row holding one text only (possibly merged across): a title or a heading such as "AREA TECNICA". */
export function isSingleTextRow(grid: Grid, row: number): boolean {
  const filled = grid.filledColumns(row);
  return filled.length === 1;
}

export const objectivesDetector: TableDetector = {
  family: 'objectives',
  detect(grid: Grid, claimed: ClaimedRows = NO_CLAIMS): DetectedTable[] {
    const tables: DetectedTable[] = [];
    const last = Math.min(grid.rowCount, SCAN_LIMIT);
    let r = 0;
    while (r < last) {
      const cand = claimed.size && claimed.has(grid, r) ? undefined : headerAt(grid, r);
      if (!cand) {
        r++;
        continue;
      }
      // the row under a header merged across columns is a second header row, unless it opens the body («n. 0 | Codice di comportamento»)
      const sub = opensBody(grid, r + 1) ? undefined : mergeSubHeader(grid, cand, objectiveVocabulary);
      const columns = sub ?? cand.columns;
      const headerRows = sub ? [r, r + 1] : [r];
      // rows above: headings (value, mandate, area) and titles, up to a blank row
      let top = r;
      while (top - 1 >= 0 && !grid.isBlankRow(top - 1) && isSingleTextRow(grid, top - 1)) top--;
      const titleRows: number[] = [];
      for (let t = top; t < r; t++) titleRows.push(t);
      let up = top - 1;
      while (up >= 0 && grid.isBlankRow(up)) up--;
      if (up >= 0 && isSingleTextRow(grid, up) && up >= top - 3) titleRows.unshift(up);
      // body: down to two blank rows, or one blank row followed by a row that is not part of the table
      let bodyEnd = headerRows[headerRows.length - 1];
      let blanks = 0;
      let x = bodyEnd + 1;
      for (; x < grid.rowCount; x++) {
        if (grid.isBlankRow(x)) {
          blanks++;
          if (blanks >= 2) break;
          continue;
        }
        // the full mapping of a body row is needed only when it could be a header, or after a blank row
        const header = mapRowIfHeader(grid, x, objectiveVocabulary, MIN_MAPPED, MIN_SHARE);
        if (header && isObjectivesHeader(header) && !sameHeader(columns, header)) break;
        if (blanks > 0 && !rowHasCode(grid, x, columns) && !isSingleTextRow(grid, x) && !sameHeader(columns, header ?? mapRow(grid, x, objectiveVocabulary))) break;
        blanks = 0;
        bodyEnd = x;
      }
      const titles = titleRows.map((t) => grid.text(t, grid.filledColumns(t)[0]));
      const finalCols = finalColumns(grid, columns, headerRows[headerRows.length - 1] + 1, bodyEnd);
      const right = Math.max(...columns.map((c) => c.col));
      const left = Math.min(...columns.map((c) => c.col));
      tables.push({
        grid,
        family: 'objectives',
        kind: 'objectives',
        range: { top: titleRows.length ? Math.min(top, titleRows[0]) : top, left, bottom: bodyEnd, right },
        titleRows,
        title: titles[0],
        headerRows,
        columns: finalCols,
        bodyStart: headerRows[headerRows.length - 1] + 1,
        bodyEnd,
        score: 10 + cand.mapped,
      });
      r = bodyEnd + 1;
    }
    return tables;
  },
};


function rowHasCode(grid: Grid, row: number, columns: ColumnMapping[]): boolean {
  return columns.some((c) => (isLevelRole(c.role) || c.role === 'code') && startsWithCode(grid.shownText(row, c.col)));
}
