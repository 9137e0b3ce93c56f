// REST client: scopes every call to the chosen workspace, sends the API key, asks for one on 401.

const KEY_STORAGE = 'ordo.apiKey';
let workspaceId = null;
let pendingKeyPrompt = null;

export class ApiError extends Error {
  constructor(status, detail) {
    super(describeDetail(detail) || `HTTP ${status}`);
    this.status = status;
    this.detail = detail;
  }
}

/** A readable line from FastAPI-shaped details: a string, {message, errors}, or [{loc, msg}]. */
export function describeDetail(detail) {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail.map(item => `${(item.loc || []).join('.')}: ${item.msg}`).join('; ');
  }
  if (typeof detail === 'object') {
    const errors = Array.isArray(detail.errors)
      ? detail.errors.map(e => (typeof e === 'string' ? e : e.message || JSON.stringify(e))) : [];
    return [detail.message, ...errors].filter(Boolean).join(': ');
  }
  return String(detail);
}

export function setWorkspace(id) {
  workspaceId = id;
}

export function currentWorkspace() {
  return workspaceId;
}

export function apiKey() {
  return localStorage.getItem(KEY_STORAGE);
}

export function forgetApiKey() {
  localStorage.removeItem(KEY_STORAGE);
}

/** Resolves once the operator has typed a key into the key dialog (one dialog for all callers). */
function askForKey(reason) {
  if (!pendingKeyPrompt) {
    pendingKeyPrompt = new Promise(resolve => {
      const dialog = document.getElementById('api-key-dialog');
      const input = document.getElementById('api-key-input');
      document.getElementById('api-key-reason').textContent = reason;
      input.value = '';
      dialog.addEventListener('close', function saved() {
        dialog.removeEventListener('close', saved);
        if (dialog.returnValue === 'save' && input.value.trim()) {
          localStorage.setItem(KEY_STORAGE, input.value.trim());
        }
        pendingKeyPrompt = null;
        resolve();
      });
      dialog.showModal();
    });
  }
  return pendingKeyPrompt;
}

function headers(body) {
  const result = {Accept: 'application/json'};
  if (body !== undefined) result['Content-Type'] = 'application/json';
  if (workspaceId) result['X-Workspace-Id'] = workspaceId;
  const key = apiKey();
  if (key) result['X-API-Key'] = key;
  return result;
}

/** One call; a 401 asks for a key once and tries again with it. Errors throw ApiError. */
export async function request(method, path, body, allowKeyPrompt = true) {
  const response = await fetch(path, {
    method,
    headers: headers(body),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = {detail: text};
  }
  if (response.status === 401 && allowKeyPrompt) {
    await askForKey(describeDetail(json && json.detail) || 'This server needs an API key.');
    return request(method, path, body, false);
  }
  if (!response.ok) throw new ApiError(response.status, json && json.detail);
  return json;
}

export const get = path => request('GET', path);
export const post = (path, body) => request('POST', path, body);

/** Every page of a paged list route ({items, total}), up to max items. */
export async function getAllPages(path, max = 500) {
  const items = [];
  const separator = path.includes('?') ? '&' : '?';
  for (let skip = 0; items.length < max; skip += 100) {
    const page = await get(`${path}${separator}skip=${skip}&limit=100`);
    items.push(...page.items);
    if (page.items.length < 100 || items.length >= page.total) break;
  }
  return items;
}

/** Every recorded event of an execution after afterSequence, in order. */
export async function getEvents(executionId, afterSequence = 0) {
  const events = [];
  let after = afterSequence;
  for (;;) {
    const page = await get(`/api/workflows/executions/${executionId}/events?after_sequence=${after}&limit=1000`);
    events.push(...page.items);
    if (!page.has_more || page.items.length === 0) return events;
    after = page.next_after_sequence;
  }
}
