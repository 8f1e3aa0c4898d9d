// Redline dashboard: rates per minute from the snapshots' day counters. Pure functions, no page: the page's
// charts (app.js) and the browser test use them.
'use strict';

const Rates = (() => {
  // a snapshot's time in seconds (uPlot's unit); generatedAt may carry nanoseconds, Date.parse wants milliseconds
  const seconds = (snapshot) => Date.parse(snapshot.generatedAt.replace(/(\.\d{3})\d+/, '$1')) / 1000;
  const day = (snapshot) => snapshot.generatedAt.slice(0, 10);

  // How much a day counter grew between two snapshots. The counters start again from zero when the UTC day
  // changes, and a counter that went down was reset (its key expired or Redis lost it): the later value is then
  // all that is known to have been counted in the interval.
  function increase(previous, next, read) {
    const before = read(previous);
    const after = read(next);
    if (day(previous) !== day(next) || after < before) {
      return after;
    }
    return after - before;
  }

  // The series the charts draw, one value per snapshot (oldest first): rates per minute over the interval that
  // ends at each snapshot (null for the first, which has no interval), the interval's error ratio in percent
  // (null without requests) and the gauges as they are.
  function series(snapshots) {
    const out = {time: [], requests: [], errors: [], errorRatio: [], revenue: [], visitors: [], sessions: []};
    snapshots.forEach((snapshot, i) => {
      out.time.push(seconds(snapshot));
      out.visitors.push(snapshot.uniqueVisitors);
      out.sessions.push(snapshot.activeSessions);
      const previous = snapshots[i - 1];
      const interval = previous === undefined ? 0 : seconds(snapshot) - seconds(previous);
      if (interval <= 0) {
        out.requests.push(null);
        out.errors.push(null);
        out.errorRatio.push(null);
        out.revenue.push(null);
        return;
      }
      const perMinute = 60 / interval;
      const requests = increase(previous, snapshot, (s) => s.requests);
      const errors = increase(previous, snapshot, (s) => s.errors);
      out.requests.push(requests * perMinute);
      out.errors.push(errors * perMinute);
      out.errorRatio.push(requests > 0 ? Math.min(100, (errors / requests) * 100) : null);
      out.revenue.push(increase(previous, snapshot, (s) => Number(s.revenue)) * perMinute);
    });
    return out;
  }

  // The snapshots held after adding newer ones: at most `max`, the oldest dropped first. A snapshot not newer than
  // the last one held (the same one sent twice) is left out.
  function append(held, newer, max) {
    const last = held.length === 0 ? -Infinity : seconds(held[held.length - 1]);
    const all = held.concat(newer.filter((snapshot) => seconds(snapshot) > last));
    return all.length > max ? all.slice(all.length - max) : all;
  }

  // The `since` of the next request: the last snapshot's time in whole milliseconds.
  const sinceOf = (held) => (held.length === 0 ? null : Math.round(seconds(held[held.length - 1]) * 1000));

  return {series, append, sinceOf};
})();
