/**
 * functions.json as the build makes it (custom-functions-metadata, the generator behind the webpack
 * plugin, on addin/functions/functions.ts): Italian names and descriptions, parameters, and each
 * id bound to the function that the appended `CustomFunctions.associate` call names. The functions
 * are then called through the metadata, as Excel would: by id, with the parameters it lists.
 */
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { installCustomFunctions } from '../helpers/custom-functions-standin';

installCustomFunctions();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the global is in place
const functions = require('../../../addin/functions/functions') as Record<string, (...args: unknown[]) => unknown>;

const SOURCE = join(__dirname, '..', '..', '..', 'addin', 'functions', 'functions.ts');

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description: string; type: string; optional?: boolean }[];
}

jest.setTimeout(60_000);

describe('custom functions metadata (functions.json)', () => {
  let meta: { functions: FunctionMetadata[] };
  let associate: { functionName: string; id: string }[];
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata([SOURCE], true);
    expect(result.errors).toEqual([]);
    meta = JSON.parse(result.metadataJson);
    associate = result.associate;
  });

  it('lists the five PIAO functions with Italian names, in the namespace PIAO of the manifest', () => {
    expect(meta.functions.map((x) => x.name)).toEqual(['PROGRAMMA', 'MISSIONE', 'VERIFICA_CODICE', 'CATEGORIA', 'QUOTA']);
    expect(meta.functions.map((x) => x.id)).toEqual(meta.functions.map((x) => x.name));
  });

  it('describes every function and parameter in Italian', () => {
    const italian = /\b(il|la|del|della|di|per|come|oppure|codice|numero)\b/i;
    for (const fn of meta.functions) {
      expect(fn.description).toMatch(italian);
      expect(fn.parameters.length).toBeGreaterThan(0);
      for (const p of fn.parameters) {
        expect(p.name).toMatch(/^[a-z]+$/);
        expect(p.description).toMatch(italian);
      }
    }
    const byName = new Map(meta.functions.map((x) => [x.name, x]));
    expect(byName.get('QUOTA')!.parameters.map((p) => p.name)).toEqual(['parte', 'totale']);
    expect(byName.get('VERIFICA_CODICE')!.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ['codice', false],
      ['padre', true],
    ]);
  });

  it('binds every id to an exported function that takes the parameters listed', () => {
    expect(associate.map((a) => a.id)).toEqual(meta.functions.map((x) => x.id));
    for (const a of associate) {
      const fn = functions[a.functionName];
      expect(typeof fn).toBe('function');
      const params = meta.functions.find((x) => x.id === a.id)!.parameters;
      expect(fn.length).toBe(params.length);
    }
  });

  it('answers when called by id, as Excel calls it', () => {
    const call = (id: string, ...args: unknown[]) => functions[associate.find((a) => a.id === id)!.functionName](...args);
    expect(call('PROGRAMMA', '04.02')).toBe('Altri ordini di istruzione non universitaria');
    expect(call('MISSIONE', '04')).toBe('Istruzione e diritto allo studio');
    expect(call('VERIFICA_CODICE', '01.01.02', '01.01')).toBe(true);
    expect(call('CATEGORIA', 'Cat. D')).toBe("Area dei Funzionari e dell'Elevata Qualificazione");
    expect(call('QUOTA', 43, 69)).toBe(0.623);
  });
});
