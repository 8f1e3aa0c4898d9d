// Redline dashboard page: the latest figures, and time-series charts drawn by uPlot (served from the jar).
// The first load fetches the stored history; later ones only the snapshots newer than the last one held.
'use strict';

const REFRESH_MILLIS = 5000;
const WINDOW = 1440; // snapshots held: a day of minutes, like the stored history
const HEIGHT = 180; // of each chart's plot, in CSS pixels
const $ = (id) => document.getElementById(id);

let snapshots = [];
const charts = [];

function list(id, entries, name, value) {
  const target = $(id);
  target.replaceChildren();
  for (const entry of entries) {
    const item = document.createElement('li');
    item.textContent = entry[name] + ' — ' + entry[value];
    target.append(item);
  }
}

function show(dashboard) {
  $('uniqueVisitors').textContent = dashboard.uniqueVisitors;
  $('revenue').textContent = Number(dashboard.revenue).toFixed(2);
  $('activeSessions').textContent = dashboard.activeSessions;
  $('requests').textContent = dashboard.requests;
  $('errors').textContent = dashboard.errors;
  $('errorRate').textContent = (dashboard.errorRate * 100).toFixed(2) + ' %';
  // "2026-11-29T18:14:24.123456789Z" reads "as of 2026-11-29 18:14:24 UTC": whole seconds, the zone in words
  $('generatedAt').textContent = 'as of ' + dashboard.generatedAt.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
  list('topProducts', dashboard.topProducts, 'sku', 'units');
  list('topPages', dashboard.topPages, 'path', 'views');
}

// times in UTC, the day of the counters: uPlot.tzDate shifts a date so that its local fields read UTC
const utc = (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
const hhmm = uPlot.fmtDate('{HH}:{mm}');
const ymd = uPlot.fmtDate('{YYYY}-{MM}-{DD}');
const stamp = uPlot.fmtDate('{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}');
// ticks read 13:40; the first tick and the first of a new day add the date below
const timeTicks = (u, splits) => splits.map((ts, i) => {
  const day = ymd(utc(ts));
  return hhmm(utc(ts)) + (i === 0 || ymd(utc(splits[i - 1])) !== day ? '\n' + day : '');
});

// a value for the legend (null where there is none: the first snapshot, or no cursor)
const shown = (digits, unit) => (u, v) => (v == null ? '--' : v.toFixed(digits) + unit);
const compact = (v) => (Math.abs(v) >= 10000 ? (v / 1000).toFixed(0) + 'k' : String(+v.toFixed(2)));
const axis = (scale, label, side) => ({
  scale, label, side, size: 60, labelSize: 20,
  grid: {show: side !== 1},
  values: (u, splits) => splits.map(compact),
});
const line = (label, scale, stroke, value) => ({label, scale, stroke, width: 2, value, spanGaps: false});

// one chart per section: the series of Rates.series it draws, and how
const CHARTS = [
  {id: 'trafficChart', keys: ['requests', 'errors'],
    series: [line('Requests', 'req', '#b3261e', shown(1, ' /min')), line('Errors (5xx)', 'err', '#e08a00', shown(1, ' /min'))],
    axes: [axis('req', 'requests / min', 3), axis('err', 'errors / min', 1)]},
  {id: 'errorRatioChart', keys: ['errorRatio'],
    series: [line('Errors / requests', '%', '#7a3db8', shown(2, ' %'))],
    axes: [axis('%', 'error ratio (%)', 3)]},
  {id: 'revenueChart', keys: ['revenue'],
    series: [line('Revenue', 'rev', '#1f7a4d', shown(2, ' /min'))],
    axes: [axis('rev', 'revenue / min', 3)]},
  {id: 'visitorsChart', keys: ['visitors', 'sessions'],
    series: [line('Unique visitors today', 'vis', '#1d5fb3', shown(0, '')), line('Active sessions', 'ses', '#5a6072', shown(0, ''))],
    axes: [axis('vis', 'visitors (today)', 3), axis('ses', 'sessions', 1)]},
];

function data(spec, rates) {
  return [rates.time].concat(spec.keys.map((key) => rates[key]));
}

function draw() {
  const rates = Rates.series(snapshots);
  if (charts.length === 0) {
    for (const spec of CHARTS) {
      const target = $(spec.id);
      const chart = new uPlot({
        width: target.clientWidth,
        height: HEIGHT,
        tzDate: utc,
        scales: {x: {time: true}},
        series: [{label: 'Time (UTC)', value: (u, ts) => (ts == null ? '--' : stamp(utc(ts)))}].concat(spec.series),
        axes: [{label: 'time (UTC)', labelSize: 20, size: 50, values: timeTicks}].concat(spec.axes),
        // hovering one chart shows the same moment's values in every legend
        cursor: {sync: {key: 'redline'}},
        legend: {live: true},
      }, data(spec, rates), target);
      charts.push({spec, chart, target});
    }
    return;
  }
  for (const {spec, chart} of charts) {
    chart.setData(data(spec, rates));
  }
}

async function json(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status + ': ' + (body.error || JSON.stringify(body)));
  }
  return body;
}

async function refresh() {
  try {
    const since = Rates.sinceOf(snapshots);
    const [dashboard, newer] = await Promise.all([
      json('/api/dashboard'),
      json(since === null ? '/api/history' : '/api/history?since=' + since),
    ]);
    show(dashboard);
    snapshots = Rates.append(snapshots, newer, WINDOW);
    $('held').textContent = snapshots.length + ' snapshots';
    draw();
  } catch (error) {
    $('generatedAt').textContent = 'could not load: ' + error.message;
  }
}

window.addEventListener('resize', () => {
  for (const {chart, target} of charts) {
    chart.setSize({width: target.clientWidth, height: HEIGHT});
  }
});

refresh();
setInterval(refresh, REFRESH_MILLIS);
