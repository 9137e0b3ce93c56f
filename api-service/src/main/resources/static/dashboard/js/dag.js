// The execution's DAG, laid out in layers by dependency (longest path from an entry step), drawn
// left to right in SVG. Each node carries data-step and data-status so colours follow the status.

import {svg} from './dom.js';

const NODE_WIDTH = 150;
const NODE_HEIGHT = 46;
const LAYER_GAP = 46;
const ROW_GAP = 18;
const MARGIN = 16;

/** layers: [[name, ...], ...] from steps [{name, depends_on_steps}], order within a layer by the parents' rows. */
export function layerSteps(steps) {
  const byName = new Map(steps.map(step => [step.name, step]));
  const depth = new Map();
  const visiting = new Set();
  const depthOf = name => {
    if (depth.has(name)) return depth.get(name);
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const parents = (byName.get(name).depends_on_steps || []).filter(parent => byName.has(parent));
    const value = parents.length === 0 ? 0 : 1 + Math.max(...parents.map(depthOf));
    visiting.delete(name);
    depth.set(name, value);
    return value;
  };
  steps.forEach(step => depthOf(step.name));
  const layers = [];
  [...steps].sort((a, b) => (a.step_order - b.step_order) || a.name.localeCompare(b.name)).forEach(step => {
    const layer = depth.get(step.name);
    (layers[layer] = layers[layer] || []).push(step.name);
  });
  const row = new Map();
  layers.forEach((names, index) => {
    if (index > 0) {
      const weight = name => {
        const parents = (byName.get(name).depends_on_steps || []).filter(parent => row.has(parent));
        return parents.length ? parents.reduce((sum, parent) => sum + row.get(parent), 0) / parents.length : 0;
      };
      names.sort((a, b) => weight(a) - weight(b));
    }
    names.forEach((name, position) => row.set(name, position));
  });
  return layers.map(names => names || []);
}

/**
 * An <svg> of the definition's steps; statusByName: name → {status, retry_count}. onSelect(name)
 * when a node is clicked; selected: the highlighted step.
 */
export function renderDag(definition, statusByName, {onSelect, selected} = {}) {
  const steps = (definition && definition.steps) || [];
  const layers = layerSteps(steps);
  const tallest = Math.max(1, ...layers.map(layer => layer.length));
  const height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  const width = MARGIN * 2 + layers.length * NODE_WIDTH + Math.max(0, layers.length - 1) * LAYER_GAP;
  const position = new Map();
  layers.forEach((names, layer) => {
    const columnHeight = names.length * NODE_HEIGHT + (names.length - 1) * ROW_GAP;
    const top = (height - columnHeight) / 2;
    names.forEach((name, row) => position.set(name, {
      x: MARGIN + layer * (NODE_WIDTH + LAYER_GAP),
      y: top + row * (NODE_HEIGHT + ROW_GAP),
    }));
  });

  const edges = steps.flatMap(step => (step.depends_on_steps || [])
    .filter(parent => position.has(parent))
    .map(parent => {
      const from = position.get(parent);
      const to = position.get(step.name);
      const x1 = from.x + NODE_WIDTH;
      const y1 = from.y + NODE_HEIGHT / 2;
      const x2 = to.x;
      const y2 = to.y + NODE_HEIGHT / 2;
      const bend = Math.max(24, (x2 - x1) / 2);
      const status = (statusByName[parent] || {}).status || 'pending';
      return svg('path', {
        class: `edge edge-${status}`,
        d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`,
        'marker-end': 'url(#arrow)',
      });
    }));

  const nodes = steps.map(step => {
    const {x, y} = position.get(step.name);
    const state = statusByName[step.name] || {};
    const status = state.status || 'pending';
    const retries = state.retry_count || 0;
    const node = svg('g', {
      class: `dag-node status-${status}${selected === step.name ? ' selected' : ''}`,
      transform: `translate(${x},${y})`,
      'data-step': step.name,
      'data-status': status,
      tabindex: 0,
      role: 'button',
      onclick: () => onSelect && onSelect(step.name),
      onkeydown: event => event.key === 'Enter' && onSelect && onSelect(step.name),
    },
    svg('title', {}, `${step.name}: ${status}${retries ? `, ${retries} retr${retries === 1 ? 'y' : 'ies'}` : ''}`),
    svg('rect', {width: NODE_WIDTH, height: NODE_HEIGHT, rx: 8, ry: 8}),
    svg('text', {x: 12, y: 19, class: 'dag-name'}, truncate(step.name, 18)),
    svg('text', {x: 12, y: 36, class: 'dag-status'},
      [status, retries ? `attempt ${retries + 1}` : null, step.step_type && step.step_type !== 'task' ? step.step_type : null]
        .filter(Boolean).join(' · ')));
    return node;
  });

  return svg('svg', {
    class: 'dag', width: '100%', viewBox: `0 0 ${width} ${height}`, style: `max-width: ${width}px`,
    role: 'img', 'aria-label': 'Workflow graph',
  },
  svg('defs', {}, svg('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, svg('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head'}))),
  edges, nodes);
}

function truncate(text, length) {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
