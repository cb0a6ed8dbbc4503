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

function render(option: echarts.EChartsCoreOption, width = 640, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'EN' });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    // namespaces are not needed inline in HTML5: dropping them leaves no URL at all in the report
    return chart.renderToSVGString().replace(/\s+xmlns(:xlink)?="[^"]*"/g, '');
  } finally {
    chart.dispose();
  }
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}`.replace('.', ',') + '%';

/** Women and men by category (the categories that have someone). */
export function categoryChart(pap: PapStatistics): string | null {
  const rows = CATEGORIES.map((c) => pap.byCategory.find((b) => b.category === c)).filter((b): b is PapStatistics['byCategory'][number] => !!b && b.total > 0);
  if (rows.length === 0) return null;
  return render({
    color: [COLOR_F, COLOR_M],
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => CATEGORY_IT[r.category]), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, name: 'persone' },
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
  const data = [
    { value: sw.shareF ?? 0, itemStyle: { color: COLOR_F } },
    { value: sw.shareM ?? 0, itemStyle: { color: COLOR_M } },
    { value: sw.share, itemStyle: { color: '#555f6d' } },
  ];
  return render(
    {
      grid: { left: 56, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: ['Donne', 'Uomini', 'Tutto il personale'] },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => pct(v) } },
      series: [{ type: 'bar', barWidth: '45%', data, label: { show: true, position: 'top', formatter: (p: { value: number }) => pct(p.value) } }],
    },
    480,
    300,
  );
}

/** Hires and terminations by year, women and men. */
export function turnoverChart(pap: PapStatistics): string | null {
  const years = [...pap.turnover].sort((a, b) => a.year - b.year);
  if (years.length === 0) return null;
  const label = { show: true, position: 'top' as const };
  return render({
    color: [COLOR_F, COLOR_M, '#f08fd6', '#9dbcf2'],
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', minInterval: 1, name: 'persone' },
    series: [
      { name: 'Assunzioni donne', type: 'bar', data: years.map((y) => y.hires.F), label },
      { name: 'Assunzioni uomini', type: 'bar', data: years.map((y) => y.hires.M), label },
      { name: 'Cessazioni donne', type: 'bar', data: years.map((y) => y.terminations.F), label },
      { name: 'Cessazioni uomini', type: 'bar', data: years.map((y) => y.terminations.M), label },
    ],
  });
}
