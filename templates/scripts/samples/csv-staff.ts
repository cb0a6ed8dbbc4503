/**
 * Unione dei Comuni dei Colli Alti (invented): the staff figures as the HR system exports them for
 * the PIAO, a CSV in windows-1252 ("CSV (separato dal separatore di elenco)" of an Italian Excel)
 * with ";" as separator, decimal commas, accented labels and two tables one under the other.
 */
import iconv from 'iconv-lite';

const ROWS: string[][] = [
  ['Unione dei Comuni dei Colli Alti – Personale in servizio al 31/12/2024', '', '', '', ''],
  ['', '', '', '', ''],
  ['Categoria / profilo', 'Donne', 'Uomini', 'Totale', '% donne'],
  ["Area dei Funzionari e dell'Elevata Qualificazione", '9', '6', '15', '60,0'],
  ['Area degli Istruttori', '14', '8', '22', '63,6'],
  ['Istruttore di vigilanza (polizia locale)', '3', '5', '8', '37,5'],
  ['Area degli Operatori esperti', '4', '7', '11', '36,4'],
  ['Area degli Operatori', '1', '2', '3', '33,3'],
  ['Totale', '31', '28', '59', '52,5'],
  ['', '', '', '', ''],
  ['Lavoro agile – unità di personale', 'Donne', 'Uomini', 'Totale', ''],
  ['Lavoro agile ordinario (1-2 giorni a settimana)', '12', '7', '19', ''],
  ['Lavoro agile al 100% (fragilità)', '1', '-', '1', ''],
  ['Totale', '13', '7', '20', ''],
  ['% sul personale in servizio', '41,9', '25,0', '33,9', ''],
];

/** The bytes of the CSV, windows-1252 encoded, CRLF line ends as Excel writes them. */
export function staffCsvBytes(): Buffer {
  const text = ROWS.map((r) => r.join(';')).join('\r\n') + '\r\n';
  return iconv.encode(text, 'windows-1252');
}
