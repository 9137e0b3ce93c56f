// Per-workflow metrics over time, computed from the executions list (the metrics route gives only
// totals), and small SVG line charts to draw them.

import {svg, formatDuration} from './dom.js';

const FINISHED = new Set(['completed', 'failed', 'cancelled', 'timeout']);

/** Linear-interpolated percentile (like percentile_cont) of sorted values; p in 0..1. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/**
 * Finished executions grouped into up to bucketCount equal time windows by completion time:
 * [{from, to, finished, successRate (0–100, completed among completed+failed+timeout), p50, p95}].
 * Cancelled runs count as finished but neither success nor failure, as on the metrics route.
 */
export function metricsOverTime(executions, bucketCount = 12) {
  const finished = executions.filter(e => FINISHED.has(e.status) && e.completed_at)
    .map(e => ({...e, at: new Date(e.completed_at).getTime()}))
    .sort((a, b) => a.at - b.at);
  if (finished.length === 0) return [];
  const first = finished[0].at;
  const last = finished[finished.length - 1].at;
  const width = Math.max((last - first) / bucketCount, 1);
  const buckets = Array.from({length: bucketCount}, (_, i) => ({from: first + i * width, to: first + (i + 1) * width, runs: []}));
  finished.forEach(run => buckets[Math.min(bucketCount - 1, Math.floor((run.at - first) / width))].runs.push(run));
  return buckets.filter(bucket => bucket.runs.length > 0).map(bucket => {
    const decided = bucket.runs.filter(run => run.status !== 'cancelled');
    const succeeded = decided.filter(run => run.status === 'completed').length;
    const durations = bucket.runs.map(run => run.duration).filter(d => typeof d === 'number').sort((a, b) => a - b);
    return {
      from: bucket.from, to: bucket.to, finished: bucket.runs.length,
      successRate: decided.length ? (100 * succeeded) / decided.length : null,
      p50: percentile(durations, 0.5), p95: percentile(durations, 0.95),
    };
  });
}

/**
 * A line chart: series [{name, cssClass, points: [{x (ms), y}]}], yFormat for the axis and tooltips,
 * yMax fixed (e.g. 100 for a rate) or null for the data's maximum.
 */
export function lineChart(title, series, {yFormat = String, yMax = null, width = 420, height = 170} = {}) {
  const left = 56;
  const right = 10;
  const top = 24;
  const bottom = 24;
  const points = series.flatMap(s => s.points.filter(p => p.y !== null));
  const frame = [svg('text', {x: 4, y: 14, class: 'chart-title'}, title)];
  if (points.length === 0) {
    return svg('svg', {class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`}, frame,
      svg('text', {x: left, y: height / 2, class: 'muted'}, 'No finished executions yet.'));
  }
  const xMin = Math.min(...points.map(p => p.x));
  const xMax = Math.max(...points.map(p => p.x));
  const top_ = yMax !== null ? yMax : Math.max(...points.map(p => p.y)) * 1.1 || 1;
  const x = v => left + (xMax === xMin ? (width - left - right) / 2 : ((v - xMin) / (xMax - xMin)) * (width - left - right));
  const y = v => top + (1 - v / top_) * (height - top - bottom);
  const grid = [0, 0.5, 1].map(f => svg('g', {class: 'tick'},
    svg('line', {x1: left, x2: width - right, y1: y(top_ * f), y2: y(top_ * f)}),
    svg('text', {x: left - 6, y: y(top_ * f) + 4, 'text-anchor': 'end'}, yFormat(top_ * f))));
  const timeLabels = [xMin, xMax].map((t, i) => svg('text', {
    x: i === 0 ? left : width - right, y: height - 6, 'text-anchor': i === 0 ? 'start' : 'end', class: 'axis-label',
  }, new Date(t).toLocaleTimeString()));
  const lines = series.map(s => {
    const valid = s.points.filter(p => p.y !== null);
    return svg('g', {class: `series ${s.cssClass}`, 'data-series': s.name},
      svg('polyline', {points: valid.map(p => `${x(p.x)},${y(p.y)}`).join(' ')}),
      valid.map(p => svg('circle', {cx: x(p.x), cy: y(p.y), r: 3},
        svg('title', {}, `${s.name}: ${yFormat(p.y)} (${new Date(p.x).toLocaleString()})`))));
  });
  const legend = series.map((s, i) => svg('g', {class: `series ${s.cssClass}`},
    svg('line', {x1: width - 150 + i * 70, x2: width - 136 + i * 70, y1: 10, y2: 10}),
    svg('text', {x: width - 132 + i * 70, y: 14, class: 'legend'}, s.name)));
  return svg('svg', {class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`},
    frame, grid, timeLabels, lines, legend);
}

/** The two metric charts for a workflow's executions. */
export function metricCharts(executions) {
  const buckets = metricsOverTime(executions);
  const at = bucket => (bucket.from + bucket.to) / 2;
  return [
    lineChart('Success rate', [{name: 'success', cssClass: 'series-success',
      points: buckets.map(b => ({x: at(b), y: b.successRate}))}], {yFormat: v => `${Math.round(v)}%`, yMax: 100}),
    lineChart('Duration', [
      {name: 'p50', cssClass: 'series-p50', points: buckets.map(b => ({x: at(b), y: b.p50}))},
      {name: 'p95', cssClass: 'series-p95', points: buckets.map(b => ({x: at(b), y: b.p95}))},
    ], {yFormat: formatDuration}),
  ];
}
