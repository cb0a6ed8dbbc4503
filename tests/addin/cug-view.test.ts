/** What the pane says after «Tabelle CUG», and before replacing its sheet. */
import { cugSentence, replaceCugQuestion } from '../../addin/taskpane/view';

describe('«Tabelle CUG» in the pane', () => {
  it('says how many tables of the format were written, where, and which cannot be computed', () => {
    expect(cugSentence({ sheet: 'Tabelle CUG', tables: 6, movements: true, missing: [{ table: '1.3' }, { table: '2.2' }], replaced: [] })).toBe(
      'Scritte 6 tabelle della Relazione CUG (e le assunzioni e cessazioni dell’anno) nel foglio «Tabelle CUG», come le chiede il Portale CUG. Non calcolabili dai dati del foglio: 1.3, 2.2 (in fondo al foglio, che cosa serve per ciascuna).',
    );
    expect(cugSentence({ sheet: 'Tabelle CUG (PIAO)', tables: 1, movements: false, missing: [{ table: 'movimenti' }], replaced: ['CUG 2023'] })).toBe(
      'Scritta 1 tabella della Relazione CUG nel foglio «Tabelle CUG (PIAO)», come le chiede il Portale CUG. Sostituito il foglio delle tabelle CUG precedente: «CUG 2023».',
    );
  });

  it('asks before replacing the sheet it wrote, saying the others stay', () => {
    expect(replaceCugQuestion(['Tabelle CUG'])).toBe('Il foglio «Tabelle CUG» è stato scritto da «Tabelle CUG» in precedenza: verrà eliminato e scritto di nuovo. Gli altri fogli non vengono toccati.');
  });
});
