/**
 * Sheet names as Excel accepts them. Other writers allow what Excel refuses (and would «repair»
 * the file for): two names that differ only by case («Dati» and «DATI»), more than 31 characters,
 * the characters [ ] : * ? / \, a quote at the start or the end, an empty name, «History». Each
 * name is made one Excel accepts, and distinct from the others ignoring case: the first keeps its
 * name, a later one gets « (2)», « (3)»... The same names always give the same result.
 */
const MAX = 31;

function cleaned(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among what Excel refuses
  const s = name.replace(/[[\]:*?/\\\u0000-\u001f]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (s === '' || s.toLowerCase() === 'history') return s === '' ? 'Foglio' : `${s}_`;
  return [...s].slice(0, MAX).join('');
}

/** For each name, in order, the name Excel accepts, unique ignoring case. */
export function excelSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = cleaned(name);
    let out = base;
    for (let i = 2; taken.has(out.toLocaleLowerCase('it')); i++) {
      const suffix = ` (${i})`;
      out = `${[...base].slice(0, MAX - suffix.length).join('')}${suffix}`;
    }
    taken.add(out.toLocaleLowerCase('it'));
    return out;
  });
}

/** The Italian sentence for a sheet renamed so that Excel accepts it. */
export function renamedSheetNote(original: string, renamed: string, others: readonly string[]): string {
  const same = others.find((o) => o !== original && o.toLocaleLowerCase('it') === original.toLocaleLowerCase('it'));
  const why = same !== undefined ? `ha lo stesso nome del foglio «${same}» a meno delle maiuscole, e Excel non ammette due fogli così` : 'ha un nome che Excel non ammette (più di 31 caratteri, o uno dei caratteri [ ] : * ? / \\, o vuoto)';
  return `Il foglio «${original}» ${why}: in piao.json, in PIAO.xlsx, nel rapporto e nella copia annotata si chiama «${renamed}».`;
}
