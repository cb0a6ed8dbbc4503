import { describeDossier } from '../../importer/cli/summary';
import { pratoStaffWorkbook } from '../../templates/scripts/samples/prato-staff';
import { inconsistentStaffWorkbook } from '../../templates/scripts/samples/inconsistent-staff';
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

  it('says «n.d.» for a figure it cannot know, never 0 (a hire count written «n.d.», a count that cannot be read)', async () => {
    const { dossier } = await analyseWorkbooks({ 'personale.xlsx': inconsistentStaffWorkbook() });
    const line = describeDossier(dossier).split('\n').find((l) => l.trim().startsWith('2023:'));
    expect(line).toBe('    2023: assunzioni donne n.d. e uomini n.d.; cessazioni 3 donne e uomini n.d.');
  });

  it('prints nothing about staff for a dossier without staff tables', async () => {
    const { dossier } = await analyseWorkbooks({});
    expect(describeDossier(dossier)).not.toContain('Statistiche PAP');
  });
});
