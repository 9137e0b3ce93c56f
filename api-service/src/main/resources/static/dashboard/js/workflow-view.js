// One workflow: the start form, its metrics, and its executions with a status filter (also "a step
// retrying now"), live status from the workspace stream, and bulk cancel and retry.

import {el, replaceChildren, statusBadge, formatTime, formatDuration, shortId, debounce, serialized} from './dom.js';
import {get, post, getAllPages, describeDetail} from './api.js';
import {LiveStream, pollWhileDown, executionStatusOf} from './live.js';
import {startForm} from './start-form.js';
import {metricCharts} from './charts.js';

const FILTERS = ['all', 'pending', 'running', 'retrying', 'completed', 'failed', 'cancelled', 'timeout'];
const UNFINISHED = new Set(['pending', 'running']);

/** A step that was waiting to retry is no longer retrying once it is handed out again, starts or ends. */
function endsRetrying(message) {
  return ['step_started', 'step_completed', 'step_skipped'].includes(message.event_type)
    || (message.data && message.data.type === 'StepScheduled');
}

export function mountWorkflowView(container, {workflowId}, nav) {
  const view = {executions: [], retrying: new Map(), filter: 'all', selected: new Set()};
  const title = el('h2', {}, 'Workflow');
  const meta = el('p', {class: 'muted'});
  const formSlot = el('div', {class: 'panel'});
  const metricsSlot = el('div', {class: 'panel metrics', id: 'metrics'});
  const tableSlot = el('div', {id: 'executions'});
  const notice = el('p', {class: 'notice', id: 'bulk-result', role: 'status'});
  const filter = el('select', {id: 'status-filter', 'aria-label': 'Status filter', onchange: () => {
    view.filter = filter.value;
    view.selected.clear();
    refreshExecutions();
  }}, FILTERS.map(f => el('option', {value: f}, f === 'retrying' ? 'a step retrying now' : f)));

  replaceChildren(container,
    el('section', {class: 'workflow-view'},
      el('header', {class: 'view-header'}, el('div', {}, title, meta)),
      el('div', {class: 'two-columns'}, formSlot, metricsSlot),
      el('div', {class: 'panel'},
        el('div', {class: 'toolbar'},
          el('h3', {}, 'Executions'),
          el('label', {}, 'Status ', filter),
          el('button', {id: 'bulk-cancel', onclick: () => bulk('cancel')}, 'Cancel selected'),
          el('button', {id: 'bulk-retry', onclick: () => bulk('retry')}, 'Retry selected'),
          notice),
        tableSlot)));

  let workflow = null;
  get(`/api/workflows/${workflowId}`).then(found => {
    workflow = found;
    title.textContent = found.name;
    meta.textContent = `version ${found.version ?? ''} · ${(found.steps || []).length} steps${found.is_active === false ? ' · inactive' : ''}`
      + (found.description ? ` · ${found.description}` : '');
    replaceChildren(formSlot, startForm(found, executionId => nav.go(`execution/${executionId}`)));
  }).catch(e => replaceChildren(formSlot, el('p', {class: 'error'}, e.message)));

  const refreshExecutions = serialized(async () => {
    try {
      const status = FILTERS.includes(view.filter) && !['all', 'retrying'].includes(view.filter) ? view.filter : null;
      const query = status ? `?status=${status}` : view.filter === 'retrying' ? '?status=running' : '';
      view.executions = await getAllPages(`/api/workflows/${workflowId}/executions${query}`, 200);
      await findRetryingSteps();
      renderTable();
    } catch (e) {
      replaceChildren(tableSlot, el('p', {class: 'error'}, e.message));
    }
  });

  /** The list items carry no steps: read the running ones' details to see which step is retrying. */
  async function findRetryingSteps() {
    const running = view.executions.filter(e => e.status === 'running').slice(0, 25);
    const details = await Promise.all(running.map(e => get(`/api/workflows/executions/${e.id}`).catch(() => null)));
    details.filter(Boolean).forEach(detail => {
      const steps = (detail.step_executions || []).filter(s => s.status === 'retrying').map(s => s.step_id);
      if (steps.length) view.retrying.set(detail.id, new Set(steps));
      else view.retrying.delete(detail.id);
    });
  }

  const refreshMetrics = serialized(async () => {
    try {
      const [totals, all] = await Promise.all([
        get(`/api/workflows/${workflowId}/metrics`),
        getAllPages(`/api/workflows/${workflowId}/executions`, 500),
      ]);
      const card = (label, value, id) => el('div', {class: 'card', id}, el('span', {class: 'card-value'}, value),
        el('span', {class: 'card-label'}, label));
      replaceChildren(metricsSlot,
        el('h3', {}, 'Metrics'),
        el('div', {class: 'cards'},
          card('executions', String(totals.total_executions), 'metric-total'),
          card('success rate', totals.success_rate === null ? '—' : `${totals.success_rate}%`, 'metric-success'),
          card('p50', formatDuration(totals.p50_duration_seconds), 'metric-p50'),
          card('p95', formatDuration(totals.p95_duration_seconds), 'metric-p95')),
        el('div', {class: 'charts'}, metricCharts(all)));
    } catch (e) {
      replaceChildren(metricsSlot, el('p', {class: 'error'}, e.message));
    }
  });

  function visibleExecutions() {
    if (view.filter !== 'retrying') return view.executions.filter(e => view.filter === 'all' || e.status === view.filter);
    return view.executions.filter(e => view.retrying.has(e.id) && UNFINISHED.has(e.status));
  }

  function renderTable() {
    const rows = visibleExecutions();
    const allBox = el('input', {type: 'checkbox', 'aria-label': 'Select all', checked: rows.length > 0 && rows.every(r => view.selected.has(r.id)),
      onchange: () => {
        rows.forEach(r => (allBox.checked ? view.selected.add(r.id) : view.selected.delete(r.id)));
        renderTable();
      }});
    replaceChildren(tableSlot, rows.length === 0 ? el('p', {class: 'muted'}, 'No executions match.') :
      el('table', {class: 'executions'},
        el('thead', {}, el('tr', {}, el('th', {}, allBox), ['#', 'execution', 'status', 'started', 'duration', 'error']
          .map(h => el('th', {}, h)))),
        el('tbody', {}, rows.map(execution => el('tr', {'data-execution': execution.id, 'data-status': execution.status},
          el('td', {}, el('input', {type: 'checkbox', 'aria-label': `Select ${execution.id}`, checked: view.selected.has(execution.id),
            onchange: event => (event.target.checked ? view.selected.add(execution.id) : view.selected.delete(execution.id))})),
          el('td', {}, String(execution.execution_number ?? '')),
          el('td', {}, el('a', {href: nav.href(`execution/${execution.id}`), class: 'mono'}, shortId(execution.id))),
          el('td', {}, statusBadge(execution.status),
            view.retrying.has(execution.id) && UNFINISHED.has(execution.status) ? el('span', {class: 'badge status-retrying'}, 'step retrying') : null),
          el('td', {}, formatTime(execution.started_at || execution.created_at)),
          el('td', {}, formatDuration(execution.duration)),
          el('td', {class: 'error-cell'}, execution.error_message || ''))))));
  }

  async function bulk(action) {
    const ids = [...view.selected];
    if (ids.length === 0) {
      notice.textContent = 'Select executions first.';
      return;
    }
    const results = await Promise.all(ids.map(id => post(`/api/workflows/executions/${id}/${action}`)
      .then(() => null).catch(e => `${shortId(id)}: ${describeDetail(e.detail) || e.message}`)));
    const refused = results.filter(Boolean);
    notice.textContent = `${action}: ${ids.length - refused.length} accepted`
      + (refused.length ? `, ${refused.length} refused (${refused.join('; ')})` : '');
    view.selected.clear();
    refreshSoon();
  }

  const refreshSoon = debounce(() => {
    refreshExecutions();
    refreshMetrics();
  }, 400);

  function onMessage(message) {
    if (message.workflow_id !== workflowId || !message.workflow_execution_id) return;
    const id = message.workflow_execution_id;
    const row = view.executions.find(e => e.id === id);
    if (message.event_type === 'step_retrying' && message.workflow_step_id) {
      const steps = view.retrying.get(id) || new Set();
      steps.add(message.workflow_step_id);
      view.retrying.set(id, steps);
    } else if (endsRetrying(message) && view.retrying.has(id)) {
      view.retrying.get(id).delete(message.workflow_step_id);
      if (view.retrying.get(id).size === 0) view.retrying.delete(id);
    }
    const status = executionStatusOf(message.event_type);
    if (status && status !== 'running') view.retrying.delete(id);
    if (!row) {
      refreshSoon();
      return;
    }
    if (status) {
      row.status = status;
      if (status !== 'running') refreshSoon();
    }
    renderTable();
  }

  const stream = new LiveStream('/ws/workflows/stream', {onMessage});
  const stopPolling = pollWhileDown(stream, () => refreshSoon(), 4000);
  refreshExecutions();
  refreshMetrics();
  return () => {
    stream.close();
    stopPolling();
  };
}
