// The start form, built from the workflow's declared variables: one field per variable, typed by
// data_type, marked when required, prefilled with the default.

import {el} from './dom.js';
import {post, describeDetail} from './api.js';

function field(variable) {
  const id = `var-${variable.name}`;
  const type = variable.data_type || 'string';
  const fallback = variable.default_value;
  const common = {id, name: variable.name, 'data-variable': variable.name, 'data-type': type};
  let input;
  if (type === 'bool') {
    input = el('input', {...common, type: 'checkbox', checked: fallback === true});
  } else if (type === 'json') {
    input = el('textarea', {...common, rows: 3, placeholder: '{ }', spellcheck: 'false'});
    input.value = fallback === undefined || fallback === null ? '' : JSON.stringify(fallback, null, 2);
  } else {
    input = el('input', {
      ...common,
      type: type === 'int' || type === 'float' ? 'number' : 'text',
      step: type === 'int' ? '1' : type === 'float' ? 'any' : null,
      required: variable.is_required,
      value: fallback === undefined || fallback === null ? '' : String(fallback),
    });
  }
  return el('label', {class: 'form-field', for: id},
    el('span', {class: 'field-name'}, variable.name, variable.is_required ? el('abbr', {title: 'required'}, ' *') : null),
    el('span', {class: 'field-type'}, type),
    input,
    variable.description ? el('span', {class: 'field-help'}, variable.description) : null);
}

/** The value typed for one variable, or undefined to leave it out (so its default applies). */
function readValue(variable, input) {
  const type = variable.data_type || 'string';
  if (type === 'bool') return input.checked;
  const raw = input.value.trim();
  if (raw === '') {
    if (variable.is_required && type !== 'string') throw new Error(`${variable.name} is required`);
    return variable.is_required ? '' : undefined;
  }
  if (type === 'int') {
    if (!/^-?\d+$/.test(raw)) throw new Error(`${variable.name} must be a whole number`);
    return Number(raw);
  }
  if (type === 'float') {
    if (Number.isNaN(Number(raw))) throw new Error(`${variable.name} must be a number`);
    return Number(raw);
  }
  if (type === 'json') {
    try {
      return JSON.parse(raw);
    } catch (e) {
      throw new Error(`${variable.name} is not valid JSON: ${e.message}`);
    }
  }
  return input.value;
}

/** The form; onStarted(executionId) after a 202. */
export function startForm(workflow, onStarted) {
  const variables = workflow.variables || [];
  const problems = el('p', {class: 'form-problems', role: 'alert'});
  const form = el('form', {class: 'start-form', id: 'start-form'},
    el('h3', {}, 'Start an execution'),
    variables.length ? variables.map(field) : el('p', {class: 'muted'}, 'This workflow declares no variables.'),
    problems,
    el('div', {class: 'form-actions'},
      el('button', {type: 'submit', class: 'primary', id: 'start-submit'}, 'Start')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problems.textContent = '';
    const inputs = {};
    try {
      variables.forEach(variable => {
        const value = readValue(variable, form.querySelector(`[data-variable="${CSS.escape(variable.name)}"]`));
        if (value !== undefined) inputs[variable.name] = value;
      });
    } catch (e) {
      problems.textContent = e.message;
      return;
    }
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const answer = await post(`/api/workflows/${workflow.id}/execute`, {input_variables: inputs});
      onStarted(answer.execution_id);
    } catch (e) {
      problems.textContent = describeDetail(e.detail) || e.message;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
