import { MISSIONS, PROGRAMMES } from './missioni-programmi';

const missionNames = new Map(MISSIONS.map(([code, name]) => [code, name]));
const programmeNames = new Map(PROGRAMMES.map(([code, name]) => [code, name]));

/** The name of a missione of D.Lgs 118/2011 ("04" -> "Istruzione e diritto allo studio"). */
export function missionName(code: string): string | undefined {
  return missionNames.get(code);
}

/** The name of a programma ("04.02" -> "Altri ordini di istruzione non universitaria"). */
export function programmeName(code: string): string | undefined {
  return programmeNames.get(code);
}
