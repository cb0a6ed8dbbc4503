/**
 * How long the add-in's live re-check takes on growing sheets (node -r @swc-node/register
 * bench/addin-live.ts): a per-person register of ROWS x 12 columns opened in the in-memory Excel,
 * checked once, then one cell edited and re-checked (read the edited table, run the engine on it,
 * replace its flags). The in-memory Excel answers at once, so these are the add-in's own costs: a
 * real Excel adds its round trips on top. Prints timings; asserts nothing. The figure decides
 * LIVE_MAX_CELLS (addin/office/live.ts); results in bench/addin-live.md.
 */
import { checkWorkbook } from '../addin/office/actions';
import { LiveRecheck } from '../addin/office/live';
import { FakeExcel } from '../tests/addin/fake-excel/excel';
import { FakeWorkbook } from '../tests/addin/fake-excel/workbook';

const SIZES = (process.env.ROWS ?? '250,500,1000,2000,4000,8000').split(',').map(Number);
const CATEGORIES = ['D1', 'D3', 'C1', 'C2', 'B1', 'B3', 'A1', 'Dirigente', 'Istruttore di vigilanza'];

function register(rows: number): FakeExcel {
  const wb = new FakeWorkbook();
  const s = wb.addSheet('Anagrafica 2024');
  s.setValue(0, 0, 'Anagrafica del personale al 31/12/2024');
  const header = ['Matricola', 'Cognome', 'Nome', 'Sesso', 'Data di nascita', 'Categoria', 'Profilo', 'Settore', 'Tipo contratto', 'Part-time %', 'Lavoro agile', 'Data assunzione'];
  header.forEach((h, c) => s.setValue(2, c, h));
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < rows; i++) {
    const r = i + 3;
    const values: (string | number)[] = [100000 + i, `COGNOME${i}`, `NOME${i % 97}`, rnd() < 0.55 ? 'F' : 'M', 20000 + Math.floor(rnd() * 12000), CATEGORIES[Math.floor(rnd() * CATEGORIES.length)], 'Profilo', `Settore ${i % 5}`, rnd() < 0.08 ? 'TD' : 'TI', rnd() < 0.15 ? 50 : 100, rnd() < 0.35 ? 'Sì' : 'No', 30000 + Math.floor(rnd() * 15000)];
    values.forEach((v, c) => s.setValue(r, c, v));
    for (const c of [4, 11]) s.edit(r, c).format = 'dd/mm/yyyy';
  }
  return new FakeExcel(wb);
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  console.log('righe  celle    controllo  ricontrollo di una modifica');
  for (const rows of SIZES) {
    const excel = register(rows);
    let t0 = process.hrtime.bigint();
    const check = await checkWorkbook(excel.host(), 'workbook');
    const full = ms(t0);
    let done = 0;
    const live = new LiveRecheck(excel.host(), check, { update: () => void done++, error: (m) => console.error(m) }, undefined, 60_000);
    await live.start(true); // every size, past the limit too
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      await excel.userEdit('Anagrafica 2024', `F${4 + Math.floor(rows / 2) + k}`, [['C1']]);
      t0 = process.hrtime.bigint();
      await live.flush();
      times.push(ms(t0));
    }
    await live.stop();
    const median = [...times].sort((a, b) => a - b)[1];
    console.log(`${String(rows).padStart(5)}  ${String(check.checked[0].cells).padStart(6)}  ${full.toFixed(0).padStart(7)} ms  ${median.toFixed(0).padStart(7)} ms (${done} ricontrolli)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
