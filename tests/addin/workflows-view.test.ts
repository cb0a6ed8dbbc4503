/** The sentences of the workflows in the task pane: singular and plural, names quoted, the size limit. */
import { insertedSentence, liveSentence, normalisedSentence, replaceQuestion } from '../../addin/taskpane/view';

describe('workflow sentences', () => {
  it('says what «Normalizza» wrote and replaced', () => {
    expect(normalisedSentence({ written: [{ name: 'Obiettivi PIAO', rows: 1 }], replaced: [] })).toBe('Scritto il foglio «Obiettivi PIAO» (1 riga), come tabelle di Excel.');
    expect(normalisedSentence({ written: [{ name: 'Personale', rows: 12345 }, { name: 'Statistiche PAP', rows: 13 }], replaced: ['Personale'] })).toBe(
      'Scritti i fogli «Personale» (12.345 righe), «Statistiche PAP» (13 righe), come tabelle di Excel. Sostituito il foglio della normalizzazione precedente: «Personale».',
    );
    expect(replaceQuestion(['A'])).toMatch(/^Il foglio «A» è stato scritto.*verrà eliminato/);
    expect(replaceQuestion(['A', 'B'])).toMatch(/^I fogli «A», «B» sono stati scritti.*verranno eliminati/);
  });

  it('says what «Inserisci modello» inserted and what to do next', () => {
    expect(insertedSentence(['Personale AAAA'])).toMatch(/^Inserito il foglio «Personale AAAA»\. Scrivi l'anno al posto di AAAA/);
    expect(insertedSentence(['A', 'B'])).toMatch(/^Inseriti i fogli «A», «B»/);
  });

  it('says why the live re-check is on or off', () => {
    const off = { on: false, watching: [], tooLarge: [] };
    expect(liveSentence(off, false, 50_000)).toMatch(/Dopo un controllo/);
    expect(liveSentence({ ...off, unsupported: 'serve ExcelApi 1.7' }, true, 50_000)).toBe('serve ExcelApi 1.7');
    expect(liveSentence({ on: true, watching: ['2024'], tooLarge: [], rechecked: ['2024'] }, true, 50_000)).toMatch(/^Attivo su «2024».*Ultimo aggiornamento: «2024»\.$/);
    expect(liveSentence({ ...off, tooLarge: [{ name: 'Anagrafica', cells: 120_000 }] }, true, 50_000)).toBe(
      'Disattivato: il foglio «Anagrafica» (120.000 celle) supera 50.000 celle e ricontrollarlo a ogni modifica rallenterebbe Excel. Puoi attivarlo lo stesso.',
    );
  });
});
