// The trend tab: Keyward's findings per day over a window, as a stacked bar chart and as a table.
import { getTrend } from '../api.js';
import { button, emptyState, h, loader, select, spinner, svg, table, th } from '../dom.js';
import { formatDate, formatNumber, t } from '../i18n.js';

const WINDOWS = [7, 30, 90];
const DEFAULT_WINDOW = 30;
/** Series colours are .kw-series-0 … 7 in console.css (light and dark); each series also gets its own marks. */
const COLOURS = 8;
/** Marks drawn over an 8×8 tile of the series colour, so that series differ without colour as well. */
const MARKS = ['', 'M-2 2l4-4M0 8l8-8M6 10l4-4', 'M3 4a1 1 0 1 0 2 0a1 1 0 1 0-2 0', 'M0 4h8', 'M4 0v8', 'M0 4h8M4 0v8',
  'M-2 6l4 4M0 0l8 8M6-2l4 4', 'M0 0h4v4H0zM4 4h4v4H4z'];
const SIZE = { width: 720, height: 260, left: 44, right: 8, top: 12, bottom: 28 };

const seriesName = (series) => t('trend.series', series.rule, t(`outcome.${series.outcome}`));
const sum = (numbers) => numbers.reduce((total, value) => total + (value ?? 0), 0);

function pattern(index) {
  const mark = MARKS[(index + Math.floor(index / COLOURS)) % MARKS.length];
  return svg('pattern', { id: `kw-pattern-${index}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
    svg('rect', { class: `kw-series-${index % COLOURS}`, width: 8, height: 8 }),
    mark && svg('path', { class: 'kw-mark', d: mark }));
}

/** What the chart shows, in words: the chart is one image to assistive technology. */
function describe(trend, windowDays, totals) {
  const peak = totals.indexOf(Math.max(...totals));
  const bySeries = trend.series.map((series) => t('trend.series-total', seriesName(series), formatNumber(sum(series.counts))));
  return t('trend.chart-label', windowDays, formatNumber(sum(totals)), formatDate(trend.days[peak]), formatNumber(totals[peak]), bySeries.join('; '));
}

function bars(trend, slot, y) {
  return trend.days.flatMap((day, dayIndex) => {
    let base = 0;
    return trend.series.map((series, index) => {
      const count = series.counts[dayIndex] ?? 0;
      const bar = count > 0 && svg('rect', {
        class: 'kw-bar', x: SIZE.left + slot * (dayIndex + 0.15), width: slot * 0.7, y: y(base + count), height: y(base) - y(base + count),
        fill: `url(#kw-pattern-${index})`,
      });
      base += count;
      return bar;
    });
  });
}

function axes(trend, max, slot, y) {
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  const labelled = [...new Set([0, Math.floor((trend.days.length - 1) / 2), trend.days.length - 1])];
  return [
    ticks.map((tick) => [
      svg('line', { class: 'kw-grid', x1: SIZE.left, x2: SIZE.width - SIZE.right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'kw-axis', x: SIZE.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, formatNumber(tick)),
    ]),
    labelled.map((dayIndex) => svg('text', {
      class: 'kw-axis', x: SIZE.left + slot * (dayIndex + 0.5), y: SIZE.height - 8, 'text-anchor': 'middle',
    }, formatDate(trend.days[dayIndex], 'short'))),
  ];
}

function chart(trend, windowDays) {
  const totals = trend.days.map((day, dayIndex) => sum(trend.series.map((series) => series.counts[dayIndex])));
  const max = Math.max(1, ...totals);
  const plotHeight = SIZE.height - SIZE.top - SIZE.bottom;
  const slot = (SIZE.width - SIZE.left - SIZE.right) / Math.max(1, trend.days.length);
  const y = (value) => SIZE.top + plotHeight * (1 - value / max);
  return svg('svg', {
    id: 'kw-trend-chart', class: 'kw-chart', viewBox: `0 0 ${SIZE.width} ${SIZE.height}`, role: 'img',
    'aria-label': describe(trend, windowDays, totals),
  }, svg('defs', null, trend.series.map((series, index) => pattern(index))), axes(trend, max, slot, y), bars(trend, slot, y));
}

function legend(trend) {
  return h('ul', { class: 'kw-legend', 'aria-label': t('trend.legend') }, trend.series.map((series, index) => h('li', null,
    svg('svg', { class: 'kw-swatch', viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' },
      svg('rect', { x: 0.5, y: 0.5, width: 15, height: 15, fill: `url(#kw-pattern-${index})` })),
    seriesName(series))));
}

function dataTable(trend) {
  return table({
    id: 'kw-trend-table', caption: t('trend.table-caption'),
    head: [th(t('trend.day')), trend.series.map((series) => th(seriesName(series)))],
    rows: trend.days.map((day, dayIndex) => h('tr', null, h('th', { scope: 'row' }, formatDate(day)),
      trend.series.map((series) => h('td', null, formatNumber(series.counts[dayIndex]))))),
  });
}

/** The table sits behind a toggle; it is built with the chart, so it is there the moment it is shown. */
function tableToggle(trend) {
  const area = h('div', { id: 'kw-trend-table-area', hidden: true }, dataTable(trend));
  const toggle = button(t('trend.show-table'), {
    id: 'kw-trend-toggle-table', variant: 'link', 'aria-expanded': 'false', 'aria-controls': 'kw-trend-table-area',
    onclick: () => {
      area.hidden = !area.hidden;
      toggle.setAttribute('aria-expanded', String(!area.hidden));
      toggle.textContent = t(area.hidden ? 'trend.show-table' : 'trend.hide-table');
    },
  });
  return [toggle, area];
}

export function trendTab(ctx, realm) {
  let windowDays = DEFAULT_WINDOW;
  const body = h('div', { class: 'kw-stack' }, spinner());
  const windowSelect = select({ id: 'kw-trend-window', onchange: (event) => {
    windowDays = Number(event.target.value);
    load();
  } }, WINDOWS.map((days) => ({ value: days, text: t('trend.window-option', days), selected: days === windowDays })));

  function render(trend) {
    if (trend.series.length === 0) {
      body.replaceChildren(emptyState({ title: t('trend.none'), body: t('trend.none-body', windowDays), level: 3 }));
      return;
    }
    body.replaceChildren(chart(trend, windowDays), legend(trend), ...tableToggle(trend));
  }

  // Answers for a window that is no longer chosen are dropped.
  const load = loader(ctx, { area: body, fetch: () => getTrend(realm, windowDays), show: render });

  load();
  return h('div', { id: 'kw-trend', class: 'pf-v5-c-card' }, h('div', { class: 'pf-v5-c-card__body kw-stack' },
    h('h2', { class: 'pf-v5-c-title pf-m-lg' }, t('trend.title')),
    h('div', { class: 'kw-field' }, h('label', { class: 'pf-v5-c-form__label', for: 'kw-trend-window' }, t('trend.window')), windowSelect),
    body));
}
