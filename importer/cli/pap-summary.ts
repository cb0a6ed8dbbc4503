import { isoDateIt } from '../engine/text/iso-date';
import { CATEGORY_IT } from '../engine/normalise/categories';
import { Dossier, PapStatistics } from '../engine/schema/dossier';
import { FigureRef, ND, unknownOf } from '../write/pap-figures';

function pct(share: number | null): string {
  return share === null ? 'n.d.' : `${(share * 100).toLocaleString('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

const dateIt = (iso: string | undefined) => (iso ? ` al ${isoDateIt(iso)}` : '');

const partTimeTotal = (p: PapStatistics) => p.partTime.total ?? p.partTime.F + p.partTime.M;
const fixedTermTotal = (p: PapStatistics) => p.fixedTerm.total ?? p.fixedTerm.F + p.fixedTerm.M;
/** False when the figure's source gives only its total. */
const byGender = (x: { byGender?: boolean }) => x.byGender !== false;
const NO_GENDER = 'genere non indicato';

function hasStaff(p: PapStatistics): boolean {
  return p.headcount.total > 0 || p.smartWorking.total > 0 || partTimeTotal(p) > 0 || fixedTermTotal(p) > 0 || p.turnover.length > 0;
}

/** The PAP statistics of a dossier in Italian, as `piao import` prints them: a figure that is not known says «n.d.», never 0. */
export function describePap(d: Dossier): string[] {
  const p = d.pap;
  if (!hasStaff(p)) return [];
  const nd = (ref: FigureRef) => unknownOf(p, ref) !== undefined;
  const women = (n: number, ref?: FigureRef) => (ref && nd({ ...ref, who: 'F' }) ? `donne ${ND}` : `${n} ${n === 1 ? 'donna' : 'donne'}`);
  const men = (n: number, ref?: FigureRef) => (ref && nd({ ...ref, who: 'M' }) ? `uomini ${ND}` : `${n} ${n === 1 ? 'uomo' : 'uomini'}`);
  const lines = [`Statistiche PAP${dateIt(p.referenceDate)}:`];
  const h = p.headcount;
  if (h.total > 0) lines.push(`    personale: ${h.total} (${byGender(h) ? `${women(h.F)}, ${men(h.M)}; donne ${pct(h.shareF)}` : NO_GENDER})`);
  if (p.byCategory.length) {
    lines.push(`    per categoria: ${p.byCategory.map((c) => `${CATEGORY_IT[c.category]} ${c.total} (${women(c.F)}, ${men(c.M)})`).join('; ')}`);
    lines.push(`    vertice (dirigenti e segretario): ${p.top.total}${p.top.total ? ` (${women(p.top.F)}, ${men(p.top.M)}; donne ${pct(p.top.shareF)})` : ''}`);
  }
  if (partTimeTotal(p) > 0) {
    const pt = p.partTime;
    const share = pt.share !== undefined && pt.share !== null ? `, ${pct(pt.share)} del personale` : '';
    lines.push(byGender(pt)
      ? `    part-time: ${women(pt.F)} (${pct(pt.shareF)} delle donne), ${men(pt.M)} (${pct(pt.shareM)} degli uomini)`
      : `    part-time: ${partTimeTotal(p)} (${NO_GENDER}${share})`);
  }
  if (fixedTermTotal(p) > 0) lines.push(`    tempo determinato: ${byGender(p.fixedTerm) ? `${women(p.fixedTerm.F)}, ${men(p.fixedTerm.M)}` : `${fixedTermTotal(p)} (${NO_GENDER})`}`);
  const s = p.smartWorking;
  if (s.total > 0) lines.push(`    lavoro agile: ${s.total} (${pct(s.share)} del personale${byGender(s) ? `; ${women(s.F)}, ${pct(s.shareF)} delle donne; ${men(s.M)}, ${pct(s.shareM)} degli uomini` : `; ${NO_GENDER}`})`);
  for (const t of p.turnover) {
    const hires: FigureRef = { figure: 'hires', who: 'total', year: t.year };
    const ends: FigureRef = { figure: 'terminations', who: 'total', year: t.year };
    lines.push(`    ${t.year}: assunzioni ${women(t.hires.F, hires)} e ${men(t.hires.M, hires)}; cessazioni ${women(t.terminations.F, ends)} e ${men(t.terminations.M, ends)}`);
  }
  const earlier = (d.papByDate ?? []).filter((x) => x.referenceDate && x.referenceDate !== p.referenceDate && x.headcount.total > 0);
  for (const e of earlier) lines.push(`    ${dateIt(e.referenceDate).trim()}: personale ${e.headcount.total} (${byGender(e.headcount) ? `${women(e.headcount.F)}, ${men(e.headcount.M)}; donne ${pct(e.headcount.shareF)}` : NO_GENDER})`);
  return lines;
}
