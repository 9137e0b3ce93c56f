// A WebSocket stream of the live protocol that reconnects with exponential backoff. On an execution
// stream it resumes with ?since=<last sequence seen> and drops anything it has already seen.

import {apiKey, currentWorkspace} from './api.js';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15000;
const listeners = new Set();
const streams = new Set();

/** fn(summary) whenever any stream opens or drops: summary is 'live', 'reconnecting' or 'idle'. */
export function onConnectivity(fn) {
  listeners.add(fn);
}

function announce() {
  const states = [...streams].map(stream => stream.state);
  const summary = states.length === 0 ? 'idle' : states.every(state => state === 'open') ? 'live' : 'reconnecting';
  listeners.forEach(fn => fn(summary));
}

export class LiveStream {
  /**
   * path: e.g. /ws/workflows/stream. onMessage(message) for every message after dedup.
   * resumable: pass ?since on reconnect (execution streams). sinceSequence: the last sequence
   * already shown from REST, or null.
   */
  constructor(path, {onMessage, onStateChange, resumable = false, sinceSequence = null}) {
    this.path = path;
    this.onMessage = onMessage;
    this.onStateChange = onStateChange || (() => {});
    this.resumable = resumable;
    this.lastSequence = sinceSequence;
    this.failures = 0;
    this.state = 'connecting';
    this.stopped = false;
    streams.add(this);
    this.connect();
  }

  url() {
    const params = new URLSearchParams();
    if (currentWorkspace()) params.set('workspace_id', currentWorkspace());
    if (apiKey()) params.set('api_key', apiKey());
    if (this.resumable && this.lastSequence !== null) params.set('since', String(this.lastSequence));
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const query = params.toString();
    return `${scheme}://${location.host}${this.path}${query ? `?${query}` : ''}`;
  }

  connect() {
    let socket;
    this.resumedFrom = this.resumable ? this.lastSequence : null;
    try {
      socket = new WebSocket(this.url());
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.failures = 0;
      this.setState('open');
    });
    socket.addEventListener('message', event => this.receive(event.data));
    socket.addEventListener('close', () => {
      if (this.socket === socket) this.scheduleReconnect();
    });
  }

  receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (e) {
      return;
    }
    if (this.resumable && typeof message.sequence === 'number') {
      const isState = message.event_type === 'execution_state';
      if (!isState && this.lastSequence !== null && message.sequence <= this.lastSequence) return;
      if (!isState || this.lastSequence === null || message.sequence > this.lastSequence) {
        this.lastSequence = message.sequence;
      }
    }
    this.onMessage(message);
  }

  scheduleReconnect() {
    if (this.stopped) return;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.failures);
    this.failures += 1;
    this.retryAt = Date.now() + delay;
    this.setState('reconnecting');
    this.timer = setTimeout(() => this.connect(), delay * (0.8 + Math.random() * 0.4));
  }

  setState(state) {
    this.state = state;
    this.onStateChange(state, this);
    announce();
  }

  /** Simulates a network blip (used by the page's "drop connection" control). */
  drop() {
    if (this.socket) this.socket.close();
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    streams.delete(this);
    if (this.socket) {
      const socket = this.socket;
      this.socket = null;
      socket.close();
    }
    announce();
  }

  get isOpen() {
    return this.state === 'open';
  }
}

/** Calls refresh every intervalMs while stream is not open: the REST fallback. */
export function pollWhileDown(stream, refresh, intervalMs = 3000) {
  const timer = setInterval(() => {
    if (!stream.isOpen && document.visibilityState !== 'hidden') refresh();
  }, intervalMs);
  return () => clearInterval(timer);
}

/** The execution status an event message implies, or null. */
export function executionStatusOf(eventType) {
  return {
    workflow_started: 'running', workflow_completed: 'completed', workflow_failed: 'failed',
    workflow_cancelled: 'cancelled', workflow_timeout: 'timeout',
  }[eventType] || null;
}

/** The step status an event message implies, or null. */
export function stepStatusOf(eventType) {
  return {
    step_started: 'running', step_completed: 'completed', step_failed: 'failed',
    step_retrying: 'retrying', step_skipped: 'skipped',
  }[eventType] || null;
}
