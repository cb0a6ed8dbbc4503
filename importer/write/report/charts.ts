/**
 * The report's charts, drawn by Apache ECharts on the server as SVG strings (renderer 'svg',
 * ssr: true): the SVG is inlined in report.html, so the file needs no script and no network.
 */
import * as echarts from 'echarts';
import { PapStatistics } from '../../engine/schema/dossier';
import { CATEGORIES, CATEGORY_IT } from '../labels';

export const COLOR_F = '#b5179e';
export const COLOR_M = '#2f6fdb';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

function render(id: string, option: echarts.EChartsCoreOption, width = 560, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'EN' });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    // namespaces are not needed inline in HTML5: dropping them leaves no URL at all in the report
    const svg = chart.renderToSVGString().replace(/\s+xmlns(:xlink)?="[^"]*"/g, '');
    // zrender numbers its instances and hover classes with global counters ("zr7-cls-31"): renumber
    // them per chart, so the page is the same whatever was drawn before and no two charts clash
    const seen = new Map<string, number>();
    return svg.replace(/\bzr\d+-cls-\d+\b/g, (c) => {
      if (!seen.has(c)) seen.set(c, seen.size);
      return `${id}-${seen.get(c)}`;
    });
  } finally {
    chart.dispose();
  }
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}`.replace('.', ',') + '%';

/** Women and men by category (the categories that have someone). */
export function categoryChart(pap: PapStatistics): string | null {
  const rows = CATEGORIES.map((c) => pap.byCategory.find((b) => b.category === c)).filter((b): b is PapStatistics['byCategory'][number] => !!b && b.total > 0);
  if (rows.length === 0) return null;
  return render('piao-categorie', {
    color: [COLOR_F, COLOR_M],
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => CATEGORY_IT[r.category]), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Donne', type: 'bar', data: rows.map((r) => r.F), label: { show: true, position: 'top' } },
      { name: 'Uomini', type: 'bar', data: rows.map((r) => r.M), label: { show: true, position: 'top' } },
    ],
  });
}

/** Share of staff in smart working, for women, men and everyone. */
export function smartWorkingChart(pap: PapStatistics): string | null {
  const sw = pap.smartWorking;
  if (sw.total === 0 || sw.share === null) return null;
  // a source with no gender gives only the bar of the whole staff, never two bars at 0
  const byGender = sw.byGender !== false;
  const data = [
    ...(byGender
      ? [
          { value: sw.shareF ?? 0, itemStyle: { color: COLOR_F } },
          { value: sw.shareM ?? 0, itemStyle: { color: COLOR_M } },
        ]
      : []),
    { value: sw.share, itemStyle: { color: '#555f6d' } },
  ];
  return render(
    'piao-agile',
    {
      grid: { left: 56, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: [...(byGender ? ['Donne', 'Uomini'] : []), 'Tutto il personale'], axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => pct(v) } },
      series: [{ type: 'bar', barWidth: '45%', data, label: { show: true, position: 'top', formatter: (p: { value: number }) => pct(p.value) } }],
    },
    420,
    320,
  );
}

/** Hires and terminations by year, women and men. */
export function turnoverChart(pap: PapStatistics): string | null {
  const years = [...pap.turnover].sort((a, b) => a.year - b.year);
  if (years.length === 0) return null;
  const label = { show: true, position: 'top' as const };
  return render('piao-turnover', {
    color: [COLOR_F, COLOR_M, '#f08fd6', '#9dbcf2'],
    // text is measured without a browser here: leave room between legend items
    legend: { top: 0, itemGap: 24, itemWidth: 14 },
    grid: { left: 40, right: 16, top: 72, bottom: 32 },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Assunzioni donne', type: 'bar', data: years.map((y) => y.hires.F), label },
      { name: 'Assunzioni uomini', type: 'bar', data: years.map((y) => y.hires.M), label },
      { name: 'Cessazioni donne', type: 'bar', data: years.map((y) => y.terminations.F), label },
      { name: 'Cessazioni uomini', type: 'bar', data: years.map((y) => y.terminations.M), label },
    ],
  });
}
