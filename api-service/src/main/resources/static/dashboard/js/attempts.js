// Each attempt's input, output and error, read from the event history, and a diff between two
// attempts of one step.

import {el, replaceChildren, prettyJson, formatTime, formatDuration, statusBadge} from './dom.js';
import {diffLines, canonicalJson} from './diff.js';

/** stepName → [{attempt, input, output, error, status}] from the recorded events. */
export function attemptsFromEvents(events) {
  const byStep = new Map();
  const attempt = (data) => {
    const name = data.step_name;
    if (!byStep.has(name)) byStep.set(name, new Map());
    const attempts = byStep.get(name);
    if (!attempts.has(data.attempt)) attempts.set(data.attempt, {attempt: data.attempt});
    return attempts.get(data.attempt);
  };
  events.forEach(event => {
    const data = event.data || {};
    if (!data.step_name || typeof data.attempt !== 'number') return;
    const record = attempt(data);
    if (event.type === 'StepScheduled') Object.assign(record, {input: data.input, status: 'queued'});
    else if (event.type === 'StepStarted') Object.assign(record, {status: 'running', worker: data.worker_id});
    else if (event.type === 'StepSucceeded') Object.assign(record, {output: data.output, status: 'completed'});
    else if (event.type === 'StepFailed') Object.assign(record, {error: data.error, status: 'failed', retryable: data.retryable});
    else if (event.type === 'StepTimedOut') Object.assign(record, {error: data.error, status: 'timeout'});
  });
  const result = new Map();
  byStep.forEach((attempts, name) => result.set(name, [...attempts.values()].sort((a, b) => a.attempt - b.attempt)));
  return result;
}

function diffBlock(label, before, after) {
  const lines = diffLines(canonicalJson(before), canonicalJson(after));
  const changed = lines.some(line => line.kind !== 'same');
  return el('div', {class: 'diff-block'},
    el('h5', {}, label, changed ? '' : ' (no change)'),
    el('pre', {class: 'diff'}, lines.map(line => el('span', {class: `diff-${line.kind}`},
      `${line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}${line.text}\n`))));
}

/** The panel of one step: attempts from the timeline, their data from the events, a diff picker. */
export function renderStepPanel(stepName, timelineStep, attempts) {
  const timed = new Map(((timelineStep && timelineStep.attempts) || []).map(a => [a.attempt, a]));
  const all = attempts || [];
  const diffSlot = el('div', {class: 'diff-slot'});
  const pick = (id, chosen) => el('select', {id, onchange: drawDiff},
    all.map(a => el('option', {value: a.attempt, selected: a.attempt === chosen}, `attempt ${a.attempt}`)));
  const before = pick('diff-before', all.length > 1 ? all[all.length - 2].attempt : all[0] && all[0].attempt);
  const after = pick('diff-after', all.length ? all[all.length - 1].attempt : undefined);
  function drawDiff() {
    const a = all.find(x => String(x.attempt) === before.value);
    const b = all.find(x => String(x.attempt) === after.value);
    if (!a || !b) return replaceChildren(diffSlot);
    replaceChildren(diffSlot,
      diffBlock('input', a.input, b.input),
      diffBlock('output', a.output, b.output),
      diffBlock('error', a.error === undefined ? undefined : a.error, b.error === undefined ? undefined : b.error));
  }
  drawDiff();
  return el('div', {class: 'step-panel', 'data-step': stepName},
    el('h3', {}, `Step ${stepName}`),
    all.length === 0 ? el('p', {class: 'muted'}, 'Not started yet.') : el('div', {class: 'attempts'},
      all.map(a => {
        const times = timed.get(a.attempt) || {};
        return el('details', {class: 'attempt', open: a === all[all.length - 1], 'data-attempt': a.attempt},
          el('summary', {}, `attempt ${a.attempt} `, statusBadge(times.status || a.status),
            ` ${formatTime(times.started_at || times.scheduled_at)} · ${formatDuration(times.duration_seconds)}`,
            times.worker_id ? ` · ${times.worker_id}` : ''),
          el('div', {class: 'attempt-data'},
            el('div', {}, el('h5', {}, 'input'), el('pre', {}, prettyJson(a.input))),
            el('div', {}, el('h5', {}, 'output'), el('pre', {}, prettyJson(a.output))),
            a.error ? el('div', {class: 'attempt-error'}, el('h5', {}, 'error'), el('pre', {class: 'error'}, a.error)) : null));
      })),
    all.length > 1 ? el('div', {class: 'diff-picker'},
      el('h4', {}, 'Diff between attempts'), el('label', {}, 'from ', before), el('label', {}, ' to ', after), diffSlot) : null);
}
