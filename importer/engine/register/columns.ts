import { RoleDefinition, Vocabulary } from '../detect/vocabulary';

/** What a column of a per-person register (one row per employee) holds. */
export type RegisterRole =
  | 'id'
  | 'surname'
  | 'name'
  | 'full-name'
  | 'tax-code'
  | 'gender'
  | 'birth'
  | 'age'
  | 'category'
  | 'profile'
  | 'structure'
  | 'contract'
  | 'part-time'
  | 'part-time-type'
  | 'smart'
  | 'hire'
  | 'end'
  | 'end-reason'
  | 'education'
  | 'profile-entry';

export const REGISTER_ROLES: readonly RoleDefinition<RegisterRole>[] = [
  { role: 'id', synonyms: ['Matricola', 'Matr.', 'Matr', 'N. matricola', 'Numero matricola', 'Codice dipendente', 'Cod. dipendente', 'ID dipendente', 'Id', 'Badge', 'Cod. matricola'], noFuzzy: false },
  { role: 'surname', synonyms: ['Cognome'] },
  { role: 'name', synonyms: ['Nome'] },
  { role: 'full-name', synonyms: ['Cognome e nome', 'Cognome nome', 'Nominativo', 'Dipendente', 'Nome e cognome', 'Cognome/Nome'] },
  { role: 'tax-code', synonyms: ['Codice fiscale', 'C.F.', 'CF', 'Cod. fiscale'], noFuzzy: true },
  { role: 'gender', synonyms: ['Sesso', 'Genere', 'M/F', 'F/M', 'Sex'], noFuzzy: true },
  { role: 'birth', synonyms: ['Data di nascita', 'Data nascita', 'Nato il', 'Nata/o il', 'Data Nasc.', 'Anno di nascita', 'Anno nascita'] },
  { role: 'age', synonyms: ['Età', 'Eta', 'Età anagrafica', 'Anni'], noFuzzy: true },
  {
    role: 'category',
    synonyms: ['Categoria', 'Cat.', 'Categoria giuridica', 'Cat. giuridica', 'Area', 'Area di inquadramento', 'Inquadramento', 'Livello', 'Posizione economica', 'Categoria/Area', 'Area/Categoria', 'Pos. econ.', 'Qualifica'],
  },
  { role: 'profile', synonyms: ['Profilo', 'Profilo professionale', 'Prof. professionale', 'Mansione', 'Figura professionale', 'Descrizione profilo'] },
  { role: 'structure', synonyms: ['Settore', 'Servizio', 'Struttura', 'Ufficio', 'Direzione', 'Unità organizzativa', 'UO', 'Centro di costo', 'Settore/Servizio', 'Assegnazione'] },
  {
    role: 'contract',
    synonyms: ['Tipo contratto', 'Tipo di contratto', 'Tipologia contratto', 'Tipo rapporto', 'Rapporto di lavoro', 'Contratto', 'TI/TD', 'TD/TI', 'Tempo det./indet.', 'Tipo assunzione', 'Rapporto'],
  },
  {
    role: 'part-time',
    synonyms: ['Part-time', 'Part time', 'Part-time %', '% part-time', 'Percentuale part-time', '% orario', 'Percentuale orario', 'Orario %', 'Regime orario', 'Tempo pieno/parziale', 'Orario', 'Tipo orario', 'PT %', '% PT'],
  },
  { role: 'part-time-type', synonyms: ['Tipo part-time', 'Tipologia part-time', 'Tipo PT', 'Articolazione part-time', 'Part-time tipo'] },
  { role: 'smart', synonyms: ['Lavoro agile', 'Smart working', 'Accordo lavoro agile', 'Lavoro agile (sì/no)', 'Giorni lavoro agile', 'Giorni smart working', 'LA', 'SW', 'Lavoro agile giorni/settimana'], noFuzzy: false },
  { role: 'hire', synonyms: ['Data assunzione', 'Data di assunzione', 'Assunto il', 'Data inizio rapporto', 'Data ingresso', 'Decorrenza', 'Data decorrenza', 'Inizio rapporto', 'Data inizio servizio'] },
  { role: 'end', synonyms: ['Data cessazione', 'Data di cessazione', 'Cessato il', 'Data fine rapporto', 'Data uscita', 'Fine rapporto', 'Data fine servizio', 'Cessazione'] },
  { role: 'end-reason', synonyms: ['Causa cessazione', 'Motivo cessazione', 'Causale cessazione', 'Motivo uscita'] },
  {
    role: 'education',
    synonyms: ['Titolo di studio', 'Titolo studio', 'Titolo di studio posseduto', 'Titolo di studio più elevato', 'Istruzione', 'Livello di istruzione', 'Grado di istruzione', 'Tit. studio'],
  },
  {
    role: 'profile-entry',
    synonyms: [
      'Data ingresso nel profilo',
      'Data di ingresso nel profilo',
      'Data ingresso profilo',
      'Data inquadramento',
      'Data di inquadramento',
      'Data inquadramento attuale',
      'Data ultimo inquadramento',
      'Decorrenza inquadramento',
      'Decorrenza profilo',
      'Decorrenza categoria',
      'Decorrenza livello',
      'Data ingresso categoria',
      'Data ingresso livello',
      'Data passaggio categoria',
      'Data progressione',
      'Nel profilo dal',
      'Anzianità nel profilo dal',
    ],
  },
];

export const registerVocabulary = new Vocabulary<RegisterRole>(REGISTER_ROLES);

/** Columns that say the table lists people, one a row. */
export const PERSON_ROLES: readonly RegisterRole[] = ['id', 'surname', 'name', 'full-name', 'tax-code', 'birth', 'hire', 'end'];
