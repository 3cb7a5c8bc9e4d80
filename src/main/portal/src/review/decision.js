// The decision: the task's Camunda Form (GET /tasks/{id}/form) rendered by form-js as in the portal, without what the
// case screen already shows beside it (read-only fields, texts, the Tasklist link Field_WorkspaceLink), checked by
// form-js first, then sent as {"values": {...the form's editable fields...}} to POST /tasks/{id}/complete.
import { Form } from '@bpmn-io/form-js-viewer';
import { keyed, editable, inputId, adaptSchema, enhance, showServerErrors } from '../shared/camunda-form.js';
import { showErrorSummary } from '../shared/dom.js';
import { api } from './client.js';

const HIDDEN_IDS = ['Field_WorkspaceLink'];

/** The schema without its texts and read-only fields (shown as facts beside the form); groups kept. */
export function decisionSchema(schema) {
  const copy = JSON.parse(JSON.stringify(schema));
  const keep = component => !HIDDEN_IDS.includes(component.id) && component.type !== 'text' && component.type !== 'html'
    && !(component.key && !editable(component) && component.type !== 'group' && component.type !== 'dynamiclist');
  const walk = node => {
    if (!Array.isArray(node.components)) return;
    node.components = node.components.filter(keep);
    node.components.forEach(walk);
  };
  walk(copy);
  return adaptSchema(copy);
}

/** Renders the form into container; returns {form, components, submit(), focusTarget()}. */
export async function renderDecision(container, data) {
  const schema = decisionSchema(data.schema);
  const original = keyed(data.schema);
  const components = keyed(schema);
  const form = new Form({ container });
  await form.importSchema(schema, data.values || {});
  enhance(container, components);
  new MutationObserver(() => enhance(container, components)).observe(container, { childList: true, subtree: true });

  const byKey = Object.fromEntries(original.map(c => [c.key, c]));
  quietUntilUsed(container);

  /** The first thing to operate: the chosen radio of the first group, else its first radio, else the first field. */
  const focusTarget = () => container.querySelector('input[type=radio]:checked')
    || container.querySelector('input[type=radio]')
    || container.querySelector('input:not([type=hidden]):not([readonly]), select, textarea:not([readonly])');

  /** Checks with form-js; errors at the fields and in a summary in `top`. The values, or null. */
  const check = top => {
    top.innerHTML = '';
    const { data: submitted, errors } = form.submit();
    const items = Object.entries(errors || {}).map(([id, messages]) => {
      const component = components.find(c => c.id === id) || { label: '' };
      return { id: inputId(container, id), label: component.label, message: [].concat(messages)[0] };
    });
    if (items.length) {
      showErrorSummary(top, null, items, null);
      return null;
    }
    return Object.fromEntries(Object.entries(submitted).filter(([key]) => byKey[key] && editable(byKey[key])));
  };

  const complete = values => api('POST', `/tasks/${encodeURIComponent(data.taskId)}/complete`, { values });

  const serverErrors = (top, error) => showServerErrors(form, container, top, components, error);

  /** The label of the chosen option of the first radio group ("Approve"), for the notice after deciding. */
  const choiceLabel = values => {
    const radio = components.find(c => c.type === 'radio' && values[c.key] !== undefined);
    if (!radio) return '';
    const option = (radio.values || []).find(o => String(o.value) === String(values[radio.key]));
    return option ? option.label : '';
  };

  return { form, components, focusTarget, check, complete, serverErrors, choiceLabel };
}

/**
 * form-js checks a field when it first loses the focus. The workspace puts the focus on the first decision option
 * when a case opens, so looking at the documents first would show "Field is required" before anything was done.
 * Until the reviewer changes something in the form, leaving a field does not check it (deciding still checks all).
 */
function quietUntilUsed(container) {
  let used = false;
  const use = () => { used = true; };
  container.addEventListener('change', use, true);
  container.addEventListener('input', use, true);
  const quiet = event => {
    if (!used && event.target.matches('input, select, textarea')) event.stopPropagation();
  };
  container.addEventListener('blur', quiet, true);
  container.addEventListener('focusout', quiet, true);
}
