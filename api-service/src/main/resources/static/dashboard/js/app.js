// The shell: workspace switcher, workflow list, hash routes, the live indicator and the API key.
// Routes: #/w/<workspace id>, #/w/<workspace id>/workflow/<id>, #/w/<workspace id>/execution/<id>.

import {el, byId, replaceChildren} from './dom.js';
import {get, setWorkspace, currentWorkspace, apiKey, forgetApiKey} from './api.js';
import {onConnectivity} from './live.js';
import {mountWorkflowView} from './workflow-view.js';
import {mountExecutionView} from './execution-view.js';

let unmount = () => {};
let workspaces = [];

const nav = {
  href: path => `#/w/${currentWorkspace()}/${path}`,
  go: path => {
    location.hash = `/w/${currentWorkspace()}/${path}`;
  },
};

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const route = {workspaceId: parts[0] === 'w' ? parts[1] : null, view: parts[2] || null, id: parts[3] || null};
  return route;
}

async function loadWorkspaces() {
  const answer = await get('/api/workspaces');
  workspaces = Array.isArray(answer) ? answer : answer.items || [];
  const select = byId('workspace-select');
  replaceChildren(select, workspaces.map(w => el('option', {value: w.id}, w.name === w.slug ? w.name : `${w.name} (${w.slug})`)));
}

async function loadWorkflows() {
  const list = byId('workflow-list');
  try {
    const page = await get('/api/workflows?limit=100&skip=0');
    const route = parseRoute();
    replaceChildren(list, page.items.length === 0 ? el('li', {class: 'muted'}, 'No workflows in this workspace.') :
      page.items.map(workflow => el('li', {class: route.view === 'workflow' && route.id === workflow.id ? 'active' : ''},
        el('a', {href: nav.href(`workflow/${workflow.id}`), 'data-workflow': workflow.id}, workflow.name),
        workflow.is_active === false ? el('span', {class: 'muted'}, ' (inactive)') : null)));
  } catch (e) {
    replaceChildren(list, el('li', {class: 'error'}, e.message));
  }
}

async function render() {
  const route = parseRoute();
  if (!route.workspaceId || !workspaces.some(w => w.id === route.workspaceId)) {
    const fallback = workspaces.find(w => w.slug === 'default') || workspaces[0];
    if (fallback) {
      location.replace(`#/w/${fallback.id}`);
      return;
    }
  }
  const changedWorkspace = route.workspaceId !== currentWorkspace();
  setWorkspace(route.workspaceId);
  byId('workspace-select').value = route.workspaceId;
  unmount();
  const main = byId('main');
  if (route.view === 'workflow' && route.id) {
    unmount = mountWorkflowView(main, {workflowId: route.id}, nav);
  } else if (route.view === 'execution' && route.id) {
    unmount = mountExecutionView(main, {executionId: route.id}, nav);
  } else {
    unmount = () => {};
    replaceChildren(main, el('section', {class: 'panel'}, el('h2', {}, 'Pick a workflow'),
      el('p', {class: 'muted'}, 'Choose a workflow on the left to start executions, follow them live and read their metrics.')));
  }
  if (changedWorkspace || route.view !== 'execution') loadWorkflows();
}

function showConnectivity(summary) {
  const indicator = byId('live-state');
  indicator.dataset.state = summary;
  indicator.textContent = {live: '● live', reconnecting: '● reconnecting (REST refresh meanwhile)', idle: '○ idle'}[summary];
}

function showKeyState() {
  byId('api-key-button').textContent = apiKey() ? 'Forget API key' : 'Set API key';
}

async function start() {
  onConnectivity(showConnectivity);
  byId('workspace-select').addEventListener('change', event => {
    location.hash = `/w/${event.target.value}`;
  });
  byId('api-key-button').addEventListener('click', () => {
    if (apiKey()) {
      forgetApiKey();
      showKeyState();
    } else {
      const dialog = byId('api-key-dialog');
      byId('api-key-reason').textContent = 'Sent as X-API-Key on every request and as api_key on WebSockets.';
      dialog.addEventListener('close', function saved() {
        dialog.removeEventListener('close', saved);
        const value = byId('api-key-input').value.trim();
        if (dialog.returnValue === 'save' && value) localStorage.setItem('ordo.apiKey', value);
        showKeyState();
        render();
      });
      dialog.showModal();
    }
  });
  window.addEventListener('hashchange', render);
  try {
    await loadWorkspaces();
  } catch (e) {
    replaceChildren(byId('main'), el('p', {class: 'error'}, `Could not read the workspaces: ${e.message}`));
    return;
  }
  showKeyState();
  render();
}

start();
