/**
 * Tables as long as a sheet allows go through the engine without running out of call stack: a
 * list spread as call arguments (`Math.max(...rows)`, `push(...notes)`) overflows beyond about
 * 100,000 items, and `piao import` of such a sheet stopped with a RangeError.
 */
import { analyse } from '../../importer/engine/analyse';
import { Grid } from '../../importer/engine/grid/grid';

const ROWS = 150_000;

describe('long tables', () => {
  it(`a two-column table of ${ROWS.toLocaleString('it-IT')} rows (label, count) is analysed`, () => {
    const grid = new Grid('presenze.csv', 'presenze');
    grid.setRow(0, ['Settore', 'Presenze']);
    for (let r = 1; r <= ROWS; r++) grid.setRow(r, [`Settore ${r % 7}`, String(r % 23)]);
    const { dossier } = analyse([{ file: 'presenze.csv', grids: [grid] }]);
    expect(dossier.sources[0].status).toBe('ok');
  });

  it(`a staff table by category and gender of ${ROWS.toLocaleString('it-IT')} rows is read and added up`, () => {
    const grid = new Grid('personale.csv', 'personale');
    grid.setRow(0, ['Categoria', 'Donne', 'Uomini']);
    const categories = ['Cat. A', 'Cat. B', 'Cat. C', 'Cat. D'];
    // every row different (no double counting), no figure that reads as a year
    const women = (r: number) => r % 1900;
    const men = (r: number) => Math.floor(r / 1900) % 1900;
    let total = 0;
    for (let r = 1; r <= ROWS; r++) {
      grid.setRow(r, [categories[r % 4], String(women(r)), String(men(r))]);
      total += women(r);
    }
    const { dossier } = analyse([{ file: 'personale.csv', grids: [grid] }]);
    expect(dossier.sources[0].sheets[0].kind).toBe('headcount');
    expect(dossier.pap.headcount.F).toBe(total);
  });
});
