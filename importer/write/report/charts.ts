/**
 * The report's charts, drawn by Apache ECharts on the server as SVG strings (renderer 'svg',
 * ssr: true): the SVG is inlined in report.html, so the file needs no script and no network.
 * A figure that is not known has no bar (never a bar at 0): each chart lists the bars it leaves out.
 * Labels are laid out so that they cannot run into each other: categories one per line (horizontal
 * bars), legends in a column beside the plot, value labels in the ink colour.
 */
import * as echarts from 'echarts';
import { PapStatistics } from '../../engine/schema/dossier';
import { CATEGORIES, CATEGORY_IT, percentIt } from '../labels';
import { FigureRef, shareUnknown, unknownOf } from '../pap-figures';

export const COLOR_F = '#b5179e';
export const COLOR_M = '#2f6fdb';
/** Terminations: the same hues, darker, so that the four series stay apart. */
const COLOR_F_OUT = '#6d0f5f';
const COLOR_M_OUT = '#173f85';
const COLOR_ALL = '#555f6d';
/** Text of axes, legends and value labels: the page's ink (contrast above 4.5:1 on white). */
const INK = '#1d2433';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const TEXT = { color: INK, fontSize: 12 };

/** A chart as drawn, with the bars it leaves out because their figure is not known. */
export interface Chart {
  svg: string;
  /** «Dirigenti, donne»: one entry per bar left out. */
  missing: string[];
}

function render(id: string, option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'EN' });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, color: INK }, ...option });
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

/** The width of a label in pixels at 12 px, generously: ECharts measures text without a browser here. */
const labelWidth = (text: string) => Math.ceil(text.length * 7.5) + 8;

const axisText = { ...TEXT, margin: 8 };

/** Women and men by category (the categories that have someone, or a figure not known), one line each. */
export function categoryChart(pap: PapStatistics): Chart | null {
  if (pap.byCategory.length === 0) return null;
  const missing: string[] = [];
  const rows = CATEGORIES.filter((c) => {
    const b = pap.byCategory.find((x) => x.category === c);
    const unknown = (['F', 'M'] as const).some((who) => unknownOf(pap, { figure: 'category', category: c, who }));
    return (b && b.total > 0) || unknown;
  });
  if (rows.length === 0) return null;
  const value = (category: (typeof CATEGORIES)[number], who: 'F' | 'M') => {
    if (unknownOf(pap, { figure: 'category', category, who })) {
      missing.push(`${CATEGORY_IT[category]}, ${who === 'F' ? 'donne' : 'uomini'}`);
      return null;
    }
    return pap.byCategory.find((x) => x.category === category)?.[who] ?? 0;
  };
  const women = rows.map((c) => value(c, 'F'));
  const men = rows.map((c) => value(c, 'M'));
  const left = Math.max(...rows.map((c) => labelWidth(CATEGORY_IT[c]))) + 8;
  const label = { show: true, position: 'right' as const, ...TEXT };
  const height = 56 + rows.length * 46;
  const svg = render(
    'piao-categorie',
    {
      color: [COLOR_F, COLOR_M],
      legend: { top: 0, left: left, itemGap: 24, textStyle: TEXT },
      grid: { left, right: 40, top: 32, bottom: 24 },
      yAxis: { type: 'category', inverse: true, data: rows.map((c) => CATEGORY_IT[c]), axisLabel: { ...axisText, interval: 0 } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
      series: [
        { name: 'Donne', type: 'bar', barGap: '10%', barCategoryGap: '30%', data: women, label },
        { name: 'Uomini', type: 'bar', data: men, label },
      ],
    },
    560,
    height,
  );
  return { svg, missing };
}

/** Share of staff in smart working, for women, men and everyone; a share not known has no bar. */
export function smartWorkingChart(pap: PapStatistics): Chart | null {
  const sw = pap.smartWorking;
  if (unknownOf(pap, { figure: 'smartWorking', who: 'total' }) && unknownOf(pap, { figure: 'smartWorking', who: 'F' })) return null;
  if (sw.total === 0 && sw.share === null) return null;
  // a source with no gender gives only the bar of the whole staff, never two bars at 0
  const byGender = sw.byGender !== false;
  const missing: string[] = [];
  const bar = (name: string, share: number | null, refs: FigureRef[], color: string) => {
    const unknown = shareUnknown(pap, refs);
    if (unknown || share === null) missing.push(`${name}${unknown ? ' (dato non noto)' : ' (quota non calcolabile: i conteggi si contraddicono o manca il personale)'}`);
    return { value: unknown ? null : share, itemStyle: { color } };
  };
  const names = [...(byGender ? ['Donne', 'Uomini'] : []), 'Tutto il personale'];
  const data = [
    ...(byGender
      ? [
          bar('Donne', sw.shareF, [{ figure: 'smartWorking', who: 'F' }, { figure: 'headcount', who: 'F' }], COLOR_F),
          bar('Uomini', sw.shareM, [{ figure: 'smartWorking', who: 'M' }, { figure: 'headcount', who: 'M' }], COLOR_M),
        ]
      : []),
    bar('Tutto il personale', sw.share, [{ figure: 'smartWorking', who: 'total' }, { figure: 'headcount', who: 'total' }], COLOR_ALL),
  ];
  if (data.every((d) => d.value === null)) return null;
  const svg = render(
    'piao-agile',
    {
      grid: { left: 64, right: 16, top: 28, bottom: 40 },
      xAxis: { type: 'category', data: names, axisLabel: { ...axisText, interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { ...axisText, formatter: (v: number) => percentIt(v) } },
      series: [{ type: 'bar', barWidth: '45%', data, label: { show: true, position: 'top', ...TEXT, formatter: (p: { value: number }) => percentIt(p.value) } }],
    },
    420,
    320,
  );
  return { svg, missing };
}

/** Hires and terminations by year, women and men; a figure not known has no bar. */
export function turnoverChart(pap: PapStatistics): Chart | null {
  const years = [...pap.turnover].sort((a, b) => a.year - b.year);
  if (years.length === 0) return null;
  const missing: string[] = [];
  const series = (
    [
      ['Assunzioni donne', 'hires', 'F'],
      ['Assunzioni uomini', 'hires', 'M'],
      ['Cessazioni donne', 'terminations', 'F'],
      ['Cessazioni uomini', 'terminations', 'M'],
    ] as const
  ).map(([name, figure, who]) => ({
    name,
    type: 'bar',
    label: { show: true, position: 'top' as const, ...TEXT },
    data: years.map((y) => {
      if (unknownOf(pap, { figure, who, year: y.year })) {
        missing.push(`${y.year}: ${name.toLowerCase()}`);
        return null;
      }
      return y[figure][who];
    }),
  }));
  // the legend in a column right of the plot, anchored on its left: a text wider than measured runs into free space
  const legendWidth = Math.max(...series.map((s) => labelWidth(s.name))) + 24;
  const width = Math.min(680, Math.max(560, 200 + years.length * 100 + legendWidth));
  const svg = render(
    'piao-turnover',
    {
      color: [COLOR_F, COLOR_M, COLOR_F_OUT, COLOR_M_OUT],
      legend: { orient: 'vertical', left: width - legendWidth, top: 'middle', itemGap: 12, itemWidth: 14, textStyle: TEXT },
      grid: { left: 40, right: legendWidth + 12, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)), axisLabel: axisText },
      yAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
      series,
    },
    width,
    320,
  );
  return { svg, missing };
}
