import { describeDossier } from '../../importer/cli/summary';
import { pratoStaffWorkbook } from '../../templates/scripts/samples/prato-staff';
import { analyseWorkbooks } from '../helpers/xlsx';

describe('what piao import prints about the staff', () => {
  it('prints the PAP statistics in Italian', async () => {
    const { dossier } = await analyseWorkbooks({ 'pap.xlsx': pratoStaffWorkbook() });
    const text = describeDossier(dossier);
    expect(text).toContain('Statistiche PAP al 31/12/2023:');
    expect(text).toContain('personale: 69 (46 donne, 23 uomini; donne 66,7%)');
    expect(text).toContain('vertice (dirigenti e segretario): 1 (1 donna, 0 uomini; donne 100,0%)');
    expect(text).toContain('part-time: 6 donne (13,0% delle donne), 2 uomini (8,7% degli uomini)');
    expect(text).toContain('tempo determinato: 1 donna, 0 uomini');
    expect(text).toContain('lavoro agile: 43 (62,3% del personale; 35 donne, 76,1% delle donne; 8 uomini, 34,8% degli uomini)');
    expect(text).toContain('2023: assunzioni 10 donne e 5 uomini; cessazioni 6 donne e 3 uomini');
  });

  it('prints nothing about staff for a dossier without staff tables', async () => {
    const { dossier } = await analyseWorkbooks({});
    expect(describeDossier(dossier)).not.toContain('Statistiche PAP');
  });
});
