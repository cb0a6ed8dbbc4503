import { Dossier } from '../../importer/engine/schema/dossier';
import { renderReport } from '../../importer/write/report/report';
import { objectiveTree } from '../../importer/write/report/tree';
import { pratoDossier } from '../helpers/dossiers';

describe('report.html', () => {
  let dossier: Dossier;
  let html: string;
  beforeAll(async () => {
    dossier = await pratoDossier();
    html = renderReport(dossier, { title: 'Provincia di Prato', annotated: new Map([['piao-2024-2026-performance.xlsx', 'annotated/piao-2024-2026-performance.xlsx']]) });
  });

  it('is one self-contained page: inline style and SVG, no script, no URL, nothing to fetch', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="it">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\b(src|srcset)=/i);
    expect(html).not.toMatch(/https?:|\/\//);
  });

  it('draws the three PAP charts as inline SVG, with the published figures', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3);
    expect(html).toContain('Donne e uomini per categoria');
    expect(html).toContain('Quota di personale in lavoro agile, per genere');
    expect(html).toContain('Assunzioni e cessazioni per anno');
    // smart working: 35 of 46 women, 8 of 23 men, 43 of 69 in all
    expect(svgs[1]).toContain('76,1%');
    expect(svgs[1]).toContain('34,8%');
    expect(svgs[1]).toContain('62,3%');
    expect(svgs[2]).toContain('2021');
    expect(svgs[2]).toContain('2023');
  });

  it('lists sources, findings grouped by severity and rule with their cells, and the objectives tree', () => {
    expect(html).toContain('<h2>Fonti</h2>');
    expect(html).toContain('href="annotated/piao-2024-2026-performance.xlsx"');
    const f = dossier.findings.find((x) => x.rule === 'code-parent-mismatch')!;
    expect(html).toContain(`<code>${f.cell}</code>`);
    expect(html.indexOf('<span class="badge error">Errore</span>')).toBeLessThan(html.indexOf('<span class="badge info">Nota</span>'));
    for (const o of dossier.objectives) expect(html).toContain(`<code>${o.code}</code>`);
  });

  it('counts the files read in its cards, in Italian: «file letto» for one, «file letti» for more', () => {
    const card = (out: string) => /<div class="card"><b>(\d+)<\/b>(file [^<]+)<\/div>/.exec(out)?.slice(1);
    const okSource = dossier.sources.find((x) => x.status === 'ok')!;
    expect(card(renderReport({ ...dossier, sources: [okSource] }, { title: 'x' }))).toEqual(['1', 'file letto']);
    expect(card(renderReport({ ...dossier, sources: [okSource, { ...okSource, file: 'altro.xlsx' }] }, { title: 'x' }))).toEqual(['2', 'file letti']);
    const failed = renderReport({ ...dossier, sources: [okSource, { ...okSource, file: 'rotto.xlsx', status: 'failed' }] }, { title: 'x' });
    expect(failed).toContain('<div class="card error"><b>1</b>file non letto</div>');
  });

  it('escapes what comes from the sheets', () => {
    const evil: Dossier = { ...dossier, objectives: [{ ...dossier.objectives[0], title: '<script>alert(1)</script> & "x"' }] };
    const out = renderReport(evil, { title: '<b>ente</b>' });
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(out).toContain('&lt;b&gt;ente&lt;/b&gt;');
  });

  it('says so, without empty charts, when the dossier has no staff tables', async () => {
    const { pap: _pap, headcount: _h, ...rest } = dossier;
    const empty = renderReport({ ...rest, headcount: [], pap: { ...dossier.pap, headcount: { F: 0, M: 0, total: 0, shareF: null }, byCategory: [], partTime: { F: 0, M: 0, shareF: null, shareM: null, total: 0, share: null }, fixedTerm: { F: 0, M: 0, total: 0 }, smartWorking: { F: 0, M: 0, total: 0, share: null, shareF: null, shareM: null }, turnover: [] } }, { title: 'x' });
    expect(empty).not.toContain('<svg');
    expect(empty).toContain('non contiene tabelle del personale');
  });

  it('is the same bytes for the same dossier', () => {
    expect(renderReport(dossier, { title: 'Provincia di Prato' })).toBe(renderReport(dossier, { title: 'Provincia di Prato' }));
  });
});

describe('objectives tree', () => {
  it('puts each objective under its parent code and keeps orphans at the root', async () => {
    const d = await pratoDossier();
    const roots = objectiveTree(d.objectives);
    const count = (ns: ReturnType<typeof objectiveTree>): number => ns.reduce((s, n) => s + 1 + count(n.children), 0);
    expect(count(roots)).toBe(d.objectives.length);
    const find = (ns: ReturnType<typeof objectiveTree>, code: string): ReturnType<typeof objectiveTree>[number] | undefined => {
      for (const n of ns) {
        if (n.objective.code === code) return n;
        const f = find(n.children, code);
        if (f) return f;
      }
      return undefined;
    };
    expect(find(roots, '02.02.01')!.children.map((c) => c.objective.code)).toContain('02.02.02.01');
    const orphan = { ...d.objectives[5], code: '09.09.09.09', parent: '09.09.09' };
    expect(objectiveTree([...d.objectives, orphan]).map((n) => n.objective.code)).toContain('09.09.09.09');
  });
});
