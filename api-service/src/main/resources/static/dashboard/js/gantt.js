// A Gantt chart of attempts from the timeline route: one row per step, one bar per attempt from its
// start (or hand-out) to its end (or now while it runs), and the backoff before the next attempt
// drawn as a hatched gap.

import {svg, formatDuration} from './dom.js';

const LABEL_WIDTH = 150;
const ROW_HEIGHT = 26;
const AXIS_HEIGHT = 22;

const time = iso => (iso ? new Date(iso).getTime() : null);

/** The bars and gaps of one step: [{kind: 'attempt'|'backoff', from, to, attempt, status, text}]. */
export function attemptSegments(step, now) {
  const attempts = step.attempts || [];
  const segments = [];
  attempts.forEach((attempt, index) => {
    const from = time(attempt.started_at) || time(attempt.scheduled_at);
    if (from === null) return;
    const to = time(attempt.completed_at) || now;
    segments.push({
      kind: 'attempt', from, to, attempt: attempt.attempt, status: attempt.status,
      text: `${step.step_name} attempt ${attempt.attempt}: ${attempt.status}, ${formatDuration((to - from) / 1000)}`
        + `${attempt.error_message ? ` — ${attempt.error_message}` : ''}${attempt.worker_id ? ` (worker ${attempt.worker_id})` : ''}`,
    });
    const next = attempts[index + 1];
    const nextStart = next ? time(next.scheduled_at) || time(next.started_at) : time(attempt.retry_due_at);
    if (attempt.completed_at && nextStart && nextStart > to) {
      const backoff = Boolean(attempt.retry_due_at);
      segments.push({
        kind: backoff ? 'backoff' : 'waiting', from: to, to: nextStart, attempt: attempt.attempt, status: 'backoff',
        text: `${step.step_name}: ${backoff ? 'backoff' : 'waited for a retry of the execution'} `
          + `${formatDuration((nextStart - to) / 1000)} before attempt ${attempt.attempt + 1}`,
      });
    }
  });
  return segments;
}

export function renderGantt(timeline, width = 900) {
  const now = Date.now();
  const rows = [...(timeline.step_timeline || [])].sort((a, b) => (a.step_order - b.step_order)
    || a.step_name.localeCompare(b.step_name));
  const segmentsByRow = rows.map(step => attemptSegments(step, now));
  const all = segmentsByRow.flat();
  const start = Math.min(...all.map(s => s.from), time(timeline.started_at) || Infinity);
  const end = Math.max(...all.map(s => s.to), time(timeline.completed_at) || -Infinity);
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 6;
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    return svg('svg', {class: 'gantt', width, height: 40},
      svg('text', {x: 8, y: 24, class: 'muted'}, 'No attempt has started yet.'));
  }
  const span = Math.max(end - start, 1);
  const plotWidth = width - LABEL_WIDTH - 16;
  const x = t => LABEL_WIDTH + ((t - start) / span) * plotWidth;

  const ticks = [];
  const tickCount = 6;
  for (let i = 0; i <= tickCount; i++) {
    const t = start + (span * i) / tickCount;
    ticks.push(svg('g', {class: 'tick'},
      svg('line', {x1: x(t), x2: x(t), y1: AXIS_HEIGHT - 4, y2: height}),
      svg('text', {x: x(t), y: 13, 'text-anchor': i === 0 ? 'start' : i === tickCount ? 'end' : 'middle'},
        `+${formatDuration((t - start) / 1000)}`)));
  }

  const rowNodes = rows.map((step, index) => {
    const y = AXIS_HEIGHT + index * ROW_HEIGHT;
    return svg('g', {class: 'gantt-row', 'data-step': step.step_name},
      svg('text', {x: 4, y: y + 17, class: 'gantt-label'}, step.step_name),
      segmentsByRow[index].map(segment => svg('rect', {
        class: segment.kind === 'attempt' ? `bar status-${segment.status}` : segment.kind,
        'data-attempt': segment.attempt,
        x: x(segment.from), y: y + (segment.kind === 'attempt' ? 4 : 10),
        width: Math.max(2, x(segment.to) - x(segment.from)),
        height: segment.kind === 'attempt' ? ROW_HEIGHT - 8 : 6, rx: 3,
      }, svg('title', {}, segment.text))));
  });

  const legend = [['bar status-completed', 'completed'], ['bar status-failed', 'failed'], ['bar status-running', 'running'],
    ['backoff', 'backoff'], ['waiting', 'until retried by hand']]
    .map(([cssClass, text], i) => svg('g', {transform: `translate(${LABEL_WIDTH + i * 92},${height - 8})`},
      svg('rect', {class: cssClass, x: 0, y: -8, width: 14, height: 8, rx: 2}),
      svg('text', {x: 18, y: 0, class: 'legend'}, text)));
  return svg('svg', {class: 'gantt', width, height: height + 20, viewBox: `0 0 ${width} ${height + 20}`},
    svg('defs', {}, svg('pattern', {id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)'}, svg('line', {x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line'}))),
    ticks, rowNodes, svg('g', {transform: 'translate(0,20)'}, legend));
}
