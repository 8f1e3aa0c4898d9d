// Redline dashboard page: plain JavaScript, charts drawn as SVG here, no library and no CDN.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);

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
  $('generatedAt').textContent = 'as of ' + dashboard.generatedAt;
  list('topProducts', dashboard.topProducts, 'sku', 'units');
  list('topPages', dashboard.topPages, 'path', 'views');
}

function chart(id, values) {
  const svg = $(id);
  svg.replaceChildren();
  if (values.length === 0) return;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? 600 / (values.length - 1) : 0;
  const points = values.map((v, i) => (i * step).toFixed(1) + ',' + (135 - (v / max) * 125).toFixed(1));
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points.join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#b3261e');
  line.setAttribute('stroke-width', '2');
  svg.append(line);
  const label = document.createElementNS(SVG, 'text');
  label.setAttribute('x', '4');
  label.setAttribute('y', '14');
  label.setAttribute('font-size', '12');
  label.textContent = 'max ' + max;
  svg.append(label);
}

async function refresh() {
  try {
    const [dashboard, history] = await Promise.all([
      fetch('/api/dashboard').then((r) => r.json()),
      fetch('/api/history').then((r) => r.json()),
    ]);
    show(dashboard);
    chart('requestsChart', history.map((d) => d.requests));
    chart('revenueChart', history.map((d) => Number(d.revenue)));
  } catch (error) {
    $('generatedAt').textContent = 'could not load: ' + error;
  }
}

refresh();
setInterval(refresh, 5000);
