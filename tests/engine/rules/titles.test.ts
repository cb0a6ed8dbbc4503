import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleTitle } from '../../../importer/engine/rules/registry';

const RULE_DIR = join(__dirname, '..', '..', '..', 'importer', 'engine', 'rules');
/** Files of the rules folder that are not one rule each. */
const NOT_RULES = new Set(['registry.ts', 'rule.ts', 'run.ts', 'staff-words.ts']);

describe('rule titles: a short Italian name for people, the id for machines', () => {
  it('the registry lists every rule module once', () => {
    const modules = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(RULES.map((r) => r.id).sort()).toEqual(modules);
  });

  it.each(RULES.map((r) => [r.id, r]))('%s has a short Italian title, not its id', (_id, rule) => {
    expect(rule.title.length).toBeGreaterThanOrEqual(8);
    expect(rule.title.length).toBeLessThanOrEqual(40);
    // a sentence's start, no final stop, no code name
    expect(rule.title).toMatch(/^[A-ZÀ-Ý][^.]*[^.\s]$/);
    expect(rule.title).not.toContain('-');
    expect(rule.title).not.toContain(rule.id);
    // Italian words, not the English of the id ("sum", "mismatch", "row", "value")
    expect(rule.title.toLowerCase()).not.toMatch(/\b(sum|mismatch|row|value|missing|duplicate|unknown|header|format)\b/);
  });

  it('no two rules share a title', () => {
    expect(new Set(RULES.map((r) => r.title.toLowerCase())).size).toBe(RULES.length);
  });

  it('ruleTitle gives the title of a known id, the id itself for one this version does not know', () => {
    expect(ruleTitle('sum-mismatch')).toBe('Totale diverso dalla somma delle parti');
    expect(ruleTitle('code-parent-mismatch')).toBe('Codice sotto il padre sbagliato');
    expect(ruleTitle('regola-futura')).toBe('regola-futura');
  });
});
