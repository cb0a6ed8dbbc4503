/** What summary.json (and summary.xlsx) say of each dossier of a batch. */
import { Dossier, ObjectiveLevel, Severity } from '../engine/schema/dossier';
import { FigureRef, knownValue, unknownOf, unknownReasonIt } from '../write/pap-figures';

export interface DossierSummary {
  name: string;
  outDir: string;
  sources: { ok: number; failed: number; failures: { file: string; error: string }[] };
  objectives: Record<string, number>;
  pap: {
    referenceDate: string | null;
    staff: number;
    F: number;
    M: number;
    /** False when the staff's source gives only the total: F and M are then 0 and mean "not known". */
    byGender: boolean;
    shareF: number | null;
    topShareF: number | null;
    partTime: number;
    fixedTerm: number;
    smartWorking: number;
    smartWorkingShare: number | null;
    /** Summed over the years of `turnover` (kept for summary.json readers; summary.xlsx shows each year). */
    hires: number;
    terminations: number;
    /** Hires and terminations of each year; null where the figure is not known. */
    turnover: { year: number; hires: { F: number | null; M: number | null }; terminations: { F: number | null; M: number | null } }[];
    /** The figures above that are not known, each with why (Italian): outputs show them as «n.d.», never 0. */
    unknown: Partial<Record<SummaryFigure, string>>;
  };
  findings: { error: number; warning: number; info: number; byRule: Record<string, number> };
  /** Files written for the dossier, relative to its output folder. */
  outputs: string[];
  /** Set only when the dossier could not be imported at all (an unexpected error). */
  error?: string;
}

const LEVEL_ORDER: readonly ObjectiveLevel[] = ObjectiveLevel.options;

/** The PAP figures of a dossier's summary line. */
export type SummaryFigure = 'staff' | 'F' | 'M' | 'shareF' | 'topShareF' | 'partTime' | 'fixedTerm' | 'smartWorking' | 'smartWorkingShare';

/** Which figures of the summary line rest on which of the statistics (a share on both its figures). */
const SUMMARY_FIGURES: Record<SummaryFigure, FigureRef[]> = {
  staff: [{ figure: 'headcount', who: 'total' }],
  F: [{ figure: 'headcount', who: 'F' }],
  M: [{ figure: 'headcount', who: 'M' }],
  shareF: [{ figure: 'headcount', who: 'F' }, { figure: 'headcount', who: 'total' }],
  topShareF: [{ figure: 'top', who: 'F' }, { figure: 'top', who: 'total' }],
  partTime: [{ figure: 'partTime', who: 'total' }],
  fixedTerm: [{ figure: 'fixedTerm', who: 'total' }],
  smartWorking: [{ figure: 'smartWorking', who: 'total' }],
  smartWorkingShare: [{ figure: 'smartWorking', who: 'total' }, { figure: 'headcount', who: 'total' }],
};

/** The figures of a summary line that are not known, with why. */
function unknownFigures(pap: Dossier['pap']): Partial<Record<SummaryFigure, string>> {
  const out: Partial<Record<SummaryFigure, string>> = {};
  for (const [key, refs] of Object.entries(SUMMARY_FIGURES) as [SummaryFigure, FigureRef[]][]) {
    for (const ref of refs) {
      const u = unknownOf(pap, ref);
      if (u) {
        out[key] = unknownReasonIt(u);
        break;
      }
    }
  }
  return out;
}

export function summarise(name: string, outDir: string, d: Dossier, outputs: string[] = []): DossierSummary {
  const count = (sev: Severity) => d.findings.filter((f) => f.severity === sev).length;
  const byRule: Record<string, number> = {};
  for (const rule of [...new Set(d.findings.map((f) => f.rule))].sort()) byRule[rule] = d.findings.filter((f) => f.rule === rule).length;
  const objectives: Record<string, number> = {};
  for (const level of LEVEL_ORDER) {
    const n = d.objectives.filter((o) => o.level === level).length;
    if (n) objectives[level] = n;
  }
  const failed = d.sources.filter((s) => s.status === 'failed');
  const p = d.pap;
  return {
    name,
    outDir,
    sources: { ok: d.sources.length - failed.length, failed: failed.length, failures: failed.map((s) => ({ file: s.file, error: s.error ?? '' })) },
    objectives,
    pap: {
      referenceDate: p.referenceDate ?? null,
      staff: p.headcount.total,
      F: p.headcount.F,
      M: p.headcount.M,
      byGender: p.headcount.byGender !== false,
      shareF: p.headcount.shareF,
      topShareF: p.top.shareF,
      // people counted whatever their gender (figures given without gender included)
      partTime: p.partTime.total ?? p.partTime.F + p.partTime.M,
      fixedTerm: p.fixedTerm.total ?? p.fixedTerm.F + p.fixedTerm.M,
      smartWorking: p.smartWorking.total,
      smartWorkingShare: p.smartWorking.share,
      hires: p.turnover.reduce((s, t) => s + t.hires.F + t.hires.M, 0),
      terminations: p.turnover.reduce((s, t) => s + t.terminations.F + t.terminations.M, 0),
      turnover: [...p.turnover]
        .sort((a, b) => a.year - b.year)
        .map((t) => {
          const v = (figure: 'hires' | 'terminations', who: 'F' | 'M') => knownValue(p, { figure, who, year: t.year }, t[figure][who]);
          return { year: t.year, hires: { F: v('hires', 'F'), M: v('hires', 'M') }, terminations: { F: v('terminations', 'F'), M: v('terminations', 'M') } };
        }),
      unknown: unknownFigures(p),
    },
    findings: { error: count('error'), warning: count('warning'), info: count('info'), byRule },
    outputs,
  };
}
