import { Model } from '../model';
import { PapStatistics } from '../schema/dossier';

/** PAP statistics of a dossier (staff records arrive with the staff tables; until then, zeros). */
export function computePap(_model: Model): PapStatistics {
  return {
    headcount: { F: 0, M: 0, total: 0, shareF: null },
    byCategory: [],
    partTime: { F: 0, M: 0, shareF: null, shareM: null },
    fixedTerm: { F: 0, M: 0 },
    top: { F: 0, M: 0, total: 0, shareF: null },
    smartWorking: { F: 0, M: 0, total: 0, share: null, shareF: null, shareM: null },
    turnover: [],
  };
}
