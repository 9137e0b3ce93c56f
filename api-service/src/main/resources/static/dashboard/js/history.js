// The event history with a slider: moving it shows the execution as it stood after that sequence.

import {el, replaceChildren, formatTime} from './dom.js';

function summary(event) {
  const data = event.data || {};
  const parts = [];
  if (data.step_name) parts.push(data.step_name);
  if (typeof data.attempt === 'number') parts.push(`attempt ${data.attempt}`);
  if (data.error) parts.push(data.error);
  if (data.reason) parts.push(data.reason);
  if (data.due_at) parts.push(`due ${formatTime(data.due_at)}`);
  return parts.join(' · ');
}

/**
 * The history panel. onTravel(sequence) when the slider moves (null = back to live). Returns
 * {node, update(events, asOf)}.
 */
export function historyPanel(onTravel) {
  const slider = el('input', {type: 'range', id: 'history-slider', min: 1, max: 1, value: 1, step: 1,
    'aria-label': 'Show the execution as of sequence'});
  const label = el('span', {id: 'history-position', class: 'mono'});
  const live = el('button', {id: 'history-live', onclick: () => onTravel(null)}, 'Back to live');
  const list = el('ol', {class: 'history', id: 'history'});
  let lastSequence = 0;
  slider.addEventListener('input', () => {
    label.textContent = `sequence ${slider.value} of ${lastSequence}`;
  });
  slider.addEventListener('change', () => {
    const value = Number(slider.value);
    onTravel(value >= lastSequence ? null : value);
  });
  const node = el('div', {class: 'panel history-panel'},
    el('div', {class: 'toolbar'}, el('h3', {}, 'Event history'), slider, label, live),
    list);

  function update(events, asOf) {
    lastSequence = events.length ? events[events.length - 1].sequence : 0;
    slider.max = Math.max(1, lastSequence);
    slider.disabled = lastSequence === 0;
    slider.value = asOf === null ? lastSequence : asOf;
    live.hidden = asOf === null;
    label.textContent = lastSequence === 0 ? 'no events yet'
      : asOf === null ? `live · ${lastSequence} events` : `as of sequence ${asOf} of ${lastSequence}`;
    replaceChildren(list, events.map(event => el('li', {
      class: `event${asOf !== null && event.sequence > asOf ? ' future' : ''}${asOf === event.sequence ? ' current' : ''}`,
      'data-sequence': event.sequence,
      onclick: () => onTravel(event.sequence >= lastSequence ? null : event.sequence),
    },
    el('span', {class: 'mono seq'}, String(event.sequence)),
    el('span', {class: 'event-time'}, formatTime(event.occurred_at)),
    el('span', {class: 'event-type'}, event.type),
    el('span', {class: 'event-summary'}, summary(event)))));
  }
  return {node, update};
}
