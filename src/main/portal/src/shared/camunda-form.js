// What the portal and the reviewer workspace do alike with a Camunda Form rendered by form-js: find its keyed and
// editable components, make it easier to operate (short option lists as radio buttons, radio groups named, required
// fields said), and show the server's field errors at the fields and in an error summary.
import { showErrorSummary } from './dom.js';

export const INPUT_TYPES = ['textfield', 'textarea', 'number', 'checkbox', 'radio', 'select', 'checklist', 'taglist', 'datetime'];

/** Every component with a key, depth first. */
export function keyed(schema, out = []) {
  (schema.components || []).forEach(component => {
    if (component.key) out.push(component);
    keyed(component, out);
  });
  return out;
}

export function editable(component) {
  return INPUT_TYPES.includes(component.type) && !component.readonly && !component.disabled;
}

/** form-js gives each input the id fjs-form-<form>-<component id>. */
export function inputId(container, componentId) {
  const el = container.querySelector(`[id$="-${CSS.escape(componentId)}"]`)
    || container.querySelector(`[id$="-${CSS.escape(componentId)}-0"]`);
  return el ? el.id : '';
}

/**
 * A short list of options is easier to read and to operate (keyboard, screen reader, phone) as radio buttons than
 * as form-js's custom drop-down; same key, same values, same validation on the server.
 */
export function adaptSchema(schema) {
  const copy = JSON.parse(JSON.stringify(schema));
  const walk = node => (node.components || []).forEach(component => {
    if (component.type === 'select' && Array.isArray(component.values) && component.values.length <= 8 && !component.searchable) {
      component.type = 'radio';
    }
    walk(component);
  });
  walk(copy);
  return copy;
}

/**
 * What form-js leaves out for assistive technology: a radio group is named by its label (role radiogroup), its
 * radios share a name (one tab stop, arrow keys), required fields say so.
 */
export function enhance(container, components) {
  container.querySelectorAll('form').forEach(f => f.setAttribute('novalidate', ''));
  components.filter(c => c.type === 'radio').forEach(component => {
    const first = container.querySelector(`[id$="-${CSS.escape(component.id)}-0"]`);
    const group = first && first.closest('.fjs-form-field-radio');
    if (!group) return;
    const label = group.querySelector(':scope > label, :scope > .fjs-form-field-label');
    if (label) {
      label.id = label.id || `${first.id.slice(0, -2)}-label`;
      group.setAttribute('aria-labelledby', label.id);
    }
    group.setAttribute('role', 'radiogroup');
    if (component.validate && component.validate.required) group.setAttribute('aria-required', 'true');
    group.querySelectorAll('input[type=radio]').forEach(radio => { radio.name = component.key; });
  });
  components.filter(c => c.validate && c.validate.required && c.type !== 'radio').forEach(component => {
    const input = container.querySelector(`[id$="-${CSS.escape(component.id)}"]`);
    if (input && input.type !== 'checkbox') input.setAttribute('aria-required', 'true');
  });
}

export function showServerErrors(form, container, top, components, error) {
  const stateErrors = {};
  const items = [];
  Object.entries(error.fieldErrors).forEach(([key, message]) => {
    const component = components.find(c => c.key === key);
    if (component) {
      stateErrors[component.id] = [message];
      items.push({ id: inputId(container, component.id), label: component.label, message });
    } else {
      items.push({ id: '', label: key, message });
    }
  });
  // form-js shows these like its own validation errors: at the field, linked by aria-describedby
  form._setState({ errors: stateErrors });
  showErrorSummary(top, error.message, items, null);
}
