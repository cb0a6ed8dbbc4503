/**
 * The custom functions PIAO.* (shared runtime; also usable in the JavaScript-only runtime: nothing
 * here touches the page). Names, descriptions and parameters of functions.json are generated at
 * build time from the JSDoc below by custom-functions-metadata-plugin, which also appends the
 * `CustomFunctions.associate` calls to this file. Everything they compute is in lookups.ts, offline,
 * from the data shipped with the project. A value that cannot be computed gives #VALORE! with an
 * Italian message, never an exception.
 */
import { CellArg, Lookup, categoryLookup, checkCode, missionLookup, programmeLookup, shareLookup } from './lookups';

function result<T>(r: Lookup<T>): T | CustomFunctions.Error {
  return r.ok ? r.value : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, r.message);
}

/**
 * Restituisce il nome del programma di bilancio (D.Lgs 118/2011, Allegato 14) dal suo codice.
 * @customfunction PROGRAMMA PROGRAMMA
 * @param codice Codice del programma come testo, per esempio "04.02".
 * @returns Il nome del programma, oppure #VALORE! con il motivo.
 */
export function programma(codice: string | number): string | CustomFunctions.Error {
  return result(programmeLookup(codice as CellArg));
}

/**
 * Restituisce il nome della missione di bilancio (D.Lgs 118/2011, Allegato 14) dal suo codice.
 * @customfunction MISSIONE MISSIONE
 * @param codice Codice della missione, per esempio "04".
 * @returns Il nome della missione, oppure #VALORE! con il motivo.
 */
export function missione(codice: string | number): string | CustomFunctions.Error {
  return result(missionLookup(codice as CellArg));
}

/**
 * Verifica un codice di obiettivo: forma puntata a due cifre per livello e, se indicato, appartenenza al livello superiore.
 * @customfunction VERIFICA_CODICE VERIFICA_CODICE
 * @param codice Codice da verificare, per esempio "01.01.02".
 * @param [padre] Codice del livello superiore, per esempio "01.01" (facoltativo).
 * @returns VERO se il codice è corretto, altrimenti il messaggio che spiega cosa non va.
 */
export function verificaCodice(codice: string | number, padre?: string | number): boolean | string | CustomFunctions.Error {
  return result(checkCode(codice as CellArg, padre as CellArg));
}

/**
 * Colloca una categoria o un profilo (vecchio o nuovo ordinamento) nell'area del CCNL Funzioni Locali 2019-2021.
 * @customfunction CATEGORIA CATEGORIA
 * @param etichetta Categoria o profilo come scritto nel foglio, per esempio "Cat. D" o "Istruttore polizia locale".
 * @returns Il nome dell'area, oppure #VALORE! se non rientra in nessuna area.
 */
export function categoria(etichetta: string | number): string | CustomFunctions.Error {
  return result(categoryLookup(etichetta as CellArg));
}

/**
 * Calcola la quota parte/totale arrotondata a tre decimali, come nelle statistiche PAP.
 * @customfunction QUOTA QUOTA
 * @param parte Numero di persone della parte (anche "28 di cui 1 a T.D").
 * @param totale Numero di persone del totale.
 * @returns La quota tra 0 e 1 (da formattare come percentuale), oppure #VALORE! con il motivo.
 */
export function quota(parte: number | string, totale: number | string): number | CustomFunctions.Error {
  return result(shareLookup(parte as CellArg, totale as CellArg));
}
