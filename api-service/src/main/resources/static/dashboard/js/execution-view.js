// One execution: the DAG with live step colours, the Gantt chart of attempts, each attempt's data
// with a diff, the event history with time travel, and the actions (cancel, retry, rerun).

import {el, replaceChildren, statusBadge, formatTime, formatDuration, shortId, debounce, prettyJson, serialized} from './dom.js';
import {get, post, getEvents, describeDetail} from './api.js';
import {LiveStream, pollWhileDown, executionStatusOf, stepStatusOf} from './live.js';
import {renderDag} from './dag.js';
import {renderGantt} from './gantt.js';
import {attemptsFromEvents, renderStepPanel} from './attempts.js';
import {historyPanel} from './history.js';

const RETRYABLE = new Set(['failed', 'timeout']);
const UNFINISHED = new Set(['pending', 'running']);
const RETRY_STEPS = new Set(['failed', 'timeout', 'cancelled']);

export function mountExecutionView(container, {executionId}, nav) {
  const view = {detail: null, timeline: null, events: [], asOf: null, asOfState: null, selected: null, live: {}};
  const header = el('header', {class: 'view-header'});
  const actions = el('div', {class: 'actions'});
  const notice = el('p', {class: 'notice', id: 'action-result', role: 'status'});
  const dagSlot = el('div', {class: 'dag-slot', id: 'dag'});
  const ganttSlot = el('div', {class: 'gantt-slot', id: 'gantt'});
  const stepSlot = el('div', {class: 'panel step-slot', id: 'step'});
  const retrySlot = el('div', {id: 'retry-editor'});
  const history = historyPanel(travel);
  const banner = el('p', {class: 'as-of-banner', id: 'as-of', hidden: true});

  replaceChildren(container, el('section', {class: 'execution-view'},
    header, el('div', {class: 'toolbar'}, actions, notice), retrySlot, banner,
    el('div', {class: 'execution-grid'},
      el('div', {class: 'execution-left'},
        el('div', {class: 'panel graph-panel'}, el('h3', {}, 'Graph'), dagSlot),
        el('div', {class: 'panel'}, el('h3', {}, 'Attempts over time'), ganttSlot)),
      stepSlot),
    history.node));

  /** The step states shown: as of the chosen sequence, else the detail with live messages on top. */
  function shownSteps() {
    const source = view.asOf !== null && view.asOfState ? view.asOfState : view.detail;
    const states = {};
    ((source && source.step_executions) || []).forEach(step => {
      states[step.step_name] = {status: step.status, retry_count: step.retry_count};
    });
    if (view.asOf === null) Object.assign(states, view.live);
    return states;
  }

  function shownStatus() {
    if (view.asOf !== null && view.asOfState) return view.asOfState.status;
    return view.liveStatus || (view.detail && view.detail.status);
  }

  function renderHeader() {
    const d = view.detail;
    if (!d) return;
    const status = shownStatus();
    replaceChildren(header,
      el('div', {},
        el('h2', {}, `${view.workflowName || 'Execution'} #${d.execution_number ?? '?'} `,
          el('span', {class: 'mono muted'}, shortId(d.id))),
        el('p', {class: 'muted'},
          el('a', {href: nav.href(`workflow/${d.workflow_id}`)}, 'all executions'), ` · version ${d.workflow_version ?? '—'}`,
          ` · started ${formatTime(d.started_at)} · ${formatDuration(d.duration)}`,
          d.metadata && d.metadata.rerun_of ? el('span', {}, ' · rerun of ',
            el('a', {href: nav.href(`execution/${d.metadata.rerun_of}`)}, shortId(d.metadata.rerun_of))) : null),
        d.error_message ? el('p', {class: 'error', id: 'execution-error'}, d.error_message) : null),
      el('div', {id: 'execution-status', 'data-status': status}, statusBadge(status)));
    renderActions(status);
  }

  function renderActions(status) {
    const button = (id, text, enabled, onclick) => el('button', {id, disabled: !enabled, onclick}, text);
    replaceChildren(actions,
      button('cancel-button', 'Cancel', UNFINISHED.has(status), () => act('cancel')),
      button('retry-button', 'Retry from failed step', RETRYABLE.has(status), () => act('retry')),
      button('retry-edit-button', 'Retry with edited input…', RETRYABLE.has(status), openRetryEditor),
      button('rerun-button', 'Rerun', !UNFINISHED.has(status), () => act('rerun')));
  }

  async function act(action, body) {
    notice.textContent = `${action}…`;
    try {
      const answer = await post(`/api/workflows/executions/${executionId}/${action}`, body);
      notice.textContent = answer.message || answer.status;
      replaceChildren(retrySlot);
      if (action === 'rerun') nav.go(`execution/${answer.execution_id}`);
      else refreshSoon();
    } catch (e) {
      notice.textContent = `${action} refused: ${describeDetail(e.detail) || e.message}`;
    }
  }

  function openRetryEditor() {
    const failed = ((view.detail && view.detail.step_executions) || []).filter(s => RETRY_STEPS.has(s.status));
    if (failed.length === 0) return;
    const attempts = attemptsFromEvents(view.events);
    const lastInput = name => {
      const list = attempts.get(name) || [];
      return list.length ? list[list.length - 1].input : {};
    };
    const choice = el('select', {id: 'retry-step'}, failed.map(s => el('option', {value: s.step_name}, s.step_name)));
    const text = el('textarea', {id: 'retry-input', rows: 8, spellcheck: 'false'});
    text.value = prettyJson(lastInput(failed[0].step_name) || {});
    choice.addEventListener('change', () => {
      text.value = prettyJson(lastInput(choice.value) || {});
    });
    const problem = el('p', {class: 'error'});
    replaceChildren(retrySlot, el('div', {class: 'panel retry-editor'},
      el('h3', {}, 'Retry with an edited input'),
      el('label', {}, 'Step ', choice), text, problem,
      el('div', {class: 'form-actions'},
        el('button', {class: 'primary', id: 'retry-edited-submit', onclick: () => {
          let input;
          try {
            input = JSON.parse(text.value);
          } catch (e) {
            problem.textContent = `Not valid JSON: ${e.message}`;
            return;
          }
          if (!input || typeof input !== 'object' || Array.isArray(input)) {
            problem.textContent = 'The input must be a JSON object.';
            return;
          }
          act('retry', {step_inputs: {[choice.value]: input}});
        }}, 'Retry with this input'),
        el('button', {onclick: () => replaceChildren(retrySlot)}, 'Close'))));
  }

  function renderGraph() {
    const definition = view.detail && view.detail.definition;
    if (!definition) {
      replaceChildren(dagSlot, el('p', {class: 'muted'}, 'No definition (the engine refused this start).'));
      return;
    }
    replaceChildren(dagSlot, renderDag(definition, shownSteps(), {selected: view.selected, onSelect: name => {
      view.selected = name;
      view.userSelected = true;
      renderGraph();
      renderStep();
    }}));
  }

  function renderStep() {
    const steps = (view.detail && view.detail.step_executions) || [];
    if (!view.userSelected) {
      const interesting = steps.find(s => RETRY_STEPS.has(s.status)) || steps.find(s => s.retry_count > 0)
        || steps.find(s => s.status === 'running') || steps[0];
      view.selected = interesting ? interesting.step_name : null;
    }
    if (!view.selected) return;
    const timelineStep = ((view.timeline && view.timeline.step_timeline) || []).find(s => s.step_name === view.selected);
    const events = view.asOf === null ? view.events : view.events.filter(e => e.sequence <= view.asOf);
    replaceChildren(stepSlot, renderStepPanel(view.selected, timelineStep, attemptsFromEvents(events).get(view.selected)));
  }

  function renderAll() {
    renderHeader();
    renderGraph();
    if (view.timeline) replaceChildren(ganttSlot, renderGantt(view.timeline, Math.max(480, ganttSlot.clientWidth - 8)));
    renderStep();
    history.update(view.events, view.asOf);
    banner.hidden = view.asOf === null;
    banner.textContent = view.asOf === null ? '' : `Showing the execution as it stood after event ${view.asOf}. `
      + 'Live updates continue in the background.';
  }

  async function travel(sequence) {
    view.asOf = sequence;
    view.asOfState = null;
    if (sequence !== null) {
      try {
        view.asOfState = await get(`/api/workflows/executions/${executionId}/state?at_sequence=${sequence}`);
      } catch (e) {
        notice.textContent = e.message;
        view.asOf = null;
      }
    }
    renderAll();
  }

  const refresh = serialized(async () => {
    try {
      const lastSequence = view.events.length ? view.events[view.events.length - 1].sequence : 0;
      const [detail, timeline, newEvents] = await Promise.all([
        get(`/api/workflows/executions/${executionId}`),
        get(`/api/workflows/executions/${executionId}/timeline`),
        getEvents(executionId, lastSequence),
      ]);
      if (!view.workflowName && detail.workflow_id) {
        view.workflowName = await get(`/api/workflows/${detail.workflow_id}?include_steps=false`)
          .then(workflow => workflow.name).catch(() => null);
      }
      view.detail = detail;
      view.timeline = timeline;
      view.events = view.events.concat(newEvents.filter(e => e.sequence > lastSequence));
      // The read model has caught up with what the stream said: drop the live overrides it covers.
      view.live = {};
      view.liveStatus = null;
      renderAll();
    } catch (e) {
      notice.textContent = e.message;
    }
  });
  const refreshSoon = debounce(refresh, 250);

  function stepNameOf(stepId) {
    const fromDetail = ((view.detail && view.detail.step_executions) || []).find(s => s.step_id === stepId);
    if (fromDetail) return fromDetail.step_name;
    const fromDefinition = ((view.detail && view.detail.definition && view.detail.definition.steps) || []).find(s => s.id === stepId);
    return fromDefinition ? fromDefinition.name : stepId;
  }

  function onMessage(message) {
    if (message.event_type === 'heartbeat' || message.event_type === 'error') return;
    if (message.event_type === 'execution_state' && message.data) {
      (message.data.steps || []).forEach(step => {
        view.live[step.step_name] = {status: step.status, retry_count: step.retry_count};
      });
      view.liveStatus = message.data.status || null;
    } else {
      const data = message.data || {};
      const stepStatus = stepStatusOf(message.event_type) || (data.type === 'StepScheduled' ? 'queued' : null);
      const name = data.step_name || (message.workflow_step_id ? stepNameOf(message.workflow_step_id) : null);
      if (stepStatus && name) {
        const before = shownSteps()[name] || {};
        view.live[name] = {status: stepStatus,
          retry_count: (before.retry_count || 0) + (message.event_type === 'step_retrying' ? 1 : 0)};
      }
      const executionStatus = executionStatusOf(message.event_type);
      if (executionStatus) view.liveStatus = executionStatus;
    }
    renderHeader();
    renderGraph();
    refreshSoon();
  }

  const stream = new LiveStream(`/ws/workflows/executions/${executionId}`, {onMessage, resumable: true,
    onStateChange: (state, source) => {
      container.setAttribute('data-stream', state);
      if (state === 'open' && source.resumedFrom !== null) container.setAttribute('data-stream-since', source.resumedFrom);
    }});
  const stopPolling = pollWhileDown(stream, refresh, 3000);
  refresh().then(() => {
    if (stream.lastSequence === null && view.events.length) stream.lastSequence = view.events[view.events.length - 1].sequence;
  });
  return () => {
    stream.close();
    stopPolling();
    container.removeAttribute('data-stream');
    container.removeAttribute('data-stream-since');
  };
}
